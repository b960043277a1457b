// Careless and hostile spreadsheet files: each is built here, imported as a department editor would,
// and must be refused with a French message naming sheet, line and column, with nothing written; a
// file applied once is never applied again, even by two clicks at the same moment.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPLAUSIBLE_DAY_MESSAGE } from "../../lib/core/dates";
import { db } from "../../lib/server/db";
import { MAX_LISTED_ERRORS } from "../../lib/spreadsheet/limits";
import { importSpreadsheet, type ImportResult } from "../../lib/spreadsheet/service";
import { buildZip, deflateBomb, fundingRowsWorkbook, rowXml, workbookParts } from "../../scripts/reliability/hostile-files";
import { contractOf, editor, editXlsx, exported, utf8 } from "../support/spreadsheet-files";

const csvLines = async (table: "actions" | "funding" | "indicators") => new TextDecoder().decode(await exported("77", "csv", table)).replace(/^\ufeff/, "").split("\r\n");

/** Everything an import could touch in a department, every audit row but refusals, and the register of applied files. */
async function fingerprint(code = "77") {
  const { id } = await contractOf(code);
  const [actions, lines, values, audits, imports] = await Promise.all([
    db().action.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().fundingLine.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().indicatorValue.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().auditLog.count({ where: { operation: { not: "denied" } } }),
    db().spreadsheetImport.count(),
  ]);
  return JSON.stringify({ actions, lines, values, audits, imports }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

function invalid(result: ImportResult) {
  if (result.ok || result.code !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(result).slice(0, 400)}`);
  expect(result.message).toMatch(/Rien n'a été écrit\.$/);
  return result;
}

/** Imports with apply (the worst case) and checks that nothing was written. */
async function refused(bytes: Uint8Array, filename: string) {
  const viewer = await editor();
  const before = await fingerprint();
  const result = invalid(await importSpreadsheet(viewer, "77", bytes, filename, { apply: true }));
  expect(await fingerprint()).toBe(before);
  return result;
}

describe("records shorter or longer than the header", () => {
  it("refuses an indicator line cut after the year (CSV) instead of emptying its values", async () => {
    const lines = await csvLines("indicators");
    // The running 2025-2027 contract's first indicator measured in 2025.
    const index = lines.findIndex((l, i) => i > 0 && l.split(";")[4] === "2025");
    expect(index).toBeGreaterThan(0);
    lines[index] = lines[index].split(";").slice(0, 5).join(";");
    const result = await refused(utf8(lines.join("\r\n")), "indicateurs.csv");
    expect(result.errors).toEqual([
      {
        sheet: "Indicateurs",
        line: index + 1,
        column: "Valeur de référence",
        message: "Ligne incomplète : 5 valeurs pour 8 colonnes (séparées par des points-virgules). Une colonne absente n'est jamais lue comme vide : rien n'a été lu sur cette ligne. Vérifiez le séparateur et les guillemets.",
      },
    ]);
  });

  it("refuses a workbook row with a value right of its header's last column", async () => {
    const file = await editXlsx(await exported(), (wb) => (wb.getWorksheet("Financements")!.getRow(3).getCell(8).value = "reste d'un copier-coller"));
    const result = await refused(file, "contrat.xlsx");
    expect(result.errors).toEqual([
      { sheet: "Financements", line: 3, column: "H (sans en-tête)", message: "Plus de valeurs que de colonnes : cette ligne a une valeur en colonne H, au-delà des 7 colonnes de l'en-tête." },
    ]);
  });

  it("refuses a line written with tabs in a semicolon CSV, saying so, instead of reading it as a department", async () => {
    const lines = await csvLines("funding");
    lines[2] = lines[2].split(";").join("\t");
    const result = await refused(utf8(lines.join("\r\n")), "financements.csv");
    expect(result.errors).toEqual([
      {
        sheet: "Financements",
        line: 3,
        column: "Identifiant",
        message: "Ligne incomplète : 1 valeur pour 7 colonnes (séparées par des points-virgules). Une colonne absente n'est jamais lue comme vide : rien n'a été lu sur cette ligne. Cette ligne semble séparée par des tabulations : enregistrez tout le fichier avec le même séparateur.",
      },
    ]);
  });
});

describe("another department", () => {
  it("names the sheet, the first line and the lines concerned", async () => {
    const lines = await csvLines("funding");
    for (const i of [2, 4]) lines[i] = lines[i].replace(/^77;/, "63;");
    const result = await refused(utf8(lines.join("\r\n")), "financements.csv");
    expect(result.errors).toEqual([
      {
        sheet: "Financements",
        line: 3,
        column: "Département",
        message: "Ce fichier concerne un autre département (« 63 ») que celui de cet espace (77) : rien n'a été importé. Lignes concernées : 3, 5. Chaque ligne doit indiquer le département 77.",
      },
    ]);
  });
});

describe("dates", () => {
  /** A fiche action's start date cell set by `edit` in row 2 (column I), then imported with apply. */
  const withStartDate = (edit: (cell: ExcelJS.Cell) => void) => async () => {
    const file = await editXlsx(await exported(), (wb) => edit(wb.getWorksheet("Fiches action")!.getRow(2).getCell(9)));
    return refused(file, "contrat.xlsx");
  };

  it("reads serial 60 as Excel shows it (29/02/1900, which does not exist)", async () => {
    const result = await withStartDate((cell) => {
      cell.value = 60;
      cell.numFmt = "dd/mm/yyyy";
    })();
    expect(result.errors).toEqual([{ sheet: "Fiches action", line: 2, column: "Date de début", message: "Cette date n'existe pas." }]);
  });

  it("refuses serial 1 (01/01/1900 in Excel) as outside the plausible range", async () => {
    const result = await withStartDate((cell) => {
      cell.value = 1;
      cell.numFmt = "dd/mm/yyyy";
    })();
    expect(result.errors).toEqual([{ sheet: "Fiches action", line: 2, column: "Date de début", message: IMPLAUSIBLE_DAY_MESSAGE }]);
  });

  it("refuses a typed day outside the plausible range in a CSV, with line and column", async () => {
    const lines = await csvLines("actions");
    const cells = lines[3].split(";");
    cells[9] = "31/12/2101";
    lines[3] = cells.join(";");
    const result = await refused(utf8(lines.join("\r\n")), "fiches-action.csv");
    expect(result.errors).toEqual([{ sheet: "Fiches action", line: 4, column: "Date de fin", message: "Date hors de la plage admise (du 01/01/2000 au 31/12/2100)." }]);
  });

  it("reads a t=\"d\" ISO cell as written, and a 1904-system workbook as Excel shows it", async () => {
    const viewer = await editor();
    const contract = await contractOf("77");
    const headers = {
      "Fiches action": ["Département", "Référence", "Intitulé", "Objectif", "Finalité", "Public visé", "Pilote", "Partenaires", "Date de début", "Date de fin", "Statut", "Avancement (%)"],
      Financements: ["Département", "Identifiant", "Fiche action", "Financeur", "Année", "Étape", "Montant (€)"],
      Indicateurs: ["Département", "Indicateur", "Libellé", "Unité", "Année", "Valeur de référence", "Cible", "Réalisé"],
    };
    const sheetXml = (name: keyof typeof headers, rows = "") =>
      Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, headers[name])}${rows}</sheetData></worksheet>`);
    // Row 2: the start date as an ISO date cell (t="d"), as some tools write it.
    const isoRow = rowXml(2, ["77", "", "Fiche datée en ISO", "", "", "", "", "", "", "", "En cours", "10"]).replace('<c r="I2" t="inlineStr"><is><t></t></is></c>', '<c r="I2" t="d"><v>2020-10-01T00:00:00</v></c>');
    const iso = buildZip(workbookParts([{ name: "Fiches action", xml: sheetXml("Fiches action", isoRow) }, { name: "Financements", xml: sheetXml("Financements") }, { name: "Indicateurs", xml: sheetXml("Indicateurs") }]));
    const applied = await importSpreadsheet(viewer, "77", iso, "iso.xlsx", { apply: true });
    if (!applied.ok) throw new Error(JSON.stringify(applied).slice(0, 500));
    const isoAction = await db().action.findFirstOrThrow({ where: { contractId: contract.id, title: "Fiche datée en ISO" } });
    expect(isoAction.startDate?.toISOString().slice(0, 10)).toBe("2020-10-01");

    const mac = await editXlsx(await exported(), (wb) => {
      wb.properties.date1904 = true;
      wb.getWorksheet("Fiches action")!.addRow(["77", null, "Fiche d'un classeur Mac", null, null, null, null, null, new Date("2020-10-01T00:00:00Z"), null, "En cours", 10]);
    });
    const preview = await importSpreadsheet(viewer, "77", mac, "mac.xlsx", { apply: true });
    if (!preview.ok) throw new Error(JSON.stringify(preview).slice(0, 500));
    expect(preview.summary.notices).toContain("Classeur au calendrier 1904 (Excel pour Mac) : les dates ont été lues dans ce calendrier.");
    const macAction = await db().action.findFirstOrThrow({ where: { contractId: contract.id, title: "Fiche d'un classeur Mac" } });
    expect(macAction.startDate?.toISOString().slice(0, 10)).toBe("2020-10-01");
  });
});

