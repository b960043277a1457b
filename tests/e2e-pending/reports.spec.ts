import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../e2e/helpers";

// One journey across the three signatories, on the demo data of Seine-et-Marne (contract 2020–2022).
// Each step is refused to the other parties: their screens show no button for it.
const YEAR = 2022;
const REPORT = `/espace/departements/77/rapports/${YEAR}`;

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test.describe.configure({ mode: "serial" });

test("the department submits, the ARS then the State approve, and the adopted report downloads as a PDF", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto("/espace/departements/77");
  await page.getByRole("link", { name: "Rapports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rapports d'exécution");
  await page.getByRole("link", { name: `Rapport ${YEAR}` }).click();
  await expect(page.getByText("À qui d'agir : Le département.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Approuver/ })).toHaveCount(0);
  await page.getByLabel("Faits marquants").fill("Ouverture de deux centres parentaux.");
  await page.getByRole("button", { name: "Enregistrer le texte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Texte du rapport enregistré." })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: /Soumettre le rapport/ }).click();
  await expect(page.getByText("Soumis, en cours de validation").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText("À qui d'agir : L'État et L'ARS.")).toBeVisible();
  await signOut(page);

  await signIn(page, "ars.idf@demo.tripartite.fr");
  await page.goto(REPORT);
  await expect(page.getByRole("button", { name: "Approuver au nom de l'État" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Soumettre/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Approuver au nom de l'ARS" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approbation enregistrée." })).toBeVisible();
  await signOut(page);

  await signIn(page, "national@demo.tripartite.fr");
  await page.goto(REPORT);
  await expect(page.getByRole("button", { name: "Approuver au nom de l'ARS" })).toHaveCount(0);
  await page.getByRole("button", { name: "Approuver au nom de l'État" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rapport adopté" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Adopté", { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/Chiffres figés le/)).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`rapport-execution-77-${YEAR}.pdf`);
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  expect((await readFile(path)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("another department's editor cannot open the report or its PDF", async ({ page }) => {
  await signIn(page, "editeur.63@demo.tripartite.fr");
  const response = await page.goto(REPORT);
  expect(response?.status()).toBe(404);
  const pdf = await page.request.get(`/api/reports/unknown/${YEAR}/pdf`);
  expect(pdf.status()).toBe(404);
});
