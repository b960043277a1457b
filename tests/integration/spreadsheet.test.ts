import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { PUBLIC_VIEWER } from "../../lib/server/authz";
import { watchInvalidations } from "../../lib/server/cache/cache";
import type { WriteScope } from "../../lib/server/cache/cache-tags";
import { updateAction } from "../../lib/actions/mutations";
import { PREVIEW_UPDATED, runImportStep } from "../../lib/spreadsheet/import-step";
import { FORMULA_MESSAGE } from "../../lib/spreadsheet/parse";
import { exportSpreadsheet, importSpreadsheet } from "../../lib/spreadsheet/service";
import { MAX_FILE_BYTES } from "../../lib/spreadsheet/template";
import { actionForm } from "../factories/action-form";
import { signedInViewer } from "../factories/users";
import { contractOf, editor, editXlsx, exported, utf8 } from "../support/spreadsheet-files";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\ufeff/, "");

/** Everything an import could touch in a department, and every audit row but refusals: equal before and after means nothing was written. */
async function fingerprint(code = "77") {
  const { id } = await contractOf(code);
  const [actions, lines, values, audits] = await Promise.all([
    db().action.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().fundingLine.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().indicatorValue.findMany({ where: { contractId: id }, orderBy: { id: "asc" } }),
    db().auditLog.count({ where: { operation: { not: "denied" } } }),
  ]);
  return JSON.stringify({ actions, lines, values, audits }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** What Excel writes for "CSV (séparateur : point-virgule)" on a French Windows. */
function windows1252(value: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "…": 0x85, "Œ": 0x8c, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c };
  return Uint8Array.from(
    [...value].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      if (c in extra) return extra[c];
      throw new Error(`not in Windows-1252: ${c}`);
    }),
  );
}

