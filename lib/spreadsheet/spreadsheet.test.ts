import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { snapshotToCsv, snapshotToXlsx } from "./export";
import { FORMULA_MESSAGE, parseSpreadsheet } from "./parse";
import { planImport } from "./plan";
import type { ContractSnapshot } from "./snapshot";
import { MAX_FILE_BYTES, neutralizeFormula, unneutralize } from "./template";
import { checkDepartment, validateFile } from "./validate";

const snapshot: ContractSnapshot = {
  contract: { id: "c1", departmentCode: "77", regionCode: "11", departmentName: "Seine-et-Marne", label: "2020-2022, vague 2020", years: [2020, 2021, 2022] },
  objectives: [{ id: "o1", code: "O1" }],
  actions: [
    { id: "a1", reference: "FA-01", version: 1, title: "=Maison des 1 000 jours", objectiveId: "o1", purpose: "Accueillir", targetPublic: null, lead: "PMI", partners: null, startDate: "2020-10-01", endDate: "2022-12-31", status: "IN_PROGRESS", progress: 40, archived: false, updatedAt: "2026-11-02T09:00:00.000Z" },
  ],
  fundingLines: [{ id: "l1", actionId: "a1", funder: "STATE_P304", year: 2021, stage: "PAID", amountCents: 123_456n, version: 1, updatedAt: "2026-11-02T09:00:00.000Z" }],
  indicators: [{ id: "i1", code: "O1-I1", label: "Taux", unit: "%", kind: "RATE" }],
  indicatorValues: [{ id: "v1", indicatorId: "i1", year: 2021, baseline: "12.5", target: "50", actual: null, version: 1, updatedAt: "2026-11-02T09:00:00.000Z" }],
};

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What Excel writes for "CSV (séparateur : point-virgule)" on a French Windows. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "Œ": 0x8c, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c };
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    if (c in extra) return extra[c];
    throw new Error(`not in Windows-1252: ${c}`);
  }));
}
const FUNDING_HEADER = "Département;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€)";

async function check(buffer: Uint8Array, name: string) {
  const file = await parseSpreadsheet(buffer, name);
  if (file.errors.length) return { errors: file.errors, notices: file.notices };
  const validated = validateFile(file, snapshot);
  if (!validated.ok) return { errors: validated.errors, notices: file.notices };
  return { errors: [], notices: file.notices, plan: planImport(validated.rows, snapshot) };
}

describe("round trip", () => {
  it("re-reads its XLSX export as all unchanged (formula-like text included)", async () => {
    const result = await check(new Uint8Array(await snapshotToXlsx(snapshot)), "contrat.xlsx");
    expect(result.errors).toEqual([]);
    expect(result.plan!.totals).toEqual({ created: 0, updated: 0, unchanged: 1 + 1 + 3 });
  });

  it("re-reads each CSV export as all unchanged", async () => {
    for (const table of ["actions", "funding", "indicators"] as const) {
      const result = await check(utf8(snapshotToCsv(snapshot, table)), `${table}.csv`);
      expect(result.errors).toEqual([]);
      expect(result.plan!.totals.created + result.plan!.totals.updated).toBe(0);
    }
  });
});

