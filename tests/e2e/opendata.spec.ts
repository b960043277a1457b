import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The open data API from the outside, with no account: JSON, CSV, caching, errors, and a change made in
// the workspace showing there at once.
test.describe("API des données ouvertes", () => {
  test("répond en JSON sous Licence Ouverte, et en CSV décrit par son Table Schema", async ({ request }) => {
    const json = await request.get("/api/v1/financements?departement=77&annee=2021");
    expect(json.status()).toBe(200);
    const body = await json.json();
    expect(body.meta.licence.id).toBe("etalab-2.0");
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((r: { departmentCode: string; year: number }) => r.departmentCode === "77" && r.year === 2021)).toBe(true);

    const csv = await request.get("/api/v1/actions?departement=77&format=csv");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const schema = await (await request.get(csv.headers()["link"].match(/<([^>]+)>; rel="describedby"/)![1])).json();
    const header = (await csv.text()).split("\r\n")[0];
    expect(header).toBe(schema.fields.map((f: { name: string }) => f.name).join(","));

    const openapi = await (await request.get("/api/v1/openapi.json")).json();
    expect(openapi.openapi).toBe("3.1.0");
  });

  test("renvoie 304 à qui a déjà la réponse, et des erreurs claires en français", async ({ request }) => {
    // Other tests write contracts at the same time (the collection, its progress and its date of update change
    // with them): a 200 between two reads is a real change. Asked again until nothing changed in between.
    await expect(async () => {
      const first = await request.get("/api/v1/contrats");
      const etag = first.headers()["etag"];
      expect(first.headers()["cache-control"]).toContain("max-age=");
      expect((await request.get("/api/v1/contrats", { headers: { "If-None-Match": etag } })).status()).toBe(304);
    }).toPass({ timeout: 15_000 });

    const bad = await request.get("/api/v1/financements?annee=vingt");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details[0]).toEqual({ parameter: "annee", message: "L'année s'écrit sur quatre chiffres, par exemple 2021." });
    const unknown = await request.get("/api/v1/contrats/inconnu");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/^Aucun contrat publié/);
    // An address the API does not serve: its JSON error, not the site's HTML page.
    const nowhere = await request.get("/api/v1/contracts?departement=77");
    expect(nowhere.status()).toBe(404);
    expect(nowhere.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await nowhere.json()).error).toMatchObject({ status: 404, code: "not_found" });
    const department = await request.get("/api/v1/departements/96");
    expect((await department.json()).error.details[0].parameter).toBe("code");
  });

  test("un visiteur télécharge un CSV depuis la page des données ouvertes", async ({ page }) => {
    await page.goto("/donnees-ouvertes");
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV : Fiches action" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("actions.csv");
  });

  test("une modification faite dans l'espace de travail apparaît dans l'API et sur la page publique", async ({ page, request }) => {
    await signIn(page, "editeur.63@demo.tripartite.fr");
    await page.goto("/espace/departements/63");
    await page.getByRole("link", { name: /^FA-02 — / }).click();
    // FA-02 of the running 2025-2027 contract (the 2020-2022 one has its own FA-02).
    await expect(page).toHaveURL(/\/espace\/departements\/63\/actions\/[^/]+$/);
    const actionId = page.url().split("/").at(-1);
    await page.getByLabel("Avancement (%)").fill("71");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();

    const api = await (await request.get("/api/v1/actions?departement=63&par_page=1000")).json();
    expect(api.data.find((a: { id: string }) => a.id === actionId)).toMatchObject({ reference: "FA-02", progress: 71 });

    await page.goto("/departements/63");
    const row = page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("row").filter({ hasText: "Recrutement et formation d'assistants familiaux" });
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "71");
  });
});