describe("spreadsheet export → import", () => {
  it("re-imports its own XLSX export as all unchanged, and applying it writes nothing", async () => {
    const viewer = await editor();
    const file = await exported();
    const preview = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: false });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.summary.totals.created).toBe(0);
    expect(preview.summary.totals.updated).toBe(0);
    expect(preview.summary.totals.unchanged).toBeGreaterThan(10);
    expect(preview.summary.counts.funding.unchanged).toBeGreaterThan(0);

    const auditsBefore = await db().auditLog.count();
    const applied = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
    expect(applied.ok && applied.applied).toBe(false);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("re-imports each CSV export as all unchanged, and applying it writes nothing", async () => {
    const viewer = await editor();
    const before = await fingerprint();
    for (const table of ["actions", "funding", "indicators"] as const) {
      const file = await exported("77", "csv", table);
      const result = await importSpreadsheet(viewer, "77", file, `${table}.csv`, { apply: false });
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.summary.totals).toMatchObject({ created: 0, updated: 0 });
      expect(result.summary.totals.unchanged).toBeGreaterThan(0);
      const applied = await importSpreadsheet(viewer, "77", file, `${table}.csv`, { apply: true });
      expect(applied.ok && applied.applied).toBe(false);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("updates a changed row with its audit row, and creates a new action numbered after the last one", async () => {
    const viewer = await editor();
    const contract = await contractOf("77");
    const last = Math.max(...(await db().action.findMany({ where: { contractId: contract.id } })).map((a) => Number(a.reference.slice(3))));
    const file = await editXlsx(await exported(), (wb) => {
      const funding = wb.getWorksheet("Financements")!;
      funding.getRow(2).getCell(7).value = 4321.5;
      const actions = wb.getWorksheet("Fiches action")!;
      actions.addRow(["77", null, "Nouvelle fiche importée", null, "Tester l'import", null, null, null, "28/09/2021", "2022-06-30", "En cours", 10]);
    });
    const lineId = String((await ExcelJS_read(file)).getWorksheet("Financements")!.getRow(2).getCell(2).value);

    const preview = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: false });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.summary.totals).toMatchObject({ created: 1, updated: 1 });
    expect(preview.summary.changes.find((c) => c.kind === "update")!.fields).toEqual([{ column: "Montant (€)", before: expect.any(String), after: "4 321,50 €" }]);

    const applied = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true, expectedHash: preview.summary.fileHash });
    expect(applied.ok && applied.applied).toBe(true);
    const line = await db().fundingLine.findUniqueOrThrow({ where: { id: lineId } });
    expect(line.amountCents).toBe(432_150n);
    expect(line.version).toBeGreaterThan(1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "FundingLine", entityId: lineId, operation: "update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorEmail: viewer.user.email, actorRole: "DEPARTMENT_EDITOR", scopeDepartmentCode: "77" });
    expect(audit.after).toEqual({ amountCents: 432_150 });

    const created = await db().action.findFirstOrThrow({ where: { contractId: contract.id, title: "Nouvelle fiche importée" } });
    expect(created.reference).toBe(`FA-${String(last + 1).padStart(2, "0")}`);
    // The applied summary names the reference the new action received.
    expect(applied.ok && applied.summary.changes.find((c) => c.kind === "create")!.label).toBe(`${created.reference} — Nouvelle fiche « Nouvelle fiche importée »`);
    expect(created.startDate?.toISOString().slice(0, 10)).toBe("2021-09-28");
    expect(await db().auditLog.count({ where: { entity: "Action", entityId: created.id, operation: "create" } })).toBe(1);

    // A fresh export now matches the database: nothing left to change.
    const again = await importSpreadsheet(viewer, "77", await exported(), "contrat.xlsx", { apply: false });
    expect(again.ok && again.summary.totals).toMatchObject({ created: 0, updated: 0 });
  });

  it("writes nothing when one row is bad (all or nothing), listing line, column and message", async () => {
    const viewer = await editor();
    const file = await editXlsx(await exported(), (wb) => {
      const funding = wb.getWorksheet("Financements")!;
      funding.getRow(2).getCell(7).value = 1234;
      funding.getRow(3).getCell(7).value = "-12,50";
    });
    const auditsBefore = await db().auditLog.count();
    const lineId = String((await ExcelJS_read(file)).getWorksheet("Financements")!.getRow(2).getCell(2).value);
    const before = await db().fundingLine.findUniqueOrThrow({ where: { id: lineId } });
    const result = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.errors).toEqual([{ sheet: "Financements", line: 3, column: "Montant (€)", message: "Le montant ne peut pas être négatif." }]);
    expect((await db().fundingLine.findUniqueOrThrow({ where: { id: lineId } })).amountCents).toBe(before.amountCents);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("refuses a stale plan: a row changed after the preview rolls the whole import back", async () => {
    const viewer = await editor();
    const file = await editXlsx(await exported(), (wb) => {
      wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 777;
      wb.getWorksheet("Financements")!.getRow(3).getCell(7).value = 778;
    });
    const lineId = String((await ExcelJS_read(file)).getWorksheet("Financements")!.getRow(3).getCell(2).value);
    // Simulate a concurrent save between the plan and the write by bumping the version under a trigger-free update.
    const original = db().$transaction.bind(db());
    let bumped = false;
    (db() as unknown as { $transaction: unknown }).$transaction = async (...args: Parameters<typeof original>) => {
      if (!bumped) {
        bumped = true;
        await db().fundingLine.update({ where: { id: lineId }, data: { version: { increment: 1 } } });
      }
      return (original as (...a: unknown[]) => unknown)(...args);
    };
    try {
      const result = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
      expect(!result.ok && result.code).toBe("conflict");
    } finally {
      (db() as unknown as { $transaction: unknown }).$transaction = original;
    }
    const firstId = String((await ExcelJS_read(file)).getWorksheet("Financements")!.getRow(2).getCell(2).value);
    expect((await db().fundingLine.findUniqueOrThrow({ where: { id: firstId } })).amountCents).not.toBe(77_700n);
  });
});