describe("rows saved after the export", () => {
  /** The snapshot's workbook with the amount changed, as saved by a spreadsheet program (its creation date kept). */
  async function editedWorkbook(created: Date, creator = "Tripartite") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snapshot)) as unknown as ArrayBuffer);
    wb.creator = creator;
    wb.created = created;
    wb.lastModifiedBy = "Marie";
    wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 2000;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads the export's instant from a workbook Tripartite made, to the end of its recorded second", async () => {
    const file = await parseSpreadsheet(await editedWorkbook(new Date("2026-11-02T08:59:59.400Z")), "contrat.xlsx");
    expect(file.exportedAt).toBe("2026-11-02T08:59:59.999Z");
    expect((await parseSpreadsheet(await editedWorkbook(new Date("2026-11-02T08:59:59Z"), "Microsoft Excel"), "contrat.xlsx")).exportedAt).toBeUndefined();
    expect((await parseSpreadsheet(await editedWorkbook(new Date("1999-12-31T12:00:00Z")), "contrat.xlsx")).exportedAt).toBeUndefined();
    expect((await parseSpreadsheet(utf8(snapshotToCsv(snapshot, "funding")), "financements.csv")).exportedAt).toBeUndefined();
  });

  it("flags an update to a row saved after the export, and only then", async () => {
    // The funding line was saved on 2 November 2026 at 09:00 UTC.
    const before = await check(await editedWorkbook(new Date("2026-11-02T08:59:59Z")), "contrat.xlsx");
    const file = await parseSpreadsheet(await editedWorkbook(new Date("2026-11-02T08:59:59Z")), "contrat.xlsx");
    const validated = validateFile(file, snapshot);
    if (!validated.ok) throw new Error("invalid");
    const flagged = planImport(validated.rows, snapshot, file.exportedAt);
    expect(flagged.changes).toEqual([expect.objectContaining({ sheet: "Financements", savedSinceExport: { at: "2026-11-02T09:00:00.000Z", by: null } })]);
    expect(flagged.savedSinceExport).toEqual([{ entity: "FundingLine", id: "l1", change: flagged.changes[0] }]);
    // Exported after that save: nothing to flag; without an export date (the `check` helper): nothing either.
    const later = await parseSpreadsheet(await editedWorkbook(new Date("2026-11-02T09:00:00Z")), "contrat.xlsx");
    const laterRows = validateFile(later, snapshot);
    if (!laterRows.ok) throw new Error("invalid");
    expect(planImport(laterRows.rows, snapshot, later.exportedAt).savedSinceExport).toEqual([]);
    expect(before.plan!.changes[0].savedSinceExport).toBeUndefined();
  });
});

describe("CSV export", () => {
  it("writes what French Excel reads in columns: BOM, semicolons, decimal comma, JJ/MM/AAAA", () => {
    const funding = snapshotToCsv(snapshot, "funding");
    expect(funding.startsWith("\ufeffDépartement;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€)\r\n")).toBe(true);
    expect(funding).toContain("77;l1;FA-01;État — P304;2021;Versé;1234,56\r\n");
    expect(snapshotToCsv(snapshot, "actions")).toContain(";01/10/2020;31/12/2022;En cours;40");
    expect(snapshotToCsv(snapshot, "indicators")).toContain("77;O1-I1;Taux;%;2021;12,5;50;\r\n");
  });

  it("quotes a text holding a semicolon, a quote or a line break", async () => {
    const tricky = { ...snapshot, actions: [{ ...snapshot.actions[0], title: "Accueil; \"fratries\"", purpose: "Ligne 1\nLigne 2" }] };
    const csv = snapshotToCsv(tricky, "actions");
    expect(csv).toContain(';"Accueil; ""fratries""";');
    const result = await check(utf8(csv), "actions.csv");
    expect(result.errors).toEqual([]);
  });
});

describe("formula injection", () => {
  it("neutralises text cells starting with =, +, - or @ in exports, and reads them back", async () => {
    for (const t of ["=1+1", "+33", "-x", "@SUM(A1)"]) {
      expect(neutralizeFormula(t)).toBe(`'${t}`);
      expect(unneutralize(neutralizeFormula(t))).toBe(t);
    }
    expect(neutralizeFormula("Maison")).toBe("Maison");
    const injected = { ...snapshot, actions: [{ ...snapshot.actions[0], lead: "+33 1 23 45 67 89", partners: "@SOMME(A1:A9)", targetPublic: "-2+3" }] };
    expect(snapshotToCsv(injected, "actions")).toContain(";'-2+3;'+33 1 23 45 67 89;'@SOMME(A1:A9);");
    expect(snapshotToCsv(snapshot, "actions")).toContain("'=Maison des 1 000 jours");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snapshot)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Fiches action")!.getRow(2).getCell(3).value).toBe("'=Maison des 1 000 jours");
  });

  it("refuses a formula cell in an XLSX file, never evaluating it", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snapshot)) as unknown as ArrayBuffer);
    wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = { formula: "1000*2", result: 2000 };
    const result = await check(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
    expect(result.errors).toEqual([{ sheet: "Financements", line: 2, column: "Montant (€)", message: FORMULA_MESSAGE }]);
  });

  it("stores text starting with =, +, - or @ as typed in an XLSX file (a text cell, not a formula cell)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snapshot)) as unknown as ArrayBuffer);
    wb.getWorksheet("Fiches action")!.getRow(2).getCell(5).value = "=SOMME(G2:G9)";
    wb.getWorksheet("Fiches action")!.getRow(2).getCell(7).value = "+cmd|' /C calc'!A0";
    const result = await check(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
    expect(result.errors).toEqual([]);
    expect(result.plan!.actions.updates[0].row.fields).toMatchObject({ purpose: "=SOMME(G2:G9)", lead: "+cmd|' /C calc'!A0" });
  });

  it("refuses formula-like text where a number is expected, as any other text", async () => {
    const result = await check(utf8(`${FUNDING_HEADER}\n77;l1;FA-01;État — P304;2021;Versé;=1+1\n`), "f.csv");
    expect(result.errors).toEqual([{ sheet: "Financements", line: 2, column: "Montant (€)", message: "Montant attendu en euros, par exemple 1 234,56 ou 1234.56." }]);
  });
});

