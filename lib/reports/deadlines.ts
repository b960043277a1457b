import "server-only";
import { auditDenied, writeAudit } from "../server/audit";
import { can, contractScopeWhere, type Viewer } from "../server/authz";
import { db } from "../server/db";
import { forbidden, invalid, notFound, ok, type Result } from "../server/errors";
import type { Prisma } from "../server/generated/prisma/client";
import { contractTerritory } from "../server/territory";
import { contractYears } from "../funding/schemas";
import { defaultReportDueOn, isOverdue, isoDay } from "./due-dates";
import { DeadlineFieldsSchema, isoDay as IsoDaySchema, type DeadlineKind } from "./schemas";

export type DeadlineRow = {
  id: string | null; // null: the default report deadline, not stored yet
  contractId: string;
  departmentCode: string;
  departmentName: string;
  year: number | null;
  kind: DeadlineKind;
  label: string;
  dueOn: string;
  done: boolean;
  overdue: boolean;
};

export const reportDeadlineLabel = (year: number) => `Rapport d'exécution ${year} à adopter`;

/**
 * Every deadline of these contracts: the stored ones, plus a default report deadline (30 June Y+1) for
 * each contract year without one. A report deadline is done once that year's report is adopted.
 */
export async function contractDeadlines(client: Prisma.TransactionClient, contractIds: string[], now = new Date()): Promise<DeadlineRow[]> {
  if (contractIds.length === 0) return [];
  const [contracts, stored, adopted] = await Promise.all([
    client.contract.findMany({ where: { id: { in: contractIds }, status: { not: "DRAFT" } }, include: { department: { select: { name: true } } } }),
    client.deadline.findMany({ where: { contractId: { in: contractIds } }, orderBy: { dueOn: "asc" } }),
    client.executionReport.findMany({ where: { contractId: { in: contractIds }, status: "ADOPTED" }, select: { contractId: true, year: true } }),
  ]);
  const isAdopted = new Set(adopted.map((r) => `${r.contractId}:${r.year}`));
  const rows: DeadlineRow[] = [];
  for (const c of contracts) {
    const mine = stored.filter((d) => d.contractId === c.id);
    const base = { contractId: c.id, departmentCode: c.departmentCode, departmentName: c.department.name };
    for (const d of mine) {
      const done = d.doneAt !== null || (d.kind === "REPORT_DUE" && d.year !== null && isAdopted.has(`${c.id}:${d.year}`));
      rows.push({ ...base, id: d.id, year: d.year, kind: d.kind, label: d.label, dueOn: isoDay(d.dueOn), done, overdue: isOverdue(d.dueOn, done, now) });
    }
    for (const year of contractYears(c.periodStart, c.periodEnd)) {
      if (mine.some((d) => d.kind === "REPORT_DUE" && d.year === year)) continue;
      const dueOn = defaultReportDueOn(year);
      const done = isAdopted.has(`${c.id}:${year}`);
      rows.push({ ...base, id: null, year, kind: "REPORT_DUE", label: reportDeadlineLabel(year), dueOn: isoDay(dueOn), done, overdue: isOverdue(dueOn, done, now) });
    }
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.departmentCode.localeCompare(b.departmentCode));
}

/** The deadlines a viewer's scope covers (for the calendar feed and the oversight lists). */
export async function listDeadlinesInScope(viewer: Viewer, now = new Date()): Promise<DeadlineRow[]> {
  if (viewer.kind !== "user") return [];
  const contracts = await db().contract.findMany({ where: { AND: [contractScopeWhere(viewer), { status: { not: "DRAFT" } }] }, select: { id: true, departmentCode: true, department: { select: { regionCode: true } } } });
  const readable = contracts.filter((c) => can(viewer, "contract.read", { departmentCode: c.departmentCode, regionCode: c.department.regionCode }));
  return contractDeadlines(db(), readable.map((c) => c.id), now);
}

/** Stores the default report deadlines not stored yet, so reminders can be recorded against them (system job). */
export async function materializeReportDeadlines(now = new Date()): Promise<number> {
  const contracts = await db().contract.findMany({ where: { status: { not: "DRAFT" } }, select: { id: true } });
  const rows = (await contractDeadlines(db(), contracts.map((c) => c.id), now)).filter((d) => d.id === null && !d.done);
  if (rows.length === 0) return 0;
  const created = await db().deadline.createMany({
    data: rows.map((d) => ({ contractId: d.contractId, year: d.year, kind: "REPORT_DUE" as const, label: d.label, dueOn: new Date(`${d.dueOn}T00:00:00Z`) })),
  });
  return created.count;
}

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
  });
}

/** An administrator adds an avenant or custom deadline to a contract. */
export async function addDeadline(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<DeadlineRow>> {
  const checked = await adminTerritory(viewer, contractId);
  if (!checked.ok) return checked.failure;
  const parsed = DeadlineFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
  return db().$transaction(async (tx) => {
    const d = await tx.deadline.create({ data: { contractId, kind: parsed.data.kind, label: parsed.data.label, dueOn: new Date(`${parsed.data.dueOn}T00:00:00Z`) } });
    await writeAudit(tx, { viewer, permission: "admin.contracts", territory: checked.territory, entity: "Deadline", entityId: d.id, operation: "create", after: parsed.data });
    const rows = await contractDeadlines(tx, [contractId]);
    return ok(rows.find((r) => r.id === d.id)!);
  });
}
