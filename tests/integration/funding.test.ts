import { describe, expect, it } from "vitest";
import { plainSpaces } from "../../lib/core/format";
import { formatEuros } from "../../lib/core/format";
import { createFundingLine, deleteFundingLine, updateFundingLine } from "../../lib/funding/mutations";
import { fundingOfContract, getFundingLedger, getFundingLineForEdit } from "../../lib/funding/queries";
import { FUNDING_STAGES, type Funder, type FundingStage } from "../../lib/funding/schemas";
import { listEntityHistory } from "../../lib/history/queries";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";
import { itDeniesEachNonEditor } from "../support/denial-matrix";

const T77 = { departmentCode: "77", regionCode: "11" };

/** The contract whose ledger the 77 workspace shows: the running 2025-2027 one (2026 is under way). */
const contract77 = () =>
  db().contract.findFirstOrThrow({ where: { departmentCode: "77" }, orderBy: { periodStart: "desc" }, include: { actions: { orderBy: { reference: "asc" } } } });
const editor77 = () => signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });

/** A line of 77 the tests own, so that they never depend on each other's changes. */
async function newLine(fields: Record<string, string> = {}) {
  const contract = await contract77();
  const result = await createFundingLine(await editor77(), contract.id, { actionId: contract.actions[0].id, funder: "STATE_P304", year: "2026", stage: "PLANNED", amount: "10 000", ...fields });
  if (!result.ok) throw new Error(`could not create a line: ${result.message}`);
  return result.value;
}

function formOf(line: { actionId: string | null; funder: string; year: number; stage: string; amountCents: number; version: number }, changes: Record<string, string> = {}) {
  return {
    actionId: line.actionId ?? "",
    funder: line.funder,
    year: String(line.year),
    stage: line.stage,
    amount: String(line.amountCents / 100).replace(".", ","),
    version: String(line.version),
    ...changes,
  };
}