describe("spreadsheet import permissions", () => {
  it("denies an editor of 63 importing into 77, with a denied audit row and nothing written", async () => {
    const viewer63 = await editor("63");
    const file = await editXlsx(await exported("77"), (wb) => (wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 1));
    const before = await fingerprint();
    const result = await importSpreadsheet(viewer63, "77", file, "contrat.xlsx", { apply: true });
    expect(result).toEqual({ ok: false, code: "not_found", message: "Ce département n'existe pas ou n'est pas accessible." });
    expect(await fingerprint()).toBe(before);
    const denied = await db().auditLog.findMany({ where: { actorId: viewer63.user.id } });
    expect(denied.map((d) => [d.operation, d.entity, d.entityId, d.scopeDepartmentCode])).toEqual([["denied", "Department", "77", "77"]]);
  });

  it("does not let an editor of 63 export the contract of 77", async () => {
    expect(await exportSpreadsheet(await editor("63"), "77", "xlsx")).toEqual({ ok: false, status: 404, message: "Ce département n'existe pas ou n'est pas accessible." });
  });

  it("denies a reader of the department (forbidden, audited)", async () => {
    const reader = await signedInViewer("DEPARTMENT_READER", { departmentCode: "77" });
    const result = await importSpreadsheet(reader, "77", await exported("77"), "contrat.xlsx", { apply: false });
    expect(result).toEqual({ ok: false, code: "forbidden", message: "Vous n'avez pas les droits nécessaires pour importer des données dans ce département." });
    expect(await db().auditLog.count({ where: { actorId: reader.user.id, operation: "denied" } })).toBe(1);
  });

  it("refuses another department's file imported into one's own department", async () => {
    const viewer = await editor("77");
    const file63 = await exported("63");
    const auditsBefore = await db().auditLog.count();
    const result = await importSpreadsheet(viewer, "77", file63, "contrat-63.xlsx", { apply: true });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    // The "Lisez-moi" sheet and each of the three sheets, each at its first line.
    expect(result.errors.map((e) => [e.sheet, e.column])).toEqual([["Lisez-moi", "B"], ["Fiches action", "Département"], ["Financements", "Département"], ["Indicateurs", "Département"]]);
    expect(result.errors[1]).toMatchObject({ line: 2, message: expect.stringMatching(/^Ce fichier concerne un autre département \(« 63 »\) que celui de cet espace \(77\) : rien n'a été importé\. Lignes concernées : 2, 3, 4, 5, 6 et 1 autre\. Chaque ligne doit indiquer le département 77\.$/) });
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });
});

describe("spreadsheet files as French Excel saves them", () => {
  it("applies a Windows-1252 CSV with semicolons, « Réalisée », accents, € and 28/09/2020, with its audit row", async () => {
    const viewer = await editor();
    const lines = text(await exported("77", "csv", "actions")).split("\r\n");
    const index = lines.findIndex((l) => l.split(";")[1] === "FA-03");
    const cells = lines[index].split(";");
    cells[2] = "Évaluation des besoins — fratries accueillies à l’ASE";
    cells[8] = "28/09/2020";
    cells[10] = "Réalisée";
    cells[11] = "100";
    const file = windows1252([lines[0], cells.join(";"), ""].join("\r\n"));
    const preview = await importSpreadsheet(viewer, "77", file, "fiches-action.csv", { apply: false });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.summary.notices).toEqual(["Fichier encodé en Windows-1252 (Latin-1, enregistré par Excel) : les accents ont été convertis.", "Séparateur point-virgule détecté."]);
    expect(preview.summary.totals).toEqual({ created: 0, updated: 1, unchanged: 0 });

    const applied = await importSpreadsheet(viewer, "77", file, "fiches-action.csv", { apply: true, expectedHash: preview.summary.fileHash });
    expect(applied.ok && applied.applied).toBe(true);
    const action = await db().action.findFirstOrThrow({ where: { contractId: (await contractOf("77")).id, reference: "FA-03" } });
    expect(action).toMatchObject({ title: "Évaluation des besoins — fratries accueillies à l’ASE", status: "DONE", progress: 100 });
    expect(action.startDate?.toISOString().slice(0, 10)).toBe("2020-09-28");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Action", entityId: action.id, operation: "update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: viewer.user.id, actorRole: "DEPARTMENT_EDITOR" });
    expect(audit.after).toMatchObject({ title: "Évaluation des besoins — fratries accueillies à l’ASE", status: "DONE", progress: 100, startDate: "2020-09-28" });
  });

  it("reads 1 234,56 with a space, a no-break space or a narrow no-break space as exact cents", async () => {
    const viewer = await editor();
    const lines = text(await exported("77", "csv", "funding")).split("\r\n");
    const amounts = ["1 234,56", "1\u00a0234,57", "1\u202f234,58"];
    const ids = [1, 2, 3].map((i) => lines[i].split(";")[1]);
    [1, 2, 3].forEach((i, k) => (lines[i] = lines[i].replace(/;[^;]*$/, `;${amounts[k]}`)));
    const result = await importSpreadsheet(viewer, "77", utf8(lines.join("\r\n")), "financements.csv", { apply: true });
    expect(result.ok && result.applied).toBe(true);
    const stored = await db().fundingLine.findMany({ where: { id: { in: ids } } });
    expect(ids.map((id) => stored.find((l) => l.id === id)!.amountCents)).toEqual([123_456n, 123_457n, 123_458n]);
  });
});

