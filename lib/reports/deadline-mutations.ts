import "server-only";
// An administrator's changes to a contract's deadlines: the report due date of a year, custom deadlines.
// One transaction with its audit row each; anyone else is refused (and audited as denied).
import { contractYears, isoDayToDate } from "../core/dates";
import { writeAudit } from "../server/audit";
import type { Territory, Viewer } from "../server/authz";
import { oversightScope, workspaceScope } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { invalid, notFound, ok, type Result } from "../server/errors";
import { locateContract, runWrite, type WriteSteps } from "../server/write";
import { contractDeadlines, reportDeadlineLabel, type DeadlineRow } from "./deadlines";
import { defaultReportDueOn, isoDay } from "./due-dates";
import { DeadlineFieldsSchema, isoDay as IsoDaySchema } from "./schemas";

/** An administrator's write on a contract's deadlines; anyone else is refused (and audited as denied). */
function deadlineWrite<P, T>(viewer: Viewer, contractId: string, steps: Pick<WriteSteps<{ territory: Territory }, P, T, never>, "prepare" | "write" | "scope">): Promise<Result<T, never>> {
  return runWrite({
    viewer,
    permission: "admin.contracts",
    entity: "Deadline",
    entityId: contractId,
    what: "Ce contrat",
    locate: () => locateContract(contractId),
    ...steps,
  });
}

/** An administrator moves a contract-year's report due date. */
export function setReportDueDate(viewer: Viewer, contractId: string, year: number, dueOnInput: unknown): Promise<Result<{ dueOn: string }, never>> {
  return deadlineWrite(viewer, contractId, {
    prepare: async () => {
      const contract = await db().contract.findUniqueOrThrow({ where: { id: contractId }, select: { periodStart: true, periodEnd: true } });
      if (!contractYears(contract.periodStart, contract.periodEnd).includes(year)) return notFound("Ce rapport");
      const parsed = IsoDaySchema.safeParse(dueOnInput);
      return parsed.success ? { ok: true, value: parsed.data } : invalid({ dueOn: parsed.error.issues.map((i) => i.message) });
    },
    write: async (tx, { territory }, day) => {
      const dueOn = isoDayToDate(day);
      const existing = await tx.deadline.findFirst({ where: { contractId, year, kind: "REPORT_DUE" } });
      const before = existing ? isoDay(existing.dueOn) : isoDay(defaultReportDueOn(year));
      // A moved date deserves fresh reminders: the ones sent for the old date are forgotten.
      const saved = existing
        ? await tx.deadline.update({ where: { id: existing.id }, data: { dueOn, reminders: { deleteMany: {} } } })
        : await tx.deadline.create({ data: { contractId, year, kind: "REPORT_DUE", label: reportDeadlineLabel(year), dueOn } });
      await writeAudit(tx, { viewer, permission: "admin.contracts", territory, entity: "Deadline", entityId: saved.id, operation: "update", before: { dueOn: before }, after: { dueOn: day } });
      return ok({ dueOn: day });
    },
    scope: oversightScope,
  });
}

/** An administrator adds a custom deadline (an avenant step, a committee…) to a contract. */
export function addDeadline(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<DeadlineRow, never>> {
  return deadlineWrite(viewer, contractId, {
    prepare: async () => {
      const parsed = DeadlineFieldsSchema.safeParse(input);
      // One message per field: the first.
      return parsed.success ? { ok: true, value: parsed.data } : invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
    },
    write: async (tx, { territory }, fields) => {
      // No year: a year is what marks the deadlines derived from the report calendar and the avenants.
      const d = await tx.deadline.create({ data: { contractId, year: null, kind: fields.kind, label: fields.label, dueOn: isoDayToDate(fields.dueOn) } });
      await writeAudit(tx, { viewer, permission: "admin.contracts", territory, entity: "Deadline", entityId: d.id, operation: "create", after: fields });
      const rows = await contractDeadlines(tx, [contractId]);
      return ok(rows.find((r) => r.id === d.id)!);
    },
    scope: workspaceScope,
  });
}
