import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The signed-in views are cached per scope (lib/server/cache/cache.ts): a write must show at once in the
// department's workspace, in the regional and the national views (their medians and totals change too).
test("une fiche action réalisée dans le Puy-de-Dôme apparaît aussitôt dans l'espace du département et les vues régionale et nationale", async ({ browser }) => {
  const national = await (await browser.newContext()).newPage();
  await signIn(national, "national@demo.tripartite.fr");

  const doneIn63 = async (path: string) => {
    await national.goto(path);
    // Its running 2025-2027 contract, the one its workspace edits.
    const row = national.getByRole("table", { name: /^Contrats \(/ }).getByRole("row").filter({ hasText: "Puy-de-Dôme (63)" }).filter({ hasText: "2025-2027" });
    const text = (await row.getByText(/dont \d+ réalisées/).textContent()) ?? "";
    return Number(/dont (\d+) réalisées/.exec(text)![1]);
  };
  // FA-03 of the running contract: in progress (and late), used by no other test.
  const fa03Row = () => national.getByRole("table", { name: /Fiches action du contrat, à mettre à jour/ }).getByRole("row").filter({ hasText: /^FA-03 — / });

  // Seen once, so that each view is in the cache before the write.
  const nationalBefore = await doneIn63("/espace/national?region=84");
  const regionalBefore = await doneIn63("/espace/regions/84");
  await national.goto("/espace/departements/63");
  await expect(fa03Row()).toContainText("En cours");

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editeur.63@demo.tripartite.fr");
  await editor.getByRole("link", { name: /^FA-03 — / }).click();
  await editor.getByLabel("Statut").selectOption({ label: "Réalisée" });
  await editor.getByLabel("Avancement (%)").fill("100");
  await editor.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();

  await national.goto("/espace/departements/63");
  await expect(fa03Row()).toContainText("Réalisée");
  await expect(fa03Row().getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  expect(await doneIn63("/espace/regions/84")).toBe(regionalBefore + 1);
  expect(await doneIn63("/espace/national?region=84")).toBe(nationalBefore + 1);
});

// The national and regional views are served from a copy per reader (lib/page-cache/): private, never
// reachable from outside the server, never given to another reader.
test("la vue nationale servie depuis sa copie en cache reste privée : ni stockée, ni accessible directement, ni rejouable", async ({ page, browser }) => {
  await signIn(page, "national@demo.tripartite.fr");
  const first = await page.goto("/espace/national?tri=taux");
  expect(first?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vue nationale");
  const response = (await page.goto("/espace/national?tri=taux"))!;
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  // Not the per-request nonce policy: the copy's scripts are allowed by their hashes (lib/server/http/csp-hashes.mjs).
  expect(await response.headerValue("content-security-policy")).not.toContain("nonce-");
  await expect(page.getByRole("table", { name: /^Contrats \(/ })).toContainText("triés par taux de versement");
  // The user menu is filled in the browser, after the copy: it names who is signed in.
  await expect(page.getByText("Pilote national démo (DGCS)")).toBeVisible();

  // The copy's signed address is in the page's router data; asked for directly, it does not exist.
  const entry = /(WyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(await response.text())?.[1] ?? "";
  // It names this view, the national reader (no one's identity) and the normalised query; its HMAC-SHA-256 is 43 characters.
  const [payload, signature] = entry.split(".");
  expect(JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"))).toEqual(["national", "NATIONAL_OFFICIAL::", "?tri=taux"]);
  expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect((await page.request.get(`/vues-en-cache/${entry}`)).status()).toBe(404);
  expect((await page.request.get(`/VUES-EN-CACHE/${entry}`)).status()).toBe(404);

  // Replayed in the proxy's header, by someone signed out or by a reader of one region, it is ignored.
  const anonymous = await (await browser.newContext({ extraHTTPHeaders: { "x-tripartite-cached-view": entry! } })).newPage();
  await anonymous.goto("/espace/national?tri=taux");
  await expect(anonymous).toHaveURL(/\/connexion$/);
  const regional = await (await browser.newContext({ extraHTTPHeaders: { "x-tripartite-cached-view": entry! } })).newPage();
  await signIn(regional, "ars.idf@demo.tripartite.fr");
  await regional.goto("/espace/national?tri=taux");
  await expect(regional).toHaveURL(/\/espace\?refus=1/);
  const regionalView = await regional.goto("/espace/regions/11");
  expect(regionalView?.headers()["cache-control"]).toBe("private, no-store");
  await expect(regional.getByRole("heading", { level: 1 })).toHaveText("Vue régionale — Île-de-France");
  await expect(regional.getByRole("link", { name: /Puy-de-Dôme/ })).toHaveCount(0);

  // Signed out, the same address no longer shows the view, even in the browser's history.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto("/espace/national?tri=taux");
  await expect(page).toHaveURL(/\/connexion$/);
});

// A department's workspace is served from a copy per set of roles: what one role may do never shows to another.
test("l'espace d'un département servi depuis sa copie : les boutons suivent les rôles, un commentaire apparaît aussitôt", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editeur.77@demo.tripartite.fr");
  await editor.goto("/espace/departements/77");
  const response = (await editor.goto("/espace/departements/77"))!;
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");
  await expect(editor.getByRole("link", { name: "Ajouter une fiche action" })).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await signIn(reader, "lecteur.77@demo.tripartite.fr");
  expect((await reader.goto("/espace/departements/77"))?.headers()["cache-control"]).toBe("private, no-store");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");
  await expect(reader.getByRole("link", { name: "Ajouter une fiche action" })).toHaveCount(0);
  await expect(reader.getByLabel("Nouveau commentaire (interne, jamais publié)")).toHaveCount(0);
  expect((await reader.goto("/espace/departements/63"))?.status()).toBe(404);

  const ars = await (await browser.newContext()).newPage();
  await signIn(ars, "ars.idf@demo.tripartite.fr");
  await ars.goto("/espace/departements/77");
  const body = `Point d'étape du comité de suivi ${Date.now()}`;
  await ars.getByLabel("Nouveau commentaire (interne, jamais publié)").fill(body);
  await ars.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(ars.getByText(body)).toBeVisible();

  await editor.goto("/espace/departements/77");
  await expect(editor.getByText(body)).toBeVisible();
  await expect(editor.getByRole("region", { name: "Activité récente" }).or(editor.locator("section[aria-labelledby=activite]"))).toContainText("Commentaire");
  await reader.goto("/espace/departements/77");
  await expect(reader.getByText(body)).toBeVisible();
});
