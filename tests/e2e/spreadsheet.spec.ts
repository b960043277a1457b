// Import / export journey of a department editor: download, change in a spreadsheet, upload, preview, apply.
import { readFile, writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openAction77, signIn } from "./helpers";

const PAGE = "/espace/departements/77/echanges";

async function download(page: Page, link: string, path: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  await file.saveAs(path);
  return path;
}

async function preview(page: Page, path: string) {
  await page.getByLabel("Fichier à importer").setInputFiles(path);
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
}

test("an editor of 77 downloads the contract, re-uploads it (no change), then uploads a modified CSV, sees the preview and applies it", async ({ page }, testInfo) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77) — import / export");

  // The workbook as exported changes nothing. Other test files save fiches action of 77 at the same time:
  // one saved between the download and the preview is rightly shown as a change, so download again then.
  await expect(async () => {
    await preview(page, await download(page, "Télécharger le classeur (XLSX)", testInfo.outputPath("contrat.xlsx")));
    await expect(page.getByRole("heading", { name: /^Aperçu de l'import : 0 création, 0 modification, \d+ lignes inchangées$/ })).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByText("Le fichier ne change rien aux données enregistrées : rien à appliquer.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Appliquer/ })).toHaveCount(0);

  // FA-06 of the running contract (« Reportée », used by no other test): its progress (last column) goes up by
  // one point in the CSV, kept to its header and that line (the rows a file leaves out are not touched).
  const csvPath = await download(page, "Fiches action (CSV)", testInfo.outputPath("fiches-action.csv"));
  const [header, ...rows] = (await readFile(csvPath, "utf8")).split("\r\n");
  const line = rows.find((l) => l.split(";")[1] === "FA-06") ?? "";
  // The department, the reference, then « Reportée » and its progress in the last two columns.
  expect(line).toMatch(/^77;FA-06;.*;Reportée;\d+$/);
  const before = Number(line.split(";").at(-1));
  await writeFile(csvPath, [header, line.replace(/;\d+$/, `;${before + 1}`), ""].join("\r\n"));

  // The request is held back here so that the progress indicator (upload, then analysis) can be seen.
  await page.route("**/api/spreadsheet/77/import", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await preview(page, csvPath);
  await expect(page.getByRole("progressbar", { name: /^Étape [12] sur 2 : (envoi|analyse) du fichier/ })).toBeVisible();
  await page.unrouteAll({ behavior: "wait" });
  const heading = page.getByRole("heading", { name: "Aperçu de l'import : 0 création, 1 modification, 0 ligne inchangée" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const change = page.getByRole("table", { name: /Changements à appliquer/ }).getByRole("row").filter({ hasText: "FA-06" });
  await expect(change).toContainText(`Avancement (%) : ${before} → ${before + 1}`);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Appliquer 1 changement" }).click();
  await expect(page.getByRole("status")).toHaveText("Import appliqué : 0 création, 1 modification.");
  await expect(page.getByRole("heading", { name: /^Import appliqué : 0 création, 1 modification/ })).toBeVisible();

  // A fresh export holds the new value.
  const after = (await readFile(await download(page, "Fiches action (CSV)", testInfo.outputPath("apres.csv")), "utf8")).split("\r\n");
  expect(after.find((l) => l.split(";")[1] === "FA-06")!.split(";").at(-1)).toBe(String(before + 1));
});

test("a workbook exported before a colleague's save: the preview names the row, who saved it and when; a save after the preview stops the apply, which shows the new preview", async ({ page }, testInfo) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto(PAGE);
  const workbook = await download(page, "Télécharger le classeur (XLSX)", testInfo.outputPath("contrat.xlsx"));
  // The workbook records its export to the second: the save comes after that second.
  await page.waitForTimeout(1100);

  // FA-06 (used by no other test file): its partners are saved in the form after the export.
  await openAction77(page, "FA-06");
  const partners = page.getByLabel("Partenaires");
  const before = await partners.inputValue();
  await partners.fill(`${before}, PMI`.replace(/^, /, ""));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();

  // The workbook, unchanged, would put the older partners back: said above the counts and on the row. (Other
  // test files save fiches of 77 at the same time: their saves, flagged too, may add to the counts.)
  await page.goto(PAGE);
  await preview(page, workbook);
  await expect(page.getByRole("heading", { name: /^Aperçu de l'import : 0 création, \d+ modifications?/ })).toBeVisible();
  await expect(page.getByText(/^(1 ligne du fichier a|\d+ lignes du fichier ont) été modifiées? dans Tripartite après l'export de ce classeur \(le .+\) : l'import remplacerait/)).toBeVisible();
  const row = page.getByRole("table", { name: /Changements à appliquer/ }).getByRole("row").filter({ hasText: "FA-06" });
  // Saved by the same account (the demo has one editor of 77): « par vous-même » (another account is named by its e-mail).
  await expect(row).toContainText(/Modifiée depuis l'export, le .+ par vous-même : l'import remplacerait cette modification\./);
  await expect(row).toContainText(`Partenaires : ${`${before}, PMI`.replace(/^, /, "")} → ${before || "(vide)"}`);
  await expectNoAxeViolations(page);

  // A colleague saves FA-06 again while the preview is open: « Appliquer » writes nothing and shows the preview as it is now.
  const colleague = await page.context().newPage();
  await openAction77(colleague, "FA-06");
  await colleague.getByLabel("Partenaires").fill(`${before}, PMI, CAF`.replace(/^, /, ""));
  await colleague.getByRole("button", { name: "Enregistrer" }).click();
  await expect(colleague.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();
  await page.getByRole("button", { name: /^Appliquer \d+ changements?$/ }).click();
  await expect(page.getByText("Des données ont été modifiées depuis l'aperçu : rien n'a été écrit. L'aperçu ci-dessous est à jour : vérifiez-le, puis appliquez.", { exact: true })).toBeVisible();
  await expect(row).toContainText(`Partenaires : ${`${before}, PMI, CAF`.replace(/^, /, "")} → ${before || "(vide)"}`);
  await expect(page.getByRole("button", { name: /^Appliquer \d+ changements?$/ })).toBeVisible();
  await openAction77(colleague, "FA-06");
  await expect(colleague.getByLabel("Partenaires")).toHaveValue(`${before}, PMI, CAF`.replace(/^, /, ""));
});

test("a file with errors lists each one with its line, column and French message, and a file over 5 Mo is not sent", async ({ page }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto(PAGE);
  const header = "Département;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€)";
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "financements.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\ufeff${header}\r\n77;;FA-01;État — P304;2026;Versé;1 234,567\r\n77;;FA-01;État — P304;2026;Versé;=SOMME(G2:G3)\r\n`),
  });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { name: "Le fichier n'a pas été importé : 2 erreurs à corriger. Rien n'a été écrit." })).toBeVisible();
  const errors = page.getByRole("table", { name: /2 erreurs à corriger/ });
  await expect(errors.getByRole("row").nth(1)).toHaveText(/Financements\s*2\s*Montant \(€\)\s*Deux décimales au plus : le montant s'arrête aux centimes\./);
  await expect(errors.getByRole("row").nth(2)).toHaveText(/Financements\s*3\s*Montant \(€\)\s*Montant attendu en euros, par exemple 1 234,56 ou 1234\.56\./);
  await expectNoAxeViolations(page);

  await page.getByLabel("Fichier à importer").setInputFiles({ name: "gros.csv", mimeType: "text/csv", buffer: Buffer.alloc(6 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { name: "Le fichier « gros.csv » pèse 6,0 Mo : la taille maximale est de 5 Mo. Rien n'a été envoyé." })).toBeVisible();
});

test("a file with hundreds of errors lists the first 200 with their line and column, and counts them all per column", async ({ page }, testInfo) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto(PAGE);
  const header = "Département;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€)";
  // 150 lines, each with an unknown funder and a negative amount: 300 errors.
  const bad = Array.from({ length: 150 }, () => "77;;FA-01;Mécène;2025;Prévu;-12");
  await page.getByLabel("Fichier à importer").setInputFiles({ name: "financements.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${header}\r\n${bad.join("\r\n")}\r\n`) });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { name: "Le fichier n'a pas été importé : 300 erreurs à corriger. Rien n'a été écrit." })).toBeVisible();
  const errors = page.getByRole("table", { name: /300 erreurs à corriger.*les 200 premières sont listées/ });
  await expect(errors.getByRole("row")).toHaveCount(201);
  await expect(errors.getByRole("row").nth(1)).toHaveText(/Financements\s*2\s*Financeur\s*Choisissez un financeur dans la liste\./);
  await expect(page.getByText("… et 100 autres erreurs, montrées quand les premières seront corrigées. Toutes les erreurs, par colonne :")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Financements, Montant (€) : 150" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("import-erreurs.png"), fullPage: false });

  // A line cut short: named with its line and the first missing column, never read as empty values.
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "financements.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\ufeff${header}\r\n77;;FA-01;État — P304;2025\r\n`),
  });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  const short = page.getByRole("table", { name: /1 erreur à corriger/ });
  await expect(short.getByRole("row").nth(1)).toHaveText(/Financements\s*2\s*Étape\s*Ligne incomplète : 5 valeurs pour 7 colonnes/);
  await page.screenshot({ path: testInfo.outputPath("import-ligne-incomplete.png"), fullPage: true });
});

test("an editor of 63 can neither open the import of 77 nor post a file to it", async ({ page }) => {
  await signIn(page, "editeur.63@demo.tripartite.fr");
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(404);
  const answer = await page.request.post("/api/spreadsheet/77/import", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { etape: "apercu", empreinte: "", fichier: { name: "contrat.csv", mimeType: "text/csv", buffer: Buffer.from("Département;Référence\r\n77;FA-01\r\n") } },
  });
  expect(await answer.json()).toEqual({ status: "error", message: "Ce département n'existe pas ou n'est pas accessible.", filename: "contrat.csv" });
});
