import "server-only";
// The import's write step, run by the write skeleton (`runBulkWrite`, lib/server/write.ts) in its one
// transaction, all or nothing: set-based statements per table (bulk-sql.ts), updates guarded by the
// version each row had when the plan was made (a row changed meanwhile rolls everything back), one
// audit row per created or changed record, and the file's entry in the register (ledger.ts).
import { auditJson } from "../server/audit";
import { actingRole, type Permission, type Territory, type Viewer } from "../server/authz";
import type { Prisma } from "../server/db";
import {
  insertActions,
  insertAuditRows,
  insertFundingLines,
  insertIndicatorValues,
  lastActionNumber,
  newIds,
  updateActions,
  updateFundingLines,
  updateIndicatorValues,
  type AuditRow,
} from "./bulk-sql";
import { alreadyImportedMessage, claimFile, recordFile } from "./ledger";
import type { Plan } from "./plan";
import { diff, type SignedIn } from "../server/write";

/** What stops an apply inside its transaction, nothing written: a row changed since the preview, or the file already applied. */
export type ApplyFailure = { ok: false; code: "conflict" | "already_imported"; message: string };

/** Data changed since the preview: the plan found at apply time, or a row at write time, is not the one previewed. */
export const CHANGED_SINCE_PREVIEW = "Des données ont été modifiées depuis l'aperçu : relancez l'aperçu puis appliquez à nouveau. Rien n'a été écrit.";

const conflict = (): ApplyFailure => ({ ok: false, code: "conflict", message: CHANGED_SINCE_PREVIEW });

/** Field values are text, numbers, big integers or null: compared as the audit trail stores them. */
const plain = (v: unknown) => (typeof v === "bigint" ? Number(v) : (v ?? null));

/** The keys whose value changed, before and after (for the audit row). */
const changed = (before: Record<string, unknown>, after: Record<string, unknown>) => diff(before, after, { same: (a, b) => plain(a) === plain(b) });

/** Indicator values are canonical decimal text in the plan, numbers in the audit trail (as the form writes them). */
const asNumbers = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null || v === undefined ? null : Number(v)]));

/** What was written; `references`: the reference each new action received, by its line in the file. */
export type ApplyCounts = { created: number; updated: number; references: Map<number, string> };

/** The applied file, recorded in the register in the same transaction (refused there if already applied). */
export type AppliedFileEntry = { fileHash: string; filename: string };

export type PlanWrite = { viewer: Viewer; user: SignedIn["user"]; territory: Territory; contractId: string; plan: Plan; file: AppliedFileEntry };