describe("French CSV files", () => {
  it("accepts Latin-1 (Windows-1252) with semicolons, French decimals and dd/mm/yyyy, with a notice", async () => {
    const text = "Département;Référence;Intitulé;Objectif;Finalité;Public visé;Pilote;Partenaires;Date de début;Date de fin;Statut;Avancement (%)\r\n77;;Fiche créée été;O1;;;;;28/09/2020;31/12/2022;Non démarrée;0\r\n";
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const result = await check(latin1, "actions.csv");
    expect(result.errors).toEqual([]);
    expect(result.notices.join(" ")).toMatch(/Windows-1252/);
    expect(result.notices.join(" ")).toMatch(/point-virgule/);
    expect(result.plan!.actions.creates[0].fields).toMatchObject({ title: "Fiche créée été", startDate: "2020-09-28", status: "NOT_STARTED" });
  });

  it("decodes a Windows-1252 file as Excel saves it (accents, €, —, no-break spaces)", async () => {
    const text = `${FUNDING_HEADER}\r\n77;l1;FA-01;État — P304;2021;Versé;1\u00a0234,58\r\n`;
    const result = await check(windows1252(text), "financements.csv");
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual(["Fichier encodé en Windows-1252 (Latin-1, enregistré par Excel) : les accents ont été convertis.", "Séparateur point-virgule détecté."]);
    expect(result.plan!.funding.updates[0].row.fields).toMatchObject({ funder: "STATE_P304", stage: "PAID", amountCents: 123_458n });
  });

  it("reads 1 234,56 as cents and reports an update", async () => {
    const result = await check(utf8(`${FUNDING_HEADER}\n77;l1;FA-01;État — P304;2021;Versé;1 234,57\n`), "f.csv");
    expect(result.plan!.funding.updates[0].row.fields.amountCents).toBe(123_457n);
    expect(result.plan!.changes[0].fields).toEqual([{ column: "Montant (€)", before: "1 234,56 €", after: "1 234,57 €" }]);
  });

  it("reads thousands separated by a space, a no-break space or a narrow no-break space", async () => {
    for (const space of [" ", "\u00a0", "\u202f"]) {
      const result = await check(utf8(`${FUNDING_HEADER}\n77;l1;FA-01;État — P304;2021;Versé;1${space}234,56\n77;;FA-01;ARS — FIR;2022;Prévu;12${space}000\n`), "f.csv");
      expect(result.errors).toEqual([]);
      expect(result.plan!.totals).toEqual({ created: 1, updated: 0, unchanged: 1 });
      expect(result.plan!.funding.creates[0].fields.amountCents).toBe(1_200_000n);
    }
  });

  it("refuses French decimals it cannot read exactly, with the column and a French message", async () => {
    const result = await check(utf8(`${FUNDING_HEADER}\n77;l1;FA-01;État — P304;2021;Versé;1 234,567\n77;;FA-01;État — P304;2021;Versé;12 34,5\n`), "f.csv");
    expect(result.errors).toEqual([
      { sheet: "Financements", line: 2, column: "Montant (€)", message: "Deux décimales au plus : le montant s'arrête aux centimes." },
      { sheet: "Financements", line: 3, column: "Montant (€)", message: "Montant attendu en euros, par exemple 1 234,56 ou 1234.56." },
    ]);
  });

  it("reads 28/09/2020 as a day, and refuses a day that does not exist or another order", async () => {
    const row = (start: string) => `77;FA-01;=Maison des 1 000 jours;O1;Accueillir;;PMI;;${start};31/12/2022;En cours;40`.replace("=Maison", "'=Maison");
    const header = "Département;Référence;Intitulé;Objectif;Finalité;Public visé;Pilote;Partenaires;Date de début;Date de fin;Statut;Avancement (%)";
    const ok = await check(utf8(`${header}\n${row("28/09/2020")}\n`), "a.csv");
    expect(ok.errors).toEqual([]);
    expect(ok.plan!.changes[0].fields).toEqual([{ column: "Date de début", before: "01/10/2020", after: "28/09/2020" }]);
    expect((await check(utf8(`${header}\n${row("31/02/2021")}\n`), "a.csv")).errors).toEqual([{ sheet: "Fiches action", line: 2, column: "Date de début", message: "Cette date n'existe pas." }]);
    expect((await check(utf8(`${header}\n${row("2020/09/28")}\n`), "a.csv")).errors).toEqual([{ sheet: "Fiches action", line: 2, column: "Date de début", message: "Date attendue au format JJ/MM/AAAA." }]);
  });

  it("reports each bad value with line, column and French message", async () => {
    const result = await check(utf8(`${FUNDING_HEADER}\n77;;FA-09;État;1999;Versé;12,345\n`), "f.csv");
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { sheet: "Financements", line: 2, column: "Fiche action", message: "Fiche action « FA-09 » inconnue dans ce contrat." },
        { sheet: "Financements", line: 2, column: "Financeur", message: "Choisissez un financeur dans la liste." },
        { sheet: "Financements", line: 2, column: "Année", message: "L'année doit être comprise dans la période du contrat (2020 à 2022)." },
        { sheet: "Financements", line: 2, column: "Montant (€)", message: "Deux décimales au plus : le montant s'arrête aux centimes." },
      ]),
    );
  });
});