describe("encodings", () => {
  const utf16 = (text: string, order: "le" | "be") => {
    const le = Buffer.from(`\ufeff${text}`, "utf16le");
    if (order === "be") for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return new Uint8Array(le);
  };

  it.each(["le", "be"] as const)("reads a UTF-16 %s CSV with its BOM and names the encoding in the notice", async (order) => {
    const viewer = await editor();
    const lines = await csvLines("funding");
    const cells = lines[1].split(";");
    cells[6] = order === "le" ? "4 321,00" : "4 322,00";
    lines[1] = cells.join(";");
    const result = await importSpreadsheet(viewer, "77", utf16(lines.join("\r\n"), order), "financements.txt", { apply: true });
    if (!result.ok) throw new Error(JSON.stringify(result).slice(0, 500));
    expect(result.summary.notices[0]).toBe(order === "le" ? "Fichier encodé en UTF-16 LE (« Texte Unicode » d'Excel) : il a été lu dans cet encodage." : "Fichier encodé en UTF-16 BE : il a été lu dans cet encodage.");
    expect(result.summary.totals).toMatchObject({ updated: 1 });
    expect((await db().fundingLine.findUniqueOrThrow({ where: { id: cells[1] } })).amountCents).toBe(order === "le" ? 432_100n : 432_200n);
  });
});