describe("createFundingLine, updateFundingLine, deleteFundingLine", () => {
  it("adds, edits and deletes a line for the 77 editor, each with its audit row", async () => {
    const editor = await editor77();
    const contract = await contract77();
    const action = contract.actions[1];

    const created = await createFundingLine(editor, contract.id, { actionId: action.id, funder: "ARS_FIR", year: "2026", stage: "NOTIFIED", amount: "1 234,56" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const stored = await db().fundingLine.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(stored.amountCents).toBe(123_456n);
    expect(stored).toMatchObject({ contractId: contract.id, actionId: action.id, funder: "ARS_FIR", year: 2026, stage: "NOTIFIED", version: 1 });
    const createAudit = await db().auditLog.findFirstOrThrow({ where: { entity: "FundingLine", entityId: stored.id, operation: "create" } });
    expect(createAudit).toMatchObject({ actorEmail: editor.user.email, actorRole: "DEPARTMENT_EDITOR", scopeDepartmentCode: "77", scopeRegionCode: "11" });
    expect(createAudit.after).toEqual({ actionId: action.id, funder: "ARS_FIR", year: 2026, stage: "NOTIFIED", amountCents: 123_456 });

    const updated = await updateFundingLine(editor, stored.id, formOf(created.value, { amount: "1234.5", stage: "COMMITTED", actionId: "" }));
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.value).toMatchObject({ amountCents: 123_450, stage: "COMMITTED", actionId: null, version: 2 });
    const updateAudit = await db().auditLog.findFirstOrThrow({ where: { entity: "FundingLine", entityId: stored.id, operation: "update" } });
    expect(updateAudit.before).toEqual({ actionId: action.id, stage: "NOTIFIED", amountCents: 123_456 });
    expect(updateAudit.after).toEqual({ actionId: null, stage: "COMMITTED", amountCents: 123_450 });

    const deleted = await deleteFundingLine(editor, stored.id, String(updated.value.version));
    expect(deleted.ok).toBe(true);
    expect(await db().fundingLine.findUnique({ where: { id: stored.id } })).toBeNull();
    const deleteAudit = await db().auditLog.findFirstOrThrow({ where: { entity: "FundingLine", entityId: stored.id, operation: "delete" } });
    expect(deleteAudit.before).toEqual({ actionId: null, funder: "ARS_FIR", year: 2026, stage: "COMMITTED", amountCents: 123_450 });

    const history = await listEntityHistory(editor, T77, "FundingLine", stored.id);
    expect(history.map((h) => h.operation)).toEqual(["delete", "update", "create"]);
  });

  it("refuses a stale version on update, returning the current values and overwriting nothing", async () => {
    const line = await newLine({ amount: "5 000" });
    const first = await editor77();
    const second = await editor77();
    const a = await updateFundingLine(first, line.id, formOf(line, { amount: "6 000" }));
    expect(a.ok).toBe(true);
    const auditsBefore = await db().auditLog.count({ where: { entityId: line.id } });
    const b = await updateFundingLine(second, line.id, formOf(line, { amount: "9 999", funder: "DEPARTMENT" }));
    if (b.ok || b.code !== "conflict") throw new Error("expected a conflict");
    expect(b.current).toMatchObject({ id: line.id, amountCents: 600_000, funder: "STATE_P304", version: line.version + 1 });
    const now = await db().fundingLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(now.amountCents).toBe(600_000n);
    expect(now.funder).toBe("STATE_P304");
    expect(await db().auditLog.count({ where: { entityId: line.id } })).toBe(auditsBefore);
  });

  it("refuses a stale version on delete, keeping the line", async () => {
    const line = await newLine();
    const editor = await editor77();
    const changed = await updateFundingLine(editor, line.id, formOf(line, { amount: "12 000" }));
    expect(changed.ok).toBe(true);
    const result = await deleteFundingLine(editor, line.id, String(line.version));
    if (result.ok || result.code !== "conflict") throw new Error("expected a conflict");
    expect(result.current).toMatchObject({ amountCents: 1_200_000, version: line.version + 1 });
    expect(await db().fundingLine.findUnique({ where: { id: line.id } })).not.toBeNull();
    expect(await db().auditLog.count({ where: { entityId: line.id, operation: "delete" } })).toBe(0);
  });

  it("returns French field errors on invalid input and writes nothing, not even an audit row", async () => {
    const editor = await editor77();
    const contract = await contract77();
    const linesBefore = await db().fundingLine.count({ where: { contractId: contract.id } });
    const auditsBefore = await db().auditLog.count();

    const created = await createFundingLine(editor, contract.id, { actionId: "", funder: "ARS", year: "2024", stage: "", amount: "-12,5" });
    if (created.ok || created.code !== "invalid") throw new Error("expected invalid");
    expect(created.fieldErrors.funder).toEqual(["Choisissez un financeur dans la liste."]);
    expect(created.fieldErrors.year?.[0]).toBe("L'année doit être comprise dans la période du contrat (2025 à 2027).");
    expect(created.fieldErrors.stage).toEqual(["Choisissez une étape dans la liste."]);
    expect(created.fieldErrors.amount).toEqual(["Le montant ne peut pas être négatif."]);

    for (const [amount, message] of [
      ["12,345", /Deux décimales au plus/],
      ["100 000 000,01", /invraisemblable/],
      ["douze euros", /Montant attendu en euros/],
    ] as const) {
      const r = await createFundingLine(editor, contract.id, { funder: "ARS_FIR", year: "2026", stage: "PLANNED", amount });
      expect(r.ok === false && r.code === "invalid" && r.fieldErrors.amount?.[0]).toMatch(message);
    }

    const other = await db().action.findFirstOrThrow({ where: { contract: { departmentCode: "63" } } });
    const foreign = await createFundingLine(editor, contract.id, { actionId: other.id, funder: "ARS_FIR", year: "2026", stage: "PLANNED", amount: "10" });
    expect(foreign.ok === false && foreign.code === "invalid" && foreign.fieldErrors.actionId).toEqual(["Cette fiche action n'appartient pas au contrat."]);

    expect(await db().fundingLine.count({ where: { contractId: contract.id } })).toBe(linesBefore);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("returns field errors on an invalid update and leaves the line as it was", async () => {
    const line = await newLine();
    const auditsBefore = await db().auditLog.count();
    const result = await updateFundingLine(await editor77(), line.id, formOf(line, { amount: "0", year: "2028" }));
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.amount).toEqual(["Saisissez un montant supérieur à 0 €."]);
    expect(result.fieldErrors.year?.[0]).toMatch(/2025 à 2027/);
    const now = await db().fundingLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(now.version).toBe(line.version);
    expect(now.amountCents).toBe(BigInt(line.amountCents));
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  itDeniesEachNonEditor(T77, " every write on 77's ledger, with denied audit rows and nothing changed", async ({ viewer, refusal }) => {
      const contract = await contract77();
      const line = await newLine();
      const count = await db().fundingLine.count({ where: { contractId: contract.id } });

      const created = await createFundingLine(viewer, contract.id, { funder: "ARS_FIR", year: "2026", stage: "PLANNED", amount: "1 000" });
      const updated = await updateFundingLine(viewer, line.id, formOf(line, { amount: "999 999" }));
      const deleted = await deleteFundingLine(viewer, line.id, String(line.version));
      for (const result of [created, updated, deleted]) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(["forbidden", "not_found"]).toContain(result.code);
      }
      // The department's own reader and the officials who oversee it see the ledger: for them it is forbidden, not hidden.
      if (refusal === "forbidden") expect(!updated.ok && updated.code).toBe("forbidden");

      const denied = await db().auditLog.findMany({ where: { actorId: viewer.user.id, operation: "denied" }, orderBy: { id: "asc" } });
      expect(denied.map((d) => [d.entity, d.entityId])).toEqual([
        ["Contract", contract.id],
        ["FundingLine", line.id],
        ["FundingLine", line.id],
      ]);
      expect(denied.every((d) => d.scopeDepartmentCode === "77")).toBe(true);
      expect(await db().fundingLine.count({ where: { contractId: contract.id } })).toBe(count);
      const now = await db().fundingLine.findUniqueOrThrow({ where: { id: line.id } });
      expect(now.version).toBe(line.version);
      expect(now.amountCents).toBe(BigInt(line.amountCents));
      expect(await db().auditLog.count({ where: { actorId: viewer.user.id, operation: { not: "denied" } } })).toBe(0);
  });
});

describe("getFundingLedger", () => {
  it("shows totals per year and per funder that equal the sums of the ledger rows", async () => {
    await newLine({ amount: "0,01", stage: "PAID", funder: "OTHER", actionId: "" });
    const ledger = await getFundingLedger(await editor77(), "77");
    const contract = await contract77();
    const rows = await db().fundingLine.findMany({ where: { contractId: contract.id } });
    const sum = (pick: (r: (typeof rows)[number]) => boolean) => Number(rows.filter(pick).reduce((s, r) => s + r.amountCents, 0n));

    expect(ledger!.lines).toHaveLength(rows.length);
    for (const y of ledger!.totals.byYear) {
      for (const stage of FUNDING_STAGES) expect(y[stage]).toBe(sum((r) => r.year === y.year && r.stage === stage));
    }
    for (const f of ledger!.totals.byFunder) {
      for (const stage of FUNDING_STAGES) expect(f[stage]).toBe(sum((r) => r.funder === f.funder && r.stage === stage));
    }
    for (const stage of FUNDING_STAGES) expect(ledger!.totals.totals[stage]).toBe(sum((r) => r.stage === stage));
    expect(ledger!.totals.byYear.map((y) => y.year)).toEqual([...new Set(rows.map((r) => r.year))].sort());
    // The same figures as the department's dashboard.
    const dashboard = await fundingOfContract(contract.id);
    expect(ledger!.totals.totals).toEqual(dashboard.totals);
  });

  it("filters the lines by year and funder, leaving the totals whole", async () => {
    const all = await getFundingLedger(await editor77(), "77");
    const some = await getFundingLedger(await editor77(), "77", { year: 2026, funder: "ARS_FIR" });
    expect(some!.lines.length).toBeGreaterThan(0);
    expect(some!.lines.every((l) => l.year === 2026 && l.funder === "ARS_FIR")).toBe(true);
    expect(some!.totals).toEqual(all!.totals);
  });

  it("is read-only for readers and officials, and hidden from other departments' editors", async () => {
    expect((await getFundingLedger(await editor77(), "77"))!.canEdit).toBe(true);
    for (const [role, scope] of [
      ["DEPARTMENT_READER", { departmentCode: "77" }],
      ["REGIONAL_OFFICIAL", { regionCode: "11" }],
      ["NATIONAL_OFFICIAL", {}],
    ] as const) {
      const ledger = await getFundingLedger(await signedInViewer(role, scope), "77");
      expect(ledger?.canEdit).toBe(false);
      expect(ledger!.lines.length).toBeGreaterThan(0);
    }
    const editor63 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    expect(await getFundingLedger(editor63, "77")).toBeNull();
    const line = await newLine();
    expect(await getFundingLineForEdit(editor63, line.id)).toBeNull();
    expect((await getFundingLineForEdit(await editor77(), line.id))?.canEdit).toBe(true);
    expect(await getFundingLedger(await editor77(), "ZZ")).toBeNull();
  });

  it("flags a line pushing planned above the avenant, and paid above committed", async () => {
    const editor = await editor77();
    const contract = await contract77();
    const amendment = await db().amendmentAmount.findFirstOrThrow({ where: { amendment: { contractId: contract.id, year: 2026 }, funder: "ARS_ONDAM_MS" } });
    const granted = Number(amendment.amountCents);
    const sumOf = async (where: { year: number; funder: Funder; stage: FundingStage; actionId?: string }) =>
      Number((await db().fundingLine.aggregate({ where: { contractId: contract.id, ...where }, _sum: { amountCents: true } }))._sum.amountCents ?? 0n);

    const before = await getFundingLedger(editor, "77");
    expect(before!.reconciliation.warnings.filter((w) => w.year === 2026 && w.funder === "ARS_ONDAM_MS")).toEqual([]);

    // Planned: 1 000 € more than the 2026 avenant grants the ONDAM médico-social.
    const planned = await sumOf({ year: 2026, funder: "ARS_ONDAM_MS", stage: "PLANNED" });
    const extra = granted - planned + 100_000;
    await newLine({ year: "2026", funder: "ARS_ONDAM_MS", stage: "PLANNED", actionId: "", amount: String(extra / 100).replace(".", ",") });

    // Paid: one euro more than committed for one action.
    const action = contract.actions.find((a) => a.status === "IN_PROGRESS") ?? contract.actions[0];
    const committed = await sumOf({ year: 2026, funder: "ARS_ONDAM_MS", stage: "COMMITTED", actionId: action.id });
    const paid = await sumOf({ year: 2026, funder: "ARS_ONDAM_MS", stage: "PAID", actionId: action.id });
    await newLine({ year: "2026", funder: "ARS_ONDAM_MS", stage: "PAID", actionId: action.id, amount: String((committed - paid + 100) / 100).replace(".", ",") });

    const after = await getFundingLedger(editor, "77");
    const warnings = after!.reconciliation.warnings;
    const aboveAmendment = warnings.find((w) => w.kind === "above_amendment" && w.year === 2026 && w.funder === "ARS_ONDAM_MS" && w.stage === "PLANNED");
    expect(aboveAmendment).toMatchObject({ amountCents: granted + 100_000, limitCents: granted });
    expect(plainSpaces(aboveAmendment!.message)).toBe(
      plainSpaces(`Les lignes prévues en 2026 pour ARS — ONDAM médico-social (${formatEuros(granted + 100_000)}) dépassent le montant de l'avenant (${formatEuros(granted)}).`),
    );
    const paidAbove = warnings.find((w) => w.kind === "paid_above_committed" && w.actionId === action.id && w.year === 2026 && w.funder === "ARS_ONDAM_MS");
    expect(paidAbove).toMatchObject({ amountCents: committed + 100, limitCents: committed });
    expect(paidAbove!.message).toContain(`${action.reference} — ${action.title}`);
    expect(paidAbove!.message).toContain("dépasse l'engagé");
    const row = after!.reconciliation.byYearFunder.find((r) => r.year === 2026 && r.funder === "ARS_ONDAM_MS");
    expect(row).toMatchObject({ grantedCents: granted, PLANNED: granted + 100_000 });
  });
});
