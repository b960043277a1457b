// The annual execution report across the three signatories, on the demo data of Seine-et-Marne: its
// 2026 report, the one really open (the running 2025-2027 contract's 2025 report is adopted, and every
// report of the 2020-2022 contract was adopted in its time). Every assertion is on what stays on screen
// after each step (status, who must act, the buttons there or not), never on a message that the page's
// refresh replaces.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import ICAL from "ical.js";
import { parseCsv } from "../support/csv";
import { pdfText } from "../support/pdf-text";
import { expectNoAxeViolations } from "./axe";
import { contentHydrated, signIn } from "./helpers";

const YEAR = 2026;
const REPORT = `/espace/departements/77/rapports/${YEAR}`;
const FORBIDDEN = "Vous n'avez pas les droits nécessaires pour cette opération.";

test.describe.configure({ mode: "serial" });

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The state of the report as its page shows it. */
async function expectReportState(page: Page, status: string, nextStep: string | RegExp) {
  await page.goto(REPORT);
  const state = page.getByRole("region", { name: "Où en est le rapport" });
  await expect(state.getByText(status, { exact: true })).toBeVisible();
  await expect(page.getByTestId("prochaine-etape")).toHaveText(nextStep);
}

/** Clicks a button that posts a server action, waits for the answer (a navigation before it would cancel it), and returns the request, to replay it later. */
async function recordAction(page: Page, click: () => Promise<void>): Promise<Request> {
  await contentHydrated(page);
  const recorded = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await click();
  const request = await recorded;
  await request.response();
  return request;
}

/** Replays a recorded server action with another person's session: the answer the server gives them. */
async function replayAs(page: Page, request: Request): Promise<string> {
  const headers = await request.allHeaders();
  delete headers.cookie;
  const response = await page.context().request.fetch(request.url(), { method: "POST", headers, data: request.postDataBuffer()! });
  return response.text();
}

const buttons = (page: Page) => ({
  approveState: page.getByRole("button", { name: "Approuver au nom de l'État" }),
  approveArs: page.getByRole("button", { name: "Approuver au nom de l'ARS" }),
  sendBack: page.getByRole("button", { name: "Renvoyer au département" }),
  save: page.getByRole("button", { name: "Enregistrer le texte" }),
  submit: page.getByRole("button", { name: "Soumettre le rapport à l'État et à l'ARS" }),
});