describe("formula-like text: stored as typed, defused on every output", () => {
  it("stores « +cmd|' /C calc'!A0 » as typed and exports it with an apostrophe", async () => {
    const viewer = await editor();
    const lines = await csvLines("actions");
    const cells = lines[1].split(";");
    cells[6] = "+cmd|' /C calc'!A0";
    cells[7] = "@SOMME(A1:A9)";
    lines[1] = cells.join(";");
    const result = await importSpreadsheet(viewer, "77", utf8(lines.join("\r\n")), "fiches-action.csv", { apply: true });
    if (!result.ok) throw new Error(JSON.stringify(result).slice(0, 500));
    const action = await db().action.findFirstOrThrow({ where: { contractId: (await contractOf("77")).id, reference: cells[1] } });
    expect(action).toMatchObject({ lead: "+cmd|' /C calc'!A0", partners: "@SOMME(A1:A9)" });
    const again = (await csvLines("actions")).find((l) => l.split(";")[1] === cells[1])!;
    expect(again).toContain(";'+cmd|' /C calc'!A0;'@SOMME(A1:A9);");
  });
});

describe("limits checked before the file is parsed whole", () => {
  it("refuses a CSV of more than 20,000 data lines at the first line over", async () => {
    const lines = await csvLines("funding");
    const row = lines[1].split(";").map((c, i) => (i === 1 ? "" : c)).join(";");
    const result = await refused(utf8([lines[0], ...Array.from({ length: 20_001 }, () => row)].join("\r\n")), "financements.csv");
    expect(result.errors).toEqual([{ sheet: "Financements", line: 20_002, column: null, message: "Plus de 20 000 lignes de données : la lecture du fichier s'est arrêtée à cette ligne. Découpez le fichier." }]);
  });

  it("refuses a workbook sheet of more than 20,000 data rows, naming it", async () => {
    const result = await refused(fundingRowsWorkbook(20_001), "contrat.xlsx");
    expect(result.errors).toEqual([{ sheet: "Financements", line: null, column: null, message: "L'onglet « Financements » dépasse 20 000 lignes de données : il n'a pas été lu. Découpez le fichier." }]);
  });

  it("refuses a cell longer than 5,000 characters with its line and column", async () => {
    const lines = await csvLines("actions");
    const cells = lines[2].split(";");
    cells[4] = "x".repeat(5_001);
    lines[2] = cells.join(";");
    const result = await refused(utf8(lines.join("\r\n")), "fiches-action.csv");
    expect(result.errors).toEqual([{ sheet: "Fiches action", line: 3, column: "E", message: "Cellule trop longue (plus de 5 000 caractères) : la lecture du fichier s'est arrêtée ici." }]);
  });

  it.each([
    ["honest", false],
    ["lying about its size", true],
  ])("refuses a deflate bomb (%s) with the decompressed-size limit", async (_name, lying) => {
    const result = await refused(await deflateBomb(48 * 1024 * 1024, lying), "bombe.xlsx");
    expect(result.errors).toEqual([
      { sheet: null, line: null, column: null, message: "Le classeur décompressé dépasse 40 Mo : il n'a pas été lu. Retirez les lignes, images ou onglets inutiles, ou importez une table à la fois en CSV." },
    ]);
  });

  it("lists the first 200 errors only, with the total and the count per column", async () => {
    const lines = await csvLines("funding");
    const row = lines[1].split(";").map((c, i) => (i === 1 ? "" : i === 3 ? "Inconnu" : i === 6 ? "-1" : c)).join(";");
    const result = await refused(utf8([lines[0], ...Array.from({ length: 150 }, () => row)].join("\r\n")), "financements.csv");
    expect(result.message).toBe("Le fichier n'a pas été importé : 300 erreurs à corriger. Rien n'a été écrit.");
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors[0]).toEqual({ sheet: "Financements", line: 2, column: "Financeur", message: "Choisissez un financeur dans la liste." });
    expect(result.errorCount).toEqual({
      total: 300,
      byColumn: [
        { sheet: "Financements", column: "Financeur", count: 150 },
        { sheet: "Financements", column: "Montant (€)", count: 150 },
      ],
    });
  });
});

