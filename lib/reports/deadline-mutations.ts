import "server-only";
// An administrator's changes to a contract's deadlines: the report due date of a year, custom deadlines.
// One transaction with its audit row each; anyone else is refused (and audited as denied).
import { auditDenied, writeAudit } from "../server/audit";
import { can, type Viewer } from "../server/authz";
import { invalidateOnSuccess } from "../server/cache/cache";
import { oversightScope, workspaceScope } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { forbidden, invalid, notFound, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { contractYears } from "../funding/schemas";
import { contractDeadlines, reportDeadlineLabel, type DeadlineRow } from "./deadlines";
import { defaultReportDueOn, isoDay } from "./due-dates";
import { DeadlineFieldsSchema, isoDay as IsoDaySchema } from "./schemas";

async function adminTerritory(viewer: Viewer, contractId: string) {
  const territory = await contractTerritory(db(), contractId);
  if (!territory) return { ok: false as const, failure: notFound("Ce contrat") };
  if (!can(viewer, "admin.contracts", territory)) {
    await auditDenied(viewer, "admin.contracts", territory, "Deadline", contractId);
    return { ok: false as const, failure: can(viewer, "contract.read", territory) ? forbidden() : notFound("Ce contrat") };
  }
  return { ok: true as const, territory };
}

/** An administrator moves a contract-year's report due date. */
export async function setReportDueDate(viewer: Viewer, contractId: string, year: number, dueOnInput: unknown): Promise<Result<{ dueOn: string }>> {
  const checked = await adminTerritory(viewer, contractId);
  if (!checked.ok) return checked.failure;
  const contract = await db().contract.findUniqueOrThrow({ where: { id: contractId }, select: { periodStart: true, periodEnd: true } });
  if (!contractYears(contract.periodStart, contract.periodEnd).includes(year)) return notFound("Ce rapport");
  const parsed = IsoDaySchema.safeParse(dueOnInput);
  if (!parsed.success) return invalid({ dueOn: parsed.error.issues.map((i) => i.message) });
  const dueOn = new Date(`${parsed.data}T00:00:00Z`);
  return db().$transaction(async (tx) => {
    const existing = await tx.deadline.findFirst({ where: { contractId, year, kind: "REPORT_DUE" } });
    const before = existing ? isoDay(existing.dueOn) : isoDay(defaultReportDueOn(year));
    // A moved date deserves fresh reminders: the ones sent for the old date are forgotten.
    const saved = existing
      ? await tx.deadline.update({ where: { id: existing.id }, data: { dueOn, reminders: { deleteMany: {} } } })
      : await tx.deadline.create({ data: { contractId, year, kind: "REPORT_DUE", label: reportDeadlineLabel(year), dueOn } });
    await writeAudit(tx, { viewer, permission: "admin.contracts", territory: checked.territory, entity: "Deadline", entityId: saved.id, operation: "update", before: { dueOn: before }, after: { dueOn: parsed.data } });
    return ok({ dueOn: parsed.data });
  }).then(invalidateOnSuccess(oversightScope(checked.territory)));
}

/** An administrator adds a custom deadline (an avenant step, a committee…) to a contract. */
export async function addDeadline(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<DeadlineRow>> {
  const checked = await adminTerritory(viewer, contractId);
  if (!checked.ok) return checked.failure;
  const parsed = DeadlineFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
  return db().$transaction(async (tx) => {
    // No year: a year is what marks the deadlines derived from the report calendar and the avenants.
    const d = await tx.deadline.create({ data: { contractId, year: null, kind: parsed.data.kind, label: parsed.data.label, dueOn: new Date(`${parsed.data.dueOn}T00:00:00Z`) } });
    await writeAudit(tx, { viewer, permission: "admin.contracts", territory: checked.territory, entity: "Deadline", entityId: d.id, operation: "create", after: parsed.data });
    const rows = await contractDeadlines(tx, [contractId]);
    return ok(rows.find((r) => r.id === d.id)!);
  }).then(invalidateOnSuccess(workspaceScope(checked.territory)));
}
