import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { exportSpreadsheet, importSpreadsheet } from "../../lib/spreadsheet/service";
import { signedInViewer } from "../factories/users";

const editor = (code = "77") => signedInViewer("DEPARTMENT_EDITOR", { departmentCode: code });

async function exported(code = "77", format: "xlsx" | "csv" = "xlsx", table?: "actions" | "funding" | "indicators") {
  const result = await exportSpreadsheet(await editor(code), code, format, table);
  if (!result.ok) throw new Error(result.message);
  return typeof result.body === "string" ? new TextEncoder().encode(result.body) : result.body;
}

async function editXlsx(buffer: Uint8Array, edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const contractOf = (code: string) => db().contract.findFirstOrThrow({ where: { departmentCode: code }, orderBy: { periodStart: "desc" } });

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

  it("re-imports each CSV export as all unchanged", async () => {
    const viewer = await editor();
    for (const table of ["actions", "funding", "indicators"] as const) {
      const result = await importSpreadsheet(viewer, "77", await exported("77", "csv", table), `${table}.csv`, { apply: false });
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.summary.totals).toMatchObject({ created: 0, updated: 0 });
      expect(result.summary.totals.unchanged).toBeGreaterThan(0);
    }
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
    const file = await exported("77");
    const result = await importSpreadsheet(viewer63, "77", file, "contrat.xlsx", { apply: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(["forbidden", "not_found"]).toContain(result.code);
    const denied = await db().auditLog.findMany({ where: { actorId: viewer63.user.id } });
    expect(denied.map((d) => [d.operation, d.entity, d.entityId, d.scopeDepartmentCode])).toEqual([["denied", "Department", "77", "77"]]);
  });

  it("denies a reader of the department (forbidden, audited)", async () => {
    const reader = await signedInViewer("DEPARTMENT_READER", { departmentCode: "77" });
    const result = await importSpreadsheet(reader, "77", await exported("77"), "contrat.xlsx", { apply: false });
    expect(!result.ok && result.code).toBe("forbidden");
    expect(await db().auditLog.count({ where: { actorId: reader.user.id, operation: "denied" } })).toBe(1);
  });

  it("refuses another department's file imported into one's own department", async () => {
    const viewer = await editor("77");
    const file63 = await exported("63");
    const auditsBefore = await db().auditLog.count();
    const result = await importSpreadsheet(viewer, "77", file63, "contrat-63.xlsx", { apply: true });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/autre département \(63\)/);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });
});

async function ExcelJS_read(buffer: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
