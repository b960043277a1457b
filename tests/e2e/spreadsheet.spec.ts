// Import / export journey of a department editor (not run by the spreadsheet task; run with the e2e suite).
import { readFile, writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an editor of 77 downloads the contract, re-uploads it (no change), then uploads a modified CSV and applies it", async ({ page }, testInfo) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto("/espace/departements/77/echanges");
  await expect(page.getByRole("heading", { name: /import \/ export/i })).toBeVisible();

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le classeur (XLSX)" }).click()]);
  const xlsxPath = testInfo.outputPath("contrat.xlsx");
  await xlsx.saveAs(xlsxPath);
  await page.getByLabel("Fichier à importer").setInputFiles(xlsxPath);
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { name: /Aperçu : 0 création, 0 modification/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Appliquer" })).toHaveCount(0);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Fiches action (CSV)" }).click()]);
  const csvPath = testInfo.outputPath("fiches-action.csv");
  await csv.saveAs(csvPath);
  const lines = (await readFile(csvPath, "utf8")).split("\r\n");
  // FA-06 (« Reportée », used by no other test): its progress (last column) goes up by one point.
  const index = lines.findIndex((l) => l.split(",")[1] === "FA-06");
  expect(index).toBeGreaterThan(0);
  const reference = lines[index].split(",")[1];
  lines[index] = lines[index].replace(/,(\d+)$/, (_m, n: string) => `,${Number(n) + 1}`);
  await writeFile(csvPath, lines.join("\r\n"));

  await page.getByLabel("Fichier à importer").setInputFiles(csvPath);
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { name: /Aperçu : 0 création, 1 modification/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(reference) })).toBeVisible();
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByRole("status")).toContainText("Import appliqué : 0 création, 1 modification.");
});

test("an editor of 63 cannot open the import of 77", async ({ page }) => {
  await signIn(page, "editeur.63@demo.tripartite.fr");
  const response = await page.goto("/espace/departements/77/echanges");
  expect(response?.status()).toBe(404);
});