test("le département soumet, l'ARS renvoie, le département resoumet, l'État puis l'ARS approuvent : le rapport est adopté et se télécharge", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const department = await signedInPage(browser, "editeur.77@demo.tripartite.fr");
  const ars = await signedInPage(browser, "ars.idf@demo.tripartite.fr");
  const state = await signedInPage(browser, "national@demo.tripartite.fr");
  // Seine-et-Marne is late with nothing: no report of its among the overdue ones of the State's national view.
  const overdueOf77 = async () => {
    await state.goto("/espace/national");
    const overdue = state.getByRole("region", { name: /^Rapports d'exécution en retard/ });
    return overdue.getByRole("link", { name: /de Seine-et-Marne$/ });
  };
  await expect(await overdueOf77()).toHaveCount(0);

  // The department finds the report from its workspace: in drafting, its own turn, due on 30 June 2027.
  await department.goto("/espace/departements/77");
  await department.getByRole("navigation", { name: "Rubriques de l'espace départemental" }).getByRole("link", { name: "Rapports" }).click();
  await expect(department.getByRole("heading", { level: 1 })).toHaveText("Rapports d'exécution — Seine-et-Marne (77)");
  const row = department.getByRole("row").filter({ has: department.getByRole("link", { name: `Rapport ${YEAR}` }) });
  await expect(row).toContainText("En rédaction");
  await expect(row).toContainText("Département");
  await expect(row).toContainText("30 juin 2027");
  await expect(row).not.toContainText("En retard");
  await expectNoAxeViolations(department);
  await row.getByRole("link", { name: `Rapport ${YEAR}` }).click();
  await expect(department.getByTestId("prochaine-etape")).toHaveText("Au département de rédiger le rapport, puis de le soumettre à l'État et à l'ARS.");
  await expect(department.getByText("À vous d'agir")).toBeVisible();
  await expect(department.getByRole("list", { name: "Étapes du circuit de validation" }).locator('[aria-current="step"]')).toHaveText(/Le département rédige et soumet/);
  await expect(buttons(department).approveState).toHaveCount(0);
  await expect(buttons(department).approveArs).toHaveCount(0);
  await expectNoAxeViolations(department);

  // Writes and submits: the text typed goes with the submission.
  await department.getByLabel("Faits marquants").fill("Deux nouvelles promotions d'assistants familiaux formées.");
  await department.getByLabel("Difficultés rencontrées").fill("Recrutements de travailleurs sociaux.");
  const submitted = await recordAction(department, () => buttons(department).submit.click());
  await expectReportState(department, "Soumis, en cours de validation", "En attente de la décision de l'État et de l'ARS.");
  await expect(department.getByText("Deux nouvelles promotions d'assistants familiaux formées.")).toBeVisible();
  await expect(buttons(department).save).toHaveCount(0);
  await expect(buttons(department).submit).toHaveCount(0);
  await expect(department.getByText(/^Chiffres figés le/)).toBeVisible();

  // The ARS: its own decision only; sending back needs a comment.
  await ars.goto(REPORT);
  await expect(ars.getByText("À vous d'agir")).toBeVisible();
  await expect(buttons(ars).approveState).toHaveCount(0);
  await expect(buttons(ars).submit).toHaveCount(0);
  await expect(buttons(ars).save).toHaveCount(0);
  await expectNoAxeViolations(ars);
  await buttons(ars).sendBack.click();
  await expect(ars.getByText("Dites au département ce qui est à reprendre.")).toBeVisible();
  await ars.getByLabel("Commentaire de l'ARS").fill("Précisez les effectifs recrutés et ceux qui manquent.");
  const sentBack = await recordAction(ars, () => buttons(ars).sendBack.click());
  await expectReportState(ars, "Renvoyé au département", "Au département de reprendre le rapport et de le soumettre à nouveau.");
  await expect(buttons(ars).approveArs).toHaveCount(0);

  // A replayed request from the wrong party is refused, and changes nothing.
  expect(await replayAs(ars, submitted)).toContain(FORBIDDEN); // the ARS cannot submit for the department
  await expectReportState(department, "Renvoyé au département", "Au département de reprendre le rapport et de le soumettre à nouveau.");
  await expect(department.getByText("« Précisez les effectifs recrutés et ceux qui manquent. »").first()).toBeVisible();
  expect(await replayAs(department, sentBack)).toContain(FORBIDDEN); // nor the department decide for the ARS

  // The department answers and submits again: a new round, both must decide again.
  await department.getByLabel("Difficultés rencontrées").fill("Recrutements : 12 travailleurs sociaux sur 15 prévus ; 3 postes vacants à Meaux.");
  await recordAction(department, () => buttons(department).submit.click());
  await expectReportState(department, "Soumis, en cours de validation", "En attente de la décision de l'État et de l'ARS.");

  // The State approves: the ARS's decision is still awaited.
  await state.goto(REPORT);
  await expect(buttons(state).approveArs).toHaveCount(0);
  await expect(buttons(state).submit).toHaveCount(0);
  const stateApproval = await recordAction(state, () => buttons(state).approveState.click());
  await expectReportState(state, "Soumis, en cours de validation", "En attente de la décision de l'ARS.");
  await expect(state.getByText("Votre approbation est enregistrée ; l'autre signataire doit encore se prononcer.")).toBeVisible();
  await expect(buttons(state).approveState).toHaveCount(0);
  expect(await replayAs(ars, stateApproval)).toContain(FORBIDDEN); // the ARS cannot approve for the State
  expect(await replayAs(department, stateApproval)).toContain(FORBIDDEN);

  // The ARS approves: adopted by the three signatories.
  await ars.goto(REPORT);
  await recordAction(ars, () => buttons(ars).approveArs.click());
  await expectReportState(ars, "Adopté", "Adopté par les trois signataires : plus aucune action attendue.");
  await expect(ars.getByRole("list", { name: "Étapes du circuit de validation" }).locator('[aria-current="step"]')).toHaveCount(0);
  for (const page of [department, ars, state]) {
    await expectReportState(page, "Adopté", "Adopté par les trois signataires : plus aucune action attendue.");
    for (const button of Object.values(buttons(page))) await expect(button).toHaveCount(0);
  }
  await expect(await overdueOf77()).toHaveCount(0);
  await state.goto(REPORT);
  await expectNoAxeViolations(department);

  // The frozen totals on screen, the CSV and the PDF agree.
  const screenTotals = (await state.getByRole("table", { name: /Montants par financeur/ }).getByRole("row", { name: /^Total/ }).innerText()).replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const [csvDownload] = await Promise.all([state.waitForEvent("download"), state.getByRole("link", { name: "Tableaux en CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toBe(`rapport-execution-77-${YEAR}.csv`);
  const csv = parseCsv(await readFile((await csvDownload.path())!, "utf8"));
  expect(csv[0]).toEqual(["tableau", "code", "libelle", "mesure", "valeur"]);
  const csvTotal = (stage: string) => Number(csv.find((r) => r[1] === "TOTAL" && r[3] === stage)![4]);
  for (const stage of ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"]) {
    const sum = csv.filter((r) => r[0] === "financements" && r[1] !== "TOTAL" && r[3] === stage).reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0);
    expect(Math.round(csvTotal(stage) * 100)).toBe(sum);
  }
  expect(csvTotal("PAID")).toBeGreaterThan(0);

  const [pdfDownload] = await Promise.all([state.waitForEvent("download"), state.getByRole("link", { name: "Télécharger le PDF" }).click()]);
  expect(pdfDownload.suggestedFilename()).toBe(`rapport-execution-77-${YEAR}.pdf`);
  const pdfPath = testInfo.outputPath("rapport.pdf");
  await pdfDownload.saveAs(pdfPath);
  const pdf = await readFile(pdfPath);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await pdfText(pdf);
  expect(text).toContain(`Rapport d'exécution ${YEAR} — Seine-et-Marne (77)`);
  expect(text).toContain(screenTotals); // "Total 1 234 € 2 345 € …", as on screen
  const euros = (stage: string) => `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: csvTotal(stage) % 1 ? 2 : 0 }).format(csvTotal(stage))} €`.replace(/[\u00a0\u202f]/g, " ");
  expect(screenTotals).toBe(`Total ${["PLANNED", "NOTIFIED", "COMMITTED", "PAID"].map(euros).join(" ")}`);
  expect(text).toContain("Recrutements : 12 travailleurs sociaux sur 15 prévus");
  expect(text).toContain("ARS (");

  // The printable page: the same document, without the site's navigation when printed.
  await state.getByRole("link", { name: "Version imprimable" }).click();
  await expect(state.getByRole("heading", { level: 1 })).toHaveText(`Rapport d'exécution ${YEAR} — Seine-et-Marne (77)`);
  await expect(state.getByText(/Adopté le/)).toBeVisible();
  await expectNoAxeViolations(state);

  // Another department's editor gets neither the report nor its files.
  const pdfUrl = await department.goto(REPORT).then(() => department.getByRole("link", { name: "Télécharger le PDF" }).getAttribute("href"));
  const other = await signedInPage(browser, "editeur.63@demo.tripartite.fr");
  expect((await other.goto(REPORT))?.status()).toBe(404);
  expect((await other.request.get(pdfUrl!)).status()).toBe(404);
  expect((await other.request.get(pdfUrl!.replace(/pdf$/, "csv"))).status()).toBe(404);
});

test("les rapports en retard sont signalés sur les vues nationale et régionale, et aucun des contrats 2020-2022", async ({ browser }) => {
  const state = await signedInPage(browser, "national@demo.tripartite.fr");
  await state.goto("/espace/national");
  const overdue = state.getByRole("region", { name: /^Rapports d'exécution en retard/ });
  await expect(overdue.getByRole("link", { name: "Rapport 2025 de Puy-de-Dôme" })).toBeVisible();
  // The earlier contracts' reports were adopted in their time: none of them is late in December 2026.
  await expect(overdue.getByRole("link", { name: /^Rapport 202[0-4] de / })).toHaveCount(0);
  await overdue.getByRole("link", { name: "Rapport 2025 de Puy-de-Dôme" }).click();
  await expect(state.getByRole("heading", { level: 1 })).toHaveText("Rapport d'exécution 2025 — Puy-de-Dôme (63)");
  await expect(state.getByRole("region", { name: "Où en est le rapport" }).getByText("En retard")).toBeVisible();

  const ars = await signedInPage(browser, "ars.ara@demo.tripartite.fr");
  await ars.goto("/espace/regions/84");
  const regional = ars.getByRole("region", { name: /^Rapports d'exécution en retard/ });
  await expect(regional.getByRole("link", { name: "Rapport 2025 de Puy-de-Dôme" })).toBeVisible();
  await expect(regional.getByRole("link", { name: /de Nord$/ })).toHaveCount(0);
  await expect(regional.getByRole("link", { name: /^Rapport 202[0-4] de / })).toHaveCount(0);
});

test("la vue nationale montre les rapports 2025 des contrats en cours à leurs différentes étapes", async ({ browser }) => {
  const state = await signedInPage(browser, "national@demo.tripartite.fr");
  await state.goto("/espace/national");
  const overdue = state.getByRole("region", { name: /^Rapports d'exécution en retard/ });
  const row2025 = (name: string) => overdue.getByRole("row").filter({ has: state.getByRole("link", { name: `Rapport 2025 de ${name}` }) });
  // Due on 30 June 2026 and not adopted: where each one stands, and who must act.
  for (const [name, status, toAct] of [
    ["Alpes-de-Haute-Provence", "En rédaction", "Département"],
    ["Aube", "Renvoyé au département", "Département"],
    ["Nord", "Soumis, en cours de validation", "État et ARS"],
    ["Puy-de-Dôme", "Soumis, en cours de validation", "État"],
    ["Saône-et-Loire", "Soumis, en cours de validation", "ARS"],
  ]) {
    await expect(row2025(name)).toContainText("30 juin 2026");
    await expect(row2025(name)).toContainText(status);
    await expect(row2025(name).getByRole("cell").last()).toHaveText(toAct);
  }
  // Adopted by the three signatories in Seine-et-Marne and the Allier: not overdue.
  await expect(overdue.getByRole("link", { name: "Rapport 2025 de Seine-et-Marne" })).toHaveCount(0);
  await expect(overdue.getByRole("link", { name: "Rapport 2025 de Allier" })).toHaveCount(0);

  await state.goto("/espace/departements/77/rapports/2025");
  await expect(state.getByRole("heading", { level: 1 })).toHaveText("Rapport d'exécution 2025 — Seine-et-Marne (77)");
  await expect(state.getByRole("region", { name: "Où en est le rapport" })).toContainText("Adopté par les trois signataires");
});

test("l'administrateur seul change la date limite d'un rapport", async ({ browser }) => {
  // The 2027 report of the running contract, due on 30 June 2028.
  const editor = await signedInPage(browser, "editeur.77@demo.tripartite.fr");
  await editor.goto("/espace/departements/77/rapports/2027");
  await expect(editor.getByRole("region", { name: "Où en est le rapport" })).toContainText("30 juin 2028");
  await expect(editor.getByLabel("Date limite d'adoption")).toHaveCount(0);

  const admin = await signedInPage(browser, "admin@demo.tripartite.fr");
  await admin.goto("/espace/departements/77/rapports/2027");
  await admin.getByLabel("Date limite d'adoption").fill("2099-06-30");
  await admin.getByRole("button", { name: "Changer la date limite" }).click();
  await expect(admin.getByRole("region", { name: "Où en est le rapport" })).toContainText("Date limite d'adoption : 30 juin 2099");
  await expect(admin.getByRole("region", { name: "Où en est le rapport" }).getByText("En retard")).toHaveCount(0);
  await editor.goto("/espace/departements/77/rapports");
  await expect(editor.getByRole("row").filter({ hasText: "Rapport 2027" })).toContainText("30 juin 2099");
});

test("le lien d'agenda de Mon compte donne un calendrier iCalendar valide, et un mauvais jeton est refusé", async ({ browser, playwright }) => {
  const editor = await signedInPage(browser, "editeur.77@demo.tripartite.fr");
  await editor.goto("/espace/compte");
  await editor.getByRole("button", { name: "Générer mon lien d'agenda" }).click();
  const url = await editor.getByLabel("Lien d'abonnement").inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectNoAxeViolations(editor);

  // A calendar application fetches it with no session at all.
  const anonymous = await playwright.request.newContext();
  const response = await anonymous.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const report2021 = events.find((e) => e.summary === "Seine-et-Marne (77) — Rapport d'exécution 2021 à adopter")!;
  expect(report2021.startDate.isDate).toBe(true);
  expect(report2021.startDate.toString()).toBe("2022-06-30");
  expect(report2021.description).toContain("fait"); // adopted in its time
  expect(events.every((e) => e.summary.startsWith("Seine-et-Marne (77) — "))).toBe(true);
  expect((await anonymous.get(url.replace(/.{4}\.ics$/, "AAAA.ics"))).status()).toBe(404);
  await anonymous.dispose();
});