describe("spreadsheet files refused with a French message, nothing written", () => {
  type Case = { name: string; file: () => Promise<Uint8Array>; filename: string; error: Record<string, unknown> };
  const xlsxWith = (edit: (wb: ExcelJS.Workbook) => void) => async () => editXlsx(await exported(), edit);
  const csvWith = (table: "actions" | "funding", edit: (lines: string[]) => void, encode: (value: string) => Uint8Array = utf8) => async () => {
    const lines = text(await exported("77", "csv", table)).split("\r\n");
    edit(lines);
    return encode(lines.join("\r\n"));
  };
  const cases: Case[] = [
    {
      name: "a Windows-1252 CSV with a status that is not in the list",
      filename: "fiches-action.csv",
      file: csvWith("actions", (l) => (l[1] = l[1].replace(/;(Réalisée|En cours|Non démarrée|Reportée|Abandonnée);/, ";Terminée;")), windows1252),
      error: { sheet: "Fiches action", line: 2, column: "Statut", message: "Choisissez un statut dans la liste." },
    },
    {
      name: "a French amount with three decimals (semicolon CSV)",
      filename: "financements.csv",
      file: csvWith("funding", (l) => (l[2] = l[2].replace(/;[^;]*$/, ";1 234,567"))),
      error: { sheet: "Financements", line: 3, column: "Montant (€)", message: "Deux décimales au plus : le montant s'arrête aux centimes." },
    },
    {
      name: "a day that does not exist (31/02/2021)",
      filename: "fiches-action.csv",
      file: csvWith("actions", (l) => {
        const c = l[1].split(";");
        c[8] = "31/02/2021";
        l[1] = c.join(";");
      }),
      error: { sheet: "Fiches action", line: 2, column: "Date de début", message: "Cette date n'existe pas." },
    },
    {
      name: "a formula cell in the workbook",
      filename: "contrat.xlsx",
      file: xlsxWith((wb) => (wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = { formula: "1000*2", result: 2000 })),
      error: { sheet: "Financements", line: 2, column: "Montant (€)", message: FORMULA_MESSAGE },
    },
    {
      name: "formula-like text where an amount is expected in a CSV (stored as typed elsewhere, but not a number)",
      filename: "financements.csv",
      file: csvWith("funding", (l) => (l[1] = l[1].replace(/;[^;]*$/, ";=1+1"))),
      error: { sheet: "Financements", line: 2, column: "Montant (€)", message: "Montant attendu en euros, par exemple 1 234,56 ou 1234.56." },
    },
    {
      name: "a workbook with a sheet missing",
      filename: "contrat.xlsx",
      file: xlsxWith((wb) => wb.removeWorksheet(wb.getWorksheet("Indicateurs")!.id)),
      error: { sheet: "Indicateurs", line: null, column: null, message: "Onglet « Indicateurs » manquant : utilisez le modèle exporté." },
    },
    {
      name: "an unknown column",
      filename: "financements.csv",
      file: csvWith("funding", (l) => l.forEach((line, i) => (l[i] = line === "" ? line : `${line};${i === 0 ? "Commentaire" : "à revoir"}`))),
      error: { sheet: "Financements", line: 1, column: "Commentaire", message: "Colonne inconnue « Commentaire » : retirez-la ou utilisez le modèle exporté." },
    },
    { name: "an empty file (0 bytes)", filename: "financements.csv", file: async () => new Uint8Array(), error: { sheet: null, line: null, column: null, message: "Le fichier est vide." } },
    {
      name: "a CSV with its header line only",
      filename: "financements.csv",
      file: csvWith("funding", (l) => l.splice(1)),
      error: { sheet: "Financements", line: null, column: null, message: "Aucune ligne de données sous l'en-tête." },
    },
    {
      name: "a workbook with header rows only",
      filename: "contrat.xlsx",
      file: xlsxWith((wb) => {
        for (const sheet of wb.worksheets.filter((w) => w.name !== "Lisez-moi")) {
          const header = sheet.getRow(1).values;
          wb.removeWorksheet(sheet.id);
          wb.addWorksheet(sheet.name).addRow(header);
        }
      }),
      error: { sheet: null, line: null, column: null, message: "Aucune ligne de données : le classeur ne contient que les en-têtes." },
    },
    {
      name: "a file over 5 Mo",
      filename: "financements.csv",
      file: csvWith("funding", (l) => l.push("x".repeat(MAX_FILE_BYTES))),
      error: { sheet: null, line: null, column: null, message: "Le fichier dépasse la taille maximale de 5 Mo." },
    },
  ];

  it.each(cases)("refuses $name", async ({ file, filename, error }) => {
    const viewer = await editor();
    const bytes = await file();
    const before = await fingerprint();
    const result = await importSpreadsheet(viewer, "77", bytes, filename, { apply: true });
    if (result.ok || result.code !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(result).slice(0, 300)}`);
    expect(result.message).toMatch(/Rien n'a été écrit\.$/);
    expect(result.errors).toEqual([expect.objectContaining(error)]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("spreadsheet import writes", () => {
  it("writes one audit row per created or changed record, none for unchanged rows", async () => {
    const viewer = await editor();
    const file = await editXlsx(await exported(), (wb) => {
      wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 9876.54;
      // The workbook is the running 2025-2027 contract's.
      wb.getWorksheet("Financements")!.addRow(["77", null, "FA-02", "ARS — FIR", 2026, "Prévu", 1500]);
      wb.getWorksheet("Financements")!.addRow(["77", null, null, "Département", 2027, "Engagé", "2 500,00"]);
      const indicators = wb.getWorksheet("Indicateurs")!;
      indicators.getRow(2).getCell(8).value = 42;
    });
    const since = (await db().auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const result = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { created, updated } = result.summary.totals;
    const rows = await db().auditLog.findMany({ where: { id: { gt: since } } });
    expect(rows).toHaveLength(created + updated);
    expect(rows.every((r) => r.actorId === viewer.user.id && r.scopeDepartmentCode === "77" && r.scopeRegionCode === "11")).toBe(true);
    expect(rows.filter((r) => r.entity === "FundingLine" && r.operation === "create").map((r) => r.after)).toEqual(
      expect.arrayContaining([expect.objectContaining({ funder: "ARS_FIR", year: 2026, stage: "PLANNED", amountCents: 150_000 }), expect.objectContaining({ funder: "DEPARTMENT", amountCents: 250_000 })]),
    );
    const createdIds = rows.filter((r) => r.operation === "create" && r.entity === "FundingLine").map((r) => r.entityId);
    expect(await db().fundingLine.count({ where: { id: { in: createdIds } } })).toBe(2);
  });

  it("rolls everything back when an indicator value is created by someone else between the preview and the write", async () => {
    const viewer = await editor();
    const contract = await contractOf("77");
    // An (indicator, year) without a value: the file fills it, and someone else fills it meanwhile.
    const value = await db().indicatorValue.findFirstOrThrow({ where: { contractId: contract.id }, include: { indicator: true }, orderBy: { id: "asc" } });
    await db().indicatorValue.delete({ where: { id: value.id } });
    const { indicator, year } = value;
    const file = await editXlsx(await exported(), (wb) => {
      const sheet = wb.getWorksheet("Indicateurs")!;
      let target: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === indicator.code && row.getCell(5).value === year) target = row;
      });
      target!.getCell(8).value = 7;
      wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 1111;
    });
    const original = db().$transaction.bind(db());
    let created = false;
    (db() as unknown as { $transaction: unknown }).$transaction = async (...args: Parameters<typeof original>) => {
      if (!created) {
        created = true;
        await db().indicatorValue.create({ data: { contractId: contract.id, indicatorId: indicator.id, year, actual: 3 } });
      }
      return (original as (...a: unknown[]) => unknown)(...args);
    };
    const before = await fingerprint();
    try {
      const result = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
      expect(!result.ok && result.code === "conflict" && result.message).toBe("Des données ont été modifiées depuis l'aperçu : relancez l'aperçu puis appliquez à nouveau. Rien n'a été écrit.");
    } finally {
      (db() as unknown as { $transaction: unknown }).$transaction = original;
    }
    const after = JSON.parse(await fingerprint());
    const expected = JSON.parse(before);
    // Only the concurrent value is new; the funding line kept its amount and no audit row was added.
    expect(after.lines).toEqual(expected.lines);
    expect(after.audits).toBe(expected.audits);
    expect(after.values).toHaveLength(expected.values.length + 1);
  });
});

describe("spreadsheet import invalidation", () => {
  it("invalidates the department once after an apply, and nothing after a preview, a refusal or a file already applied", async () => {
    const viewer = await editor();
    const file = await editXlsx(await exported(), (wb) => (wb.getWorksheet("Financements")!.getRow(2).getCell(7).value = 4321));
    const scopes: WriteScope[] = [];
    const stop = watchInvalidations((scope) => scopes.push(scope));
    try {
      expect((await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: false })).ok).toBe(true);
      expect((await importSpreadsheet(await editor("63"), "77", file, "contrat.xlsx", { apply: true })).ok).toBe(false);
      expect(scopes).toEqual([]);
      const applied = await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true });
      expect(applied.ok && applied.applied).toBe(true);
      expect(scopes).toEqual([{ kind: "department", departmentCode: "77", regionCode: "11" }]);
      expect(await importSpreadsheet(viewer, "77", file, "contrat.xlsx", { apply: true })).toMatchObject({ ok: false, code: "already_imported" });
      expect(scopes).toHaveLength(1);
    } finally {
      stop();
    }
  });
});

describe("spreadsheet import step (what the page shows)", () => {
  it("asks to sign in again when the session has expired, and to preview before applying", async () => {
    const file = new File([new Uint8Array(await exported())], "contrat.xlsx");
    expect(await runImportStep(PUBLIC_VIEWER, "77", "apercu", file, NONE)).toEqual({ status: "error", message: "Votre session a expiré : reconnectez-vous puis relancez l'import. Rien n'a été importé." });
    const viewer = await editor();
    expect((await runImportStep(viewer, "77", "apercu", null, NONE)).message).toBe("Choisissez un fichier XLSX ou CSV.");
    expect((await runImportStep(viewer, "77", "application", file, NONE)).message).toBe("Relancez l'aperçu avant d'appliquer l'import.");
    const preview = await runImportStep(viewer, "77", "apercu", file, NONE);
    // Both fingerprints are needed: the file's alone does not say which changes were shown.
    expect((await runImportStep(viewer, "77", "application", file, { fileHash: preview.summary!.fileHash, planHash: "" })).message).toBe("Relancez l'aperçu avant d'appliquer l'import.");
  });

  it("previews, then applies the same file only (checked by its hash)", async () => {
    const viewer = await editor();
    const bytes = await editXlsx(await exported(), (wb) => (wb.getWorksheet("Financements")!.getRow(4).getCell(7).value = 3333.33));
    const preview = await runImportStep(viewer, "77", "apercu", new File([new Uint8Array(bytes)], "contrat.xlsx"), NONE);
    expect(preview).toMatchObject({ status: "preview", filename: "contrat.xlsx", summary: { totals: { created: 0, updated: 1 } } });
    const other = await runImportStep(viewer, "77", "application", new File([new Uint8Array(await exported())], "contrat.xlsx"), shown(preview));
    expect(other).toMatchObject({ status: "error", errors: [{ message: "Ce fichier n'est pas celui de l'aperçu : relancez l'aperçu avec le fichier à appliquer." }] });
    const applied = await runImportStep(viewer, "77", "application", new File([new Uint8Array(bytes)], "contrat.xlsx"), shown(preview));
    expect(applied).toMatchObject({ status: "applied", message: "Import appliqué : 0 création, 1 modification." });
  });

  it("applies only what the preview showed: a colleague's save since then to a row of the file is not reverted: nothing is written and the up-to-date preview comes back", async () => {
    const viewer = await editor();
    const colleague = await editor();
    const bytes = await editXlsx(await exported(), (wb) => (wb.getWorksheet("Financements")!.getRow(4).getCell(7).value = 4444.44));
    const lineId = String((await ExcelJS_read(bytes)).getWorksheet("Financements")!.getRow(4).getCell(2).value);
    const file = () => new File([new Uint8Array(bytes)], "contrat.xlsx");
    const preview = await runImportStep(viewer, "77", "apercu", file(), NONE);
    expect(preview).toMatchObject({ status: "preview", summary: { totals: { created: 0, updated: 1 } } });

    // Meanwhile a colleague saves a fiche action of the file in the form.
    const fiche = await runningAction("FA-02");
    expect((await updateAction(colleague, fiche.id, actionForm(fiche, { progress: String((fiche.progress + 7) % 100) }))).ok).toBe(true);
    const before = await fingerprint();

    // Nothing written; the page gets the preview as it is now: the amount, and the file's older progress
    // that would undo the colleague's save.
    const again = await runImportStep(viewer, "77", "application", file(), shown(preview));
    expect(await fingerprint()).toBe(before);
    expect((await db().fundingLine.findUniqueOrThrow({ where: { id: lineId } })).amountCents).not.toBe(444_444n);
    expect(again).toMatchObject({ status: "preview", message: PREVIEW_UPDATED, filename: "contrat.xlsx" });
    expect(PREVIEW_UPDATED).toBe("Des données ont été modifiées depuis l'aperçu : rien n'a été écrit. L'aperçu ci-dessous est à jour : vérifiez-le, puis appliquez.");
    expect(again.summary!.totals).toMatchObject({ created: 0, updated: 2 });
    expect(again.summary!.planHash).not.toBe(preview.summary!.planHash);
    expect(again.summary!.changes.find((c) => c.label.startsWith("FA-02"))!.fields).toEqual([
      { column: "Avancement (%)", before: String((fiche.progress + 7) % 100), after: String(fiche.progress) },
    ]);
    // Applying that preview writes both, as shown.
    expect(await runImportStep(viewer, "77", "application", file(), shown(again))).toMatchObject({ status: "applied", message: "Import appliqué : 0 création, 2 modifications." });
    expect((await db().fundingLine.findUniqueOrThrow({ where: { id: lineId } })).amountCents).toBe(444_444n);
  });

  it("flags the rows of a workbook saved in Tripartite after its export, with who saved them and when; a CSV carries no export date", async () => {
    const viewer = await editor();
    const colleague = await editor();
    const workbook = await exported();
    // The workbook records its export to the second: the colleague saves after that second.
    await new Promise((r) => setTimeout(r, 1100));
    const fiche = await runningAction("FA-04");
    expect((await updateAction(colleague, fiche.id, actionForm(fiche, { lead: `${fiche.lead ?? ""} (DEF)`.trim() }))).ok).toBe(true);
    // The editor, meanwhile, changes an amount in the workbook and saves it again in her spreadsheet program.
    const bytes = await editXlsx(workbook, (wb) => {
      wb.lastModifiedBy = "Marie";
      wb.getWorksheet("Financements")!.getRow(6).getCell(7).value = 6666.66;
    });
    const preview = await runImportStep(viewer, "77", "apercu", new File([new Uint8Array(bytes)], "contrat.xlsx"), NONE);
    expect(preview).toMatchObject({ status: "preview" });
    expect(preview.summary!.totals).toMatchObject({ created: 0, updated: 2 });
    expect(preview.summary!.warning).toMatch(
      /^1 ligne du fichier a été modifiée dans Tripartite après l'export de ce classeur \(le \d{1,2}(er)? \p{L}+ \d{4} à \d{2} h \d{2}\) : l'import remplacerait cette modification par les valeurs du fichier\. Vérifiez la ligne signalée « modifiée depuis l'export » dans le détail, ou exportez de nouveau le classeur\.$/u,
    );
    const [saved, amount] = [preview.summary!.changes.find((c) => c.label.startsWith("FA-04"))!, preview.summary!.changes.find((c) => c.sheet === "Financements")!];
    expect(saved.savedSinceExport).toMatchObject({ by: colleague.user.email });
    expect(Date.parse(saved.savedSinceExport!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(saved.fields).toEqual([{ column: "Pilote", before: `${fiche.lead ?? ""} (DEF)`.trim(), after: fiche.lead ?? "" }]);
    expect(amount.savedSinceExport).toBeUndefined();
    // Previewed by the colleague who made that save: « vous-même ».
    const own = await runImportStep(colleague, "77", "apercu", new File([new Uint8Array(bytes)], "contrat.xlsx"), NONE);
    expect(own.summary!.changes.find((c) => c.label.startsWith("FA-04"))!.savedSinceExport).toMatchObject({ by: "vous-même" });

    // The same change as a CSV: no export date in the file, nothing flagged.
    const csv = text(await exported("77", "csv", "actions")).split("\r\n");
    const line = csv.findIndex((l) => l.split(";")[1] === "FA-04");
    const cells = csv[line].split(";");
    cells[csv[0].split(";").indexOf("Pilote")] = "Direction enfance famille";
    csv[line] = cells.join(";");
    const fromCsv = await runImportStep(viewer, "77", "apercu", new File([utf8(csv.join("\r\n"))], "fiches-action.csv"), NONE);
    expect(fromCsv).toMatchObject({ status: "preview" });
    expect(fromCsv.summary!.totals).toMatchObject({ updated: 1 });
    expect(fromCsv.summary!.warning).toBeNull();
    expect(fromCsv.summary!.changes[0].savedSinceExport).toBeUndefined();
  });

  it("applies when the rows saved since the preview are not in the file", async () => {
    const viewer = await editor();
    const csv = text(await exported("77", "csv", "funding")).split("\r\n");
    csv[1] = csv[1].replace(/;[^;]*$/, ";5 555,55");
    const file = () => new File([utf8(csv.join("\r\n"))], "financements.csv");
    const preview = await runImportStep(viewer, "77", "apercu", file(), NONE);
    expect(preview).toMatchObject({ status: "preview", summary: { totals: { created: 0, updated: 1 } } });
    const fiche = await runningAction("FA-03");
    expect((await updateAction(await editor(), fiche.id, actionForm(fiche, { partners: `${fiche.partners ?? ""}, CAF`.replace(/^, /, "") }))).ok).toBe(true);
    expect(await runImportStep(viewer, "77", "application", file(), shown(preview))).toMatchObject({ status: "applied", message: "Import appliqué : 0 création, 1 modification." });
  });
});

/** No preview yet. */
const NONE = { fileHash: "", planHash: "" };
/** The fingerprints a preview returned, as the page sends them back to apply. */
const shown = (preview: Awaited<ReturnType<typeof runImportStep>>) => ({ fileHash: preview.summary!.fileHash, planHash: preview.summary!.planHash });

/** A fiche action of 77's running contract. */
async function runningAction(reference: string) {
  const { id } = await contractOf("77");
  return db().action.findFirstOrThrow({ where: { contractId: id, reference } });
}

async function ExcelJS_read(buffer: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