describe("a file applied once is never applied again", () => {
  /** A new fiche (empty Référence) and a new funding line (empty Identifiant), with a title of its own. */
  async function newRowsFile(title: string) {
    return editXlsx(await exported(), (wb) => {
      wb.getWorksheet("Fiches action")!.addRow(["77", null, title, null, null, null, null, null, "01/10/2025", null, "En cours", 10]);
      wb.getWorksheet("Financements")!.addRow(["77", null, null, "Département", 2025, "Prévu", 1234.56]);
    });
  }

  it("refuses the second apply, naming when and by whom, and writes nothing", async () => {
    const viewer = await editor();
    const file = await newRowsFile("Fiche importée une seule fois");
    const first = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
    expect(first.ok && first.summary.totals.created).toBe(2);
    const entry = await db().spreadsheetImport.findFirstOrThrow({ where: { actorId: viewer.user.id } });
    expect(entry).toMatchObject({ departmentCode: "77", actorEmail: viewer.user.email, filename: "contrat.xlsx", createdCount: 2, updatedCount: 0 });
    expect((entry.created as { actions: { reference: string }[] }).actions).toHaveLength(1);

    const before = await fingerprint();
    for (const apply of [true, false]) {
      const again = await importSpreadsheet(viewer, "77", file, "copie.xlsx", { apply });
      expect(again).toEqual({ ok: false, code: "already_imported", message: expect.stringMatching(new RegExp(`^Ce fichier a déjà été importé le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2} par ${viewer.user.email.replace(/\./g, "\\.")} : rien n'a été écrit\\.$`)) });
    }
    expect(await fingerprint()).toBe(before);
    expect(await db().action.count({ where: { title: "Fiche importée une seule fois" } })).toBe(1);
  });

  it("creates nothing twice when two applies of the same file run at the same moment", async () => {
    const [a, b] = await Promise.all([editor(), editor()]);
    const file = await newRowsFile("Fiche d'un double clic");
    const linesBefore = await db().fundingLine.count({ where: { contractId: (await contractOf("77")).id } });
    const results = await Promise.all([importSpreadsheet(a, "77", file, "contrat.xlsx", { apply: true }), importSpreadsheet(b, "77", file, "contrat.xlsx", { apply: true })]);
    const applied = results.filter((r) => r.ok && r.applied);
    const refusedOnes = results.filter((r) => !r.ok);
    expect(applied).toHaveLength(1);
    expect(refusedOnes).toEqual([{ ok: false, code: "already_imported", message: expect.stringMatching(/^Ce fichier a déjà été importé le .* : rien n'a été écrit\.$/) }]);
    expect(await db().action.count({ where: { title: "Fiche d'un double clic" } })).toBe(1);
    expect(await db().fundingLine.count({ where: { contractId: (await contractOf("77")).id } })).toBe(linesBefore + 1);
  });
});