/** Writes a plan inside the skeleton's transaction: the counts, or a failure (the skeleton then rolls back what was written). */
export async function writePlan(tx: Prisma.TransactionClient, { viewer, user, territory, contractId, plan, file }: PlanWrite): Promise<{ ok: true; value: ApplyCounts } | ApplyFailure> {
  const audits: AuditRow[] = [];
  const roles = new Map<Permission, ReturnType<typeof actingRole>>();
  const audit = (permission: Permission, entity: string, entityId: string, operation: "create" | "update", before: unknown, after: unknown) => {
    if (!roles.has(permission)) roles.set(permission, actingRole(viewer, permission, territory));
    audits.push({ actorRole: roles.get(permission) ?? null, entity, entityId, operation, before: auditJson(before), after: auditJson(after) });
  };

  // Ids and audit rows are known before writing: nothing needs to be read back.
  const ids = newIds(plan.actions.creates.length + plan.funding.creates.length + plan.indicators.creates.length);
  const newActions = plan.actions.creates.map((r) => ({ id: ids.next(), reference: "", ...r.fields }));
  const actionUpdates = plan.actions.updates.map(({ row, existing }) => ({ id: existing.id, version: existing.version, ...row.fields }));
  const newLines = plan.funding.creates.map((r) => ({ id: ids.next(), ...r.fields }));
  const lineUpdates = plan.funding.updates.map(({ row, existing }) => ({ id: existing.id, version: existing.version, ...row.fields }));
  const newValues = plan.indicators.creates.map((r) => ({ id: ids.next(), indicatorId: r.indicatorId, year: r.year, ...r.fields }));
  const valueUpdates = plan.indicators.updates.map(({ row, existing }) => ({ id: existing.id, version: existing.version, indicatorId: row.indicatorId, year: row.year, ...row.fields }));

  for (const { row, existing } of plan.actions.updates) {
    // Only the keys of the fields are compared, so the existing row can be passed whole.
    const diff = changed(existing as unknown as Record<string, unknown>, row.fields);
    audit("action.edit", "Action", existing.id, "update", diff.before, diff.after);
  }
  for (const l of newLines) audit("funding.edit", "FundingLine", l.id, "create", undefined, { actionId: l.actionId, funder: l.funder, year: l.year, stage: l.stage, amountCents: l.amountCents });
  for (const { row, existing } of plan.funding.updates) {
    const diff = changed(existing as unknown as Record<string, unknown>, row.fields);
    audit("funding.edit", "FundingLine", existing.id, "update", diff.before, diff.after);
  }
  for (const v of newValues) audit("indicator.edit", "IndicatorValue", v.id, "create", undefined, asNumbers({ year: v.year, baseline: v.baseline, target: v.target, actual: v.actual }));
  for (const { row, existing } of plan.indicators.updates) {
    const diff = changed({ baseline: existing.baseline, target: existing.target, actual: existing.actual }, row.fields);
    audit("indicator.edit", "IndicatorValue", existing.id, "update", asNumbers(diff.before), asNumbers(diff.after));
  }

  // First: a second apply of the same file waits here for the first one, then is refused.
  const previous = await claimFile(tx, territory.departmentCode, file.fileHash);
  if (previous) return { ok: false, code: "already_imported", message: alreadyImportedMessage(previous) };
  if (newActions.length > 0) {
    // Numbered after the last reference at write time (FA-01, FA-02…); a reference taken meanwhile is a conflict.
    const last = await lastActionNumber(tx, contractId);
    newActions.forEach((a, i) => {
      a.reference = `FA-${String(last + i + 1).padStart(2, "0")}`;
      audit("action.edit", "Action", a.id, "create", undefined, { ...a, id: undefined });
    });
  }
  // Each statement touches every row it was given, or something changed since the plan.
  const statements: [write: () => Promise<number>, rows: number][] = [
    [() => insertActions(tx, contractId, newActions), newActions.length],
    [() => updateActions(tx, contractId, actionUpdates), actionUpdates.length],
    [() => insertFundingLines(tx, contractId, newLines), newLines.length],
    [() => updateFundingLines(tx, contractId, lineUpdates), lineUpdates.length],
    [() => insertIndicatorValues(tx, contractId, newValues), newValues.length],
    [() => updateIndicatorValues(tx, contractId, valueUpdates), valueUpdates.length],
    [() => insertAuditRows(tx, { id: user.id, email: user.email, departmentCode: territory.departmentCode, regionCode: territory.regionCode }, audits), audits.length],
  ];
  for (const [write, rows] of statements) if ((await write()) !== rows) return conflict();
  await recordFile(tx, {
    departmentCode: territory.departmentCode,
    contractId,
    fileHash: file.fileHash,
    filename: file.filename,
    actorId: user.id,
    actorEmail: user.email,
    created: { actions: newActions.map((a) => ({ id: a.id, reference: a.reference })), fundingLines: newLines.map((l) => l.id), indicatorValues: newValues.map((v) => v.id) },
    updatedCount: actionUpdates.length + lineUpdates.length + valueUpdates.length,
  });
  return {
    ok: true,
    value: {
      created: newActions.length + newLines.length + newValues.length,
      updated: actionUpdates.length + lineUpdates.length + valueUpdates.length,
      references: new Map(plan.actions.creates.map((row, i) => [row.line, newActions[i].reference])),
    },
  };
}
