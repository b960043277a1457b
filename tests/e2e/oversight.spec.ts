import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./helpers";

const IDF = ["75", "77", "78", "91", "92", "93", "94", "95"];

async function downloadCsv(page: Page, linkName: RegExp): Promise<{ download: Download; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const rows = parseCsv(readFileSync((await download.path())!, "utf8"));
  return { download, rows };
}

test("le pilote national voit la vue nationale : carte, comparaison, alertes, tri, filtres et exports", async ({ page }) => {
  // The longest journey of the suite (six renders of the national view, three axe runs, two exports).
  test.slow();
  await signIn(page, "national@demo.tripartite.fr");
  await page.goto("/espace");
  await page.getByRole("link", { name: /Vue nationale/ }).click();
  await expect(page).toHaveURL(/\/espace\/national$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vue nationale");

  const map = page.getByRole("group", { name: /Carte des départements/ });
  const seineEtMarne = map.getByRole("link", { name: /^Seine-et-Marne \(77\) : taux de versement \d/ });
  await expect(seineEtMarne).toBeVisible();
  await expect(map.getByRole("link", { name: /^Guadeloupe \(971\) : taux de versement non disponible/ })).toBeVisible();
  await expect(map.getByRole("link")).toHaveCount(101);
  await seineEtMarne.focus();
  await expect(seineEtMarne).toBeFocused();
  await expect(page.getByRole("table", { name: /Tableau de la carte/ })).toContainText("Seine-et-Marne (77)");
  await expect(page.getByRole("table", { name: /médiane nationale/ })).toContainText("Médiane nationale");
  await expect(page.getByRole("table", { name: /Alertes de la sélection/ })).toContainText("Fiche action en retard");
  await expectNoAxeViolations(page);

  // The map's measure, chosen in a plain GET form.
  await page.getByLabel("Mesure représentée").selectOption("alertes");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/mesure=alertes/, { timeout: 20_000 });
  await expect(map.getByRole("link", { name: /^Seine-et-Marne \(77\) : nombre d'alertes \d+ alertes?$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Sorting by a column header, then the other way. Each sort is a new view the server renders (no
  // copy of it exists yet); on two busy cores that can take longer than the default 5 s wait.
  const navigation = { timeout: 20_000 };
  const contracts = page.getByRole("table", { name: /^Contrats \(/ });
  await contracts.getByRole("link", { name: /^Taux de versement/ }).click();
  await expect(page).toHaveURL(/tri=taux/, navigation);
  await expect(contracts.getByRole("columnheader", { name: /^Taux de versement/ })).toHaveAttribute("aria-sort", "ascending", navigation);
  await contracts.getByRole("link", { name: /^Taux de versement/ }).click();
  await expect(contracts.getByRole("columnheader", { name: /^Taux de versement/ })).toHaveAttribute("aria-sort", "descending", navigation);

  // Filters: one region.
  await page.getByLabel("Région").selectOption({ label: "Île-de-France" });
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/region=11/, navigation);
  await expect(contracts).toContainText("Seine-et-Marne (77)");
  await expect(contracts.getByRole("row").filter({ hasText: "Puy-de-Dôme" })).toHaveCount(0);

  // The CSV of the contracts table, with the filters of the page.
  const { download, rows } = await downloadCsv(page, /Télécharger en CSV : Contrats$/);
  expect(download.suggestedFilename()).toMatch(/^tripartite-contrats-national-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(rows[0].slice(0, 3)).toEqual(["code_departement", "departement", "code_region"]);
  expect(rows.slice(1).map((r) => r[0])).toContain("77");
  expect(rows.slice(1).every((r) => IDF.includes(r[0]))).toBe(true);
  expect(rows[1][rows[0].indexOf("verse_eur")]).toMatch(/^\d+\.\d{2}$/);

  const xlsx = await page.request.get("/api/exports/departements?portee=national&format=xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

  // Drill-down to a department: its workspace lists its alerts.
  // 77 has two contracts: its running 2025-2027 one and its 2020-2022 one; both lead to its workspace.
  await expect(contracts.getByRole("row").filter({ hasText: "Seine-et-Marne (77)" })).toHaveCount(2);
  await contracts.getByRole("row").filter({ hasText: "2025-2027" }).getByRole("link", { name: "Seine-et-Marne (77)" }).click();
  await expect(page).toHaveURL(/\/espace\/departements\/77$/);
  await expect(page.getByRole("region", { name: /^Alertes/ })).toContainText("Fiche action en retard");
  await expectNoAxeViolations(page);
});

test("la référente ARS Île-de-France ne voit que sa région, et rien d'une autre", async ({ page, browser }) => {
  await signIn(page, "ars.idf@demo.tripartite.fr");
  await page.goto("/espace");
  await page.getByRole("link", { name: /Vue régionale — Île-de-France/ }).click();
  await expect(page).toHaveURL(/\/espace\/regions\/11$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vue régionale — Île-de-France");

  const map = page.getByRole("group", { name: /Carte des départements/ });
  await expect(map.getByRole("link", { name: /^Seine-et-Marne \(77\) : taux de versement/ })).toBeVisible();
  await expect(map.getByRole("link")).toHaveCount(IDF.length);
  await expect(page.getByRole("link", { name: /Puy-de-Dôme/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /médiane nationale/ })).toContainText("Médiane nationale");
  await expect(page.getByRole("table", { name: /Alertes de la sélection/ })).toContainText("Seine-et-Marne (77)");
  await expectNoAxeViolations(page);

  const { rows } = await downloadCsv(page, /Télécharger en CSV : Comparaison avec la médiane nationale$/);
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(IDF);

  expect((await page.goto("/espace/regions/84"))?.status()).toBe(404);
  expect((await page.goto("/espace/departements/63"))?.status()).toBe(404);
  await page.goto("/espace/national");
  await expect(page).toHaveURL(/\/espace\?refus=1/);
  await expect(page.getByText(/Vous n'avez pas accès à cette page/)).toBeVisible();
  for (const portee of ["national", "region-84"]) {
    expect((await page.request.get(`/api/exports/contrats?portee=${portee}&format=csv`)).status()).toBe(403);
  }
  expect((await page.request.get("/api/exports/alertes?portee=departement-63&format=csv")).status()).toBe(403);

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${test.info().project.use.baseURL}/api/exports/contrats?portee=national&format=csv`)).status()).toBe(401);
  await anonymous.close();
});
