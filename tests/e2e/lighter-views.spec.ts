import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./helpers";

// The signed-in views show their long lists a page at a time or in part: nothing they showed before may be lost,
// every row is one link or one download away.

async function csvRows(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return parseCsv(readFileSync((await download.path())!, "utf8"));
}

test("vue nationale : le tableau de la carte, 25 départements par page, ceux qui ont une valeur d'abord, tous dans le CSV", async ({ page }) => {
  test.slow();
  await signIn(page, "national@demo.tripartite.fr");
  await page.goto("/espace/national");
  const map = page.getByRole("group", { name: /Carte des départements/ });
  await expect(map.getByRole("link")).toHaveCount(101);

  const table = page.getByRole("table", { name: /Tableau de la carte/ });
  // The contracted departments of the demo are on the first page, before those without data.
  await expect(table.getByRole("row").filter({ hasText: "Seine-et-Marne (77)" })).toContainText(/\d+(,\d)?\s%/);
  await expect(table.getByRole("row").filter({ hasText: "Puy-de-Dôme (63)" })).toHaveCount(1);
  await expect(table.getByRole("row")).toHaveCount(26); // header and 25 departments
  await expect(table).not.toContainText("Mayotte (976)");
  await expectNoAxeViolations(page);

  // The last department of the list, reachable by the pages' plain links.
  const pages = page.getByRole("navigation", { name: "Pages : Tableau de la carte" });
  await expect(pages).toContainText("Page 1 sur 5 (lignes 1 à 25 sur 101)");
  for (let p = 2; p <= 5; p++) {
    await pages.getByRole("link", { name: "Page suivante →" }).click();
    await expect(page).toHaveURL(new RegExp(`page_carte=${p}`), { timeout: 20_000 });
    await expect(pages).toContainText(`Page ${p} sur 5`);
  }
  await expect(table.getByRole("row").filter({ hasText: "Mayotte (976)" })).toContainText("aucune donnée");
  await expect(table.getByRole("link", { name: "Mayotte (976)" })).toHaveAttribute("href", "/espace/departements/976");

  // Every department in the CSV named under the table, with the five measures of the map.
  const rows = await csvRows(page, page.getByRole("link", { name: /export CSV de la comparaison avec la médiane nationale/ }));
  expect(rows.length - 1).toBe(101);
  for (const column of ["taux_versement_pct", "part_retard_pct", "part_cible_pct", "avancement_moyen_pct", "alertes"]) expect(rows[0]).toContain(column);
  expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["77", "976", "01", "2A"]));
});

test("vue nationale : contrats, rapports en retard et alertes en partie, le reste une page ou un export plus loin", async ({ page }) => {
  test.slow();
  await signIn(page, "national@demo.tripartite.fr");
  await page.goto("/espace/national");

  // The contracts: the caption counts them all; the CSV lists them all.
  const contracts = page.getByRole("table", { name: /^Contrats \(/ });
  const total = Number((await contracts.locator("caption").innerText()).match(/^Contrats \((\d+)\)/)![1]);
  const shownRows = (await contracts.getByRole("row").count()) - 1;
  expect(shownRows).toBe(Math.min(total, 25));
  const contractRows = await csvRows(page, page.getByRole("link", { name: /Télécharger en CSV : Contrats$/ }));
  expect(contractRows.length - 1).toBe(total);

  // The alerts: at most 25 listed, every one in the export, the counts per rule over all of them.
  const alerts = page.getByRole("table", { name: /Alertes de la sélection/ });
  const alertRows = (await alerts.getByRole("row").count()) - 1;
  expect(alertRows).toBeLessThanOrEqual(25);
  // The count in the heading is the export's: read again if a fiche saved meanwhile by another test file changed the alerts.
  let alertTotal = 0;
  await expect(async () => {
    const heading = await page.getByRole("heading", { name: /^Alertes \(/ }).innerText();
    alertTotal = Number(heading.match(/\(([\d\s\u202f]+)\)/)![1].replace(/\D/g, ""));
    const exported = await csvRows(page, page.getByRole("link", { name: /Télécharger en CSV : Alertes$/ }));
    if (exported.length - 1 !== alertTotal) await page.reload();
    expect(exported.length - 1).toBe(alertTotal);
  }).toPass({ timeout: 45_000 });
  if (alertTotal > alertRows) await expect(alerts.locator("caption")).toContainText(`${alertRows} premières sur`);
});

test("tableau de bord : les 5 modifications les plus récentes, les autres dans l'historique du département", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await expect(page).toHaveURL(/\/espace\/departements\/77$/);
  const recent = page.getByRole("region", { name: "Activité récente" });
  const entries = recent.getByRole("listitem").filter({ has: page.locator("time") });
  await expect(entries).toHaveCount(5);
  const dashboardTimes = await recent.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));

  await recent.getByRole("link", { name: "Tout l'historique du département" }).click();
  await expect(page).toHaveURL(/\/espace\/departements\/77\/historique$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Seine-et-Marne (77) — Historique");
  const history = page.getByRole("region", { name: /modifications/ });
  const historyTimes = await history.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
  // The dashboard's five in the same order, then those it no longer shows (the seeded history of the demo).
  // Changes saved meanwhile by the other test files running at the same time come before them.
  const start = historyTimes.indexOf(dashboardTimes[0]);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(historyTimes.slice(start, start + 5)).toEqual(dashboardTimes);
  expect(historyTimes.length).toBeGreaterThan(5);
  await expect(history).toContainText("Recrutement et formation d'assistants familiaux");
  await expectNoAxeViolations(page);
});