describe("bad files", () => {
  it("refuses an empty file", async () => {
    expect((await check(new Uint8Array(), "x.csv")).errors[0].message).toBe("Le fichier est vide.");
    expect((await check(utf8("\r\n\r\n"), "x.csv")).errors[0].message).toBe("Le fichier est vide.");
  });

  it("refuses a file with headers and no data line", async () => {
    expect((await check(utf8(`${FUNDING_HEADER}\r\n`), "f.csv")).errors).toEqual([{ sheet: "Financements", line: null, column: null, message: "Aucune ligne de données sous l'en-tête." }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx({ ...snapshot, actions: [], fundingLines: [], indicators: [] })) as unknown as ArrayBuffer);
    expect((await check(new Uint8Array(await wb.xlsx.writeBuffer()), "vide.xlsx")).errors).toEqual([
      { sheet: null, line: null, column: null, message: "Aucune ligne de données : le classeur ne contient que les en-têtes." },
    ]);
  });

  it("refuses a file over the size limit", async () => {
    expect((await check(new Uint8Array(MAX_FILE_BYTES + 1), "x.csv")).errors[0].message).toMatch(/taille maximale de 5 Mo/);
  });

  it("refuses unknown and missing columns", async () => {
    const result = await check(utf8("Département;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€);Commentaire\n77;l1;FA-01;État — P304;2021;Versé;1234,56;x\n"), "f.csv");
    expect(result.errors).toEqual([{ sheet: "Financements", line: 1, column: "Commentaire", message: expect.stringMatching(/Colonne inconnue/) }]);
    const missing = await check(utf8("Département;Identifiant;Financeur;Année;Étape\n77;l1;État — P304;2021;Versé\n"), "f.csv");
    expect(missing.errors.map((e) => e.column)).toEqual(["Fiche action", "Montant (€)"]);
  });

  it("refuses a workbook with a sheet missing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snapshot)) as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet("Indicateurs")!.id);
    const result = await check(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
    expect(result.errors).toEqual([{ sheet: "Indicateurs", line: null, column: null, message: "Onglet « Indicateurs » manquant : utilisez le modèle exporté." }]);
  });

  it("refuses an unreadable workbook and unknown formats", async () => {
    expect((await check(utf8("not a zip"), "f.xlsx")).errors[0].message).toMatch(/XLSX valide/);
    expect((await check(utf8("x"), "f.xls")).errors[0].message).toMatch(/XLSX ou CSV/);
  });

  it("names another department's file", async () => {
    const file = await parseSpreadsheet(utf8(`${FUNDING_HEADER}\n63;l1;FA-01;État — P304;2021;Versé;1234,56\n`), "f.csv");
    expect(checkDepartment(file, "77")).toEqual([
      { sheet: "Financements", line: 2, column: "Département", message: "Ce fichier concerne un autre département (« 63 ») que celui de cet espace (77) : rien n'a été importé. Ligne concernée : 2. Chaque ligne doit indiquer le département 77." },
    ]);
    expect(checkDepartment(file, "63")).toEqual([]);
  });
});
