import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./helpers";

// Every page of the workspace, opened as the role that uses it: it renders, in French, with no axe violation.
test("les pages de l'espace départemental sont accessibles (éditeur)", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  for (const [path, heading] of [
    ["/espace/departements/77", "Seine-et-Marne (77)"],
    ["/espace/departements/77/financements", /— financements$/],
    ["/espace/departements/77/indicateurs", /— indicateurs$/],
    ["/espace/departements/77/contexte", /— chiffres de contexte$/],
    ["/espace/departements/77/actions/nouvelle", "Nouvelle fiche action"],
    ["/espace/compte", "Mon compte"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
  }
  await page.goto("/espace/departements/77/financements");
  await page.getByRole("link", { name: /Modifier/ }).first().click();
  await expect(page.getByRole("button", { name: /Enregistrer/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("les pages d'administration sont accessibles (administrateur) et refusées aux autres", async ({ page, browser }) => {
  await signIn(page, "admin@demo.tripartite.fr");
  for (const path of ["/espace/admin", "/espace/admin/utilisateurs", "/espace/admin/utilisateurs/nouveau", "/espace/admin/contrats", "/espace/admin/contrats/nouveau"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto("/espace/admin/contrats");
  await page.getByRole("link", { name: /Seine-et-Marne/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Seine-et-Marne");
  await expectNoAxeViolations(page);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "editeur.77@demo.tripartite.fr");
  await other.goto("/espace/admin/utilisateurs");
  await expect(other.getByRole("heading", { level: 1 })).not.toHaveText(/utilisateurs/i);
  await expect(other.getByText(/Vous n'avez pas accès à cette page/)).toBeVisible();
});

test("un référent régional suit sa région et commente, sans pouvoir modifier", async ({ page }) => {
  await signIn(page, "ars.idf@demo.tripartite.fr");
  await page.goto("/espace/departements/77");
  await expect(page.getByRole("link", { name: "Ajouter une fiche action" })).toHaveCount(0);
  await page.getByLabel(/Nouveau commentaire/).fill("Point d'étape à prévoir au comité de suivi de mars.");
  await page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByText("Point d'étape à prévoir au comité de suivi de mars.")).toBeVisible();
  await expectNoAxeViolations(page);
  const denied = await page.goto("/espace/departements/63");
  expect(denied?.status()).toBe(404);
  await page.goto("/departements/77");
  await expect(page.getByText("Point d'étape à prévoir")).toHaveCount(0); // never on the public page
});
