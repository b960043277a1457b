import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openAction77, publicProgress, signIn } from "./helpers";

test("l'espace de l'éditeur de la Seine-et-Marne montre le contrat 2025-2027 en cours", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await expect(page).toHaveURL(/\/espace\/departements\/77$/);
  const contract = page.getByRole("region", { name: "Contrat 2025-2027 — vague 2025" });
  await expect(contract).toContainText("Signé, en cours · du 1er janvier 2025 au 31 décembre 2027");
  const actions = page.getByRole("region", { name: /^Fiches action \(\d+\)$/ });
  for (const [reference, status] of [
    ["FA-01", "Réalisée"],
    ["FA-02", "En cours"],
    ["FA-03", "En cours"],
    ["FA-04", "Non démarrée"],
    ["FA-05", "Reportée"],
  ]) {
    await expect(actions.getByRole("row").filter({ hasText: `${reference} — ` })).toContainText(status);
  }
  // FA-03 ended on 30 September 2026 and is not done: late.
  await expect(actions.getByRole("row").filter({ hasText: "FA-03 — " })).toContainText("En retard");
  await expect(actions.getByRole("row").filter({ hasText: "FA-02 — " })).not.toContainText("En retard");
  // The seeded exchanges and history of the running contract.
  await expect(page.getByRole("region", { name: "Commentaires internes" })).toContainText("Préparation de l'avenant 2027");
  // The dashboard lists the latest changes (other journeys of the suite may have written since the seed); the
  // seeded edit of FA-02 is on the department's history page, one link away.
  const activity = page.getByRole("region", { name: "Activité récente" });
  await activity.getByRole("link", { name: "Tout l'historique du département" }).click();
  await expect(page).toHaveURL(/\/espace\/departements\/77\/historique$/);
  await expect(page.getByRole("main")).toContainText("Recrutement et formation d'assistants familiaux");
});

test("un éditeur de la Seine-et-Marne met à jour une fiche action, visible sur la page publique et dans l'historique", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await expect(page).toHaveURL(/\/espace\/departements\/77$/);
  await expectNoAxeViolations(page);

  await openAction77(page, "FA-03");
  await expectNoAxeViolations(page);
  const progress = page.getByLabel("Avancement (%)");
  await progress.fill("150");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("L'avancement ne dépasse pas 100 %.")).toBeVisible();
  await expect(progress).toHaveValue("150"); // what was typed stays

  await progress.fill("90");
  await page.getByLabel("Partenaires").fill("ARS Île-de-France, MDPH de Seine-et-Marne, CAF");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();
  const history = page.getByRole("region", { name: "Historique" });
  await expect(history.getByText(/Avancement \(%\) : 60 → 90/)).toBeVisible();
  await expect(history.getByText(/editeur\.77@demo\.tripartite\.fr/).first()).toBeVisible();

  expect(await publicProgress(page, "Bilan de santé à l'entrée de chaque enfant confié")).toBe("90");
  await page.goto("/espace/departements/77");
  await expect(page.getByRole("region", { name: "Activité récente" }).getByText(/Bilan de santé à l'entrée de chaque enfant confié/).first()).toBeVisible();
});

test("un éditeur du Puy-de-Dôme ne peut pas modifier la Seine-et-Marne, ni par l'interface ni en rejouant la requête", async ({ browser }) => {
  const context77 = await browser.newContext();
  const context63 = await browser.newContext();
  const page77 = await context77.newPage();
  const page63 = await context63.newPage();
  await signIn(page77, "editeur.77@demo.tripartite.fr");
  await signIn(page63, "editeur.63@demo.tripartite.fr");
  await expect(page63).toHaveURL(/\/espace\/departements\/63$/);

  // The editor of 77 saves FA-05 once; its server action request is recorded.
  await openAction77(page77, "FA-05");
  const actionUrl = page77.url();
  const recorded = page77.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page77.getByLabel("Avancement (%)").fill("55");
  await page77.getByRole("button", { name: "Enregistrer" }).click();
  const request = await recorded;
  await expect(page77.getByText("Fiche action enregistrée.")).toBeVisible();
  expect(await publicProgress(page77, "Bilans de santé en école maternelle")).toBe("55");

  // In the interface: 63's editor gets no form for a 77 action, and no workspace for 77.
  const denied = await page63.goto(actionUrl);
  expect(denied?.status()).toBe(404);
  await page63.goto("/espace/departements/77/actions/nouvelle");
  await expect(page63.getByRole("button", { name: "Créer la fiche action" })).toHaveCount(0);

  // Replaying the recorded request with 63's session (its own cookies), progress edited to 5.
  const headers = await request.allHeaders();
  delete headers.cookie;
  const body = request.postDataBuffer()!.toString("utf8").replace(/name="progress"\r\n\r\n55/, 'name="progress"\r\n\r\n5');
  const replay = await context63.request.fetch(request.url(), { method: "POST", headers, data: Buffer.from(body, "utf8") });
  const answer = await replay.text();
  expect(answer).not.toContain("Fiche action enregistrée.");
  expect(answer).toContain("Cette fiche action n'existe pas ou n'est pas accessible.");
  expect(await publicProgress(page63, "Bilans de santé en école maternelle")).toBe("55");

  await context77.close();
  await context63.close();
});

test("deux personnes modifient la même fiche action : la seconde voit un conflit et les valeurs actuelles", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "editeur.77@demo.tripartite.fr");
  await signIn(second, "editeur.77@demo.tripartite.fr");
  await openAction77(first, "FA-02");
  await openAction77(second, "FA-02");

  await first.getByLabel("Avancement (%)").fill("65");
  await first.getByRole("button", { name: "Enregistrer" }).click();
  await expect(first.getByText("Fiche action enregistrée.")).toBeVisible();

  await second.getByLabel("Avancement (%)").fill("20");
  await second.getByRole("button", { name: "Enregistrer" }).click();
  await expect(second.getByText(/Quelqu'un a enregistré une modification entre-temps/)).toBeVisible();
  const current = second.getByRole("region", { name: "Valeurs actuellement enregistrées" });
  await expect(current).toContainText("65 %");
  await expect(second.getByLabel("Avancement (%)")).toHaveValue("20"); // the second person's typing is kept
  expect(await publicProgress(second, "Recrutement et formation d'assistants familiaux")).toBe("65"); // nothing overwritten
  await expectNoAxeViolations(second);
});

test("un lecteur voit la fiche action sans pouvoir la modifier, et se déconnecte", async ({ page }) => {
  await signIn(page, "lecteur.77@demo.tripartite.fr");
  await openAction77(page, "FA-01");
  await expect(page.getByRole("button", { name: "Enregistrer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archiver la fiche action" })).toHaveCount(0);
  await page.goto("/espace/departements/77");
  await expect(page.getByRole("link", { name: "Ajouter une fiche action" })).toHaveCount(0);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("la page de connexion signale une erreur et reste accessible", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Saisissez une adresse électronique valide.")).toBeVisible();
  await expect(page.getByLabel("Adresse électronique")).toHaveValue("pas-une-adresse");
  await expectNoAxeViolations(page);
});
