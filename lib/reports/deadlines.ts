import "server-only";
// A contract's deadlines, derived and stored:
// - the report of each contract year, due 30 June of the next year unless an administrator moved it
//   (then stored as REPORT_DUE with its year); done once that year's report is adopted;
// - each avenant with a date (Amendment.signedOn: its signature, planned or done), derived from the
//   avenant itself; done once the date has come. The reminders job stores it as AMENDMENT with the
//   avenant's year (an avenant per contract and year) so that reminders can be recorded against it;
// - the custom ones an administrator adds (AMENDMENT or CUSTOM, with no year).
import { can, contractScopeWhere, type Viewer } from "../server/authz";
import { db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { daysUntil, defaultReportDueOn, isOverdue, isoDay } from "./due-dates";
import type { DeadlineKind } from "./schemas";
import { contractYears } from "../core/dates";

export type DeadlineRow = {
  /** Stable across storage (the ICS UID): report-<contract>-<year>, avenant-<contract>-<year>, echeance-<id>. */
  key: string;
  id: string | null; // null: derived and not stored yet
  contractId: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  year: number | null;
  kind: DeadlineKind;
  label: string;
  dueOn: string;
  done: boolean;
  overdue: boolean;
};

export const reportDeadlineLabel = (year: number) => `Rapport d'exécution ${year} à adopter`;
export const amendmentDeadlineLabel = (number: number, year: number) => `Signature de l'avenant n° ${number} (${year})`;

/** A stored row that stands for a derived deadline (report due date, avenant date) rather than a custom one. */
const isDerivedKey = (d: { kind: DeadlineKind; year: number | null }) => d.year !== null && (d.kind === "REPORT_DUE" || d.kind === "AMENDMENT");
const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** Every deadline of these contracts (signed or ended), sorted by date then department. */
export async function contractDeadlines(client: Prisma.TransactionClient, contractIds: string[], now = new Date()): Promise<DeadlineRow[]> {
  if (contractIds.length === 0) return [];
  const [contracts, stored, adopted, amendments] = await Promise.all([
    client.contract.findMany({ where: { id: { in: contractIds }, status: { not: "DRAFT" } }, include: { department: { select: { name: true, regionCode: true } } } }),
    client.deadline.findMany({ where: { contractId: { in: contractIds } }, orderBy: { dueOn: "asc" } }),
    client.executionReport.findMany({ where: { contractId: { in: contractIds }, status: "ADOPTED" }, select: { contractId: true, year: true } }),
    client.amendment.findMany({ where: { contractId: { in: contractIds }, signedOn: { not: null } }, select: { contractId: true, year: true, number: true, signedOn: true } }),
  ]);
  const isAdopted = new Set(adopted.map((r) => `${r.contractId}:${r.year}`));
  const rows: DeadlineRow[] = [];
  for (const c of contracts) {
    const mine = stored.filter((d) => d.contractId === c.id);
    const storedFor = (kind: DeadlineKind, year: number) => mine.find((d) => d.kind === kind && d.year === year);
    const base = { contractId: c.id, departmentCode: c.departmentCode, departmentName: c.department.name, regionCode: c.department.regionCode };
    for (const year of contractYears(c.periodStart, c.periodEnd)) {
      const saved = storedFor("REPORT_DUE", year);
      const dueOn = saved?.dueOn ?? defaultReportDueOn(year);
      const done = isAdopted.has(`${c.id}:${year}`) || Boolean(saved?.doneAt);
      rows.push({ ...base, key: `rapport-${c.id}-${year}`, id: saved?.id ?? null, year, kind: "REPORT_DUE", label: reportDeadlineLabel(year), dueOn: isoDay(dueOn), done, overdue: isOverdue(dueOn, done, now) });
    }
    for (const a of amendments.filter((x) => x.contractId === c.id)) {
      const dueOn = a.signedOn!;
      const saved = storedFor("AMENDMENT", a.year);
      // The date is the signature: once it has come, the avenant counts as signed (never overdue).
      const done = daysUntil(dueOn, now) <= 0;
      rows.push({ ...base, key: `avenant-${c.id}-${a.year}`, id: saved?.id ?? null, year: a.year, kind: "AMENDMENT", label: amendmentDeadlineLabel(a.number, a.year), dueOn: isoDay(dueOn), done, overdue: false });
    }
    for (const d of mine.filter((x) => !isDerivedKey(x))) {
      const done = d.doneAt !== null;
      rows.push({ ...base, key: `echeance-${d.id}`, id: d.id, year: d.year, kind: d.kind, label: d.label, dueOn: isoDay(d.dueOn), done, overdue: isOverdue(d.dueOn, done, now) });
    }
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.departmentCode.localeCompare(b.departmentCode) || a.label.localeCompare(b.label, "fr"));
}

/**
 * The deadlines a viewer may read (the calendar feed, the oversight views), optionally within one
 * region: every contract the viewer reads, except drafts.
 */
export async function listDeadlinesInScope(viewer: Viewer, now = new Date(), filter: { regionCode?: string | null } = {}): Promise<DeadlineRow[]> {
  if (viewer.kind !== "user") return [];
  const where: Prisma.ContractWhereInput = { AND: [contractScopeWhere(viewer), { status: { not: "DRAFT" } }, filter.regionCode ? { department: { regionCode: filter.regionCode } } : {}] };
  const contracts = await db().contract.findMany({ where, select: { id: true, departmentCode: true, department: { select: { regionCode: true } } } });
  const readable = contracts.filter((c) => can(viewer, "contract.read", { departmentCode: c.departmentCode, regionCode: c.department.regionCode }));
  return contractDeadlines(db(), readable.map((c) => c.id), now);
}

/**
 * Stores the derived deadlines still to come (system job, before sending reminders), so that each
 * reminder can be recorded against a row: report due dates not stored yet, and avenant dates, kept in
 * step with their avenant (a moved date forgets the reminders sent for the old one; a removed date
 * removes its row).
 */
export async function materializeDeadlines(now = new Date()): Promise<void> {
  const contracts = await db().contract.findMany({ where: { status: { not: "DRAFT" } }, select: { id: true } });
  const rows = await contractDeadlines(db(), contracts.map((c) => c.id), now);
  const reportRows = rows.filter((d) => d.kind === "REPORT_DUE" && d.id === null && !d.done);
  if (reportRows.length) {
    await db().deadline.createMany({ data: reportRows.map((d) => ({ contractId: d.contractId, year: d.year, kind: "REPORT_DUE" as const, label: d.label, dueOn: day(d.dueOn) })) });
  }
  const amendmentRows = new Map(rows.filter((d) => d.kind === "AMENDMENT" && d.year !== null).map((d) => [`${d.contractId}:${d.year}`, d]));
  const storedAmendments = await db().deadline.findMany({ where: { kind: "AMENDMENT", year: { not: null } } });
  await db().$transaction(async (tx) => {
    for (const s of storedAmendments) {
      const derived = amendmentRows.get(`${s.contractId}:${s.year}`);
      if (!derived) await tx.deadline.delete({ where: { id: s.id } });
      else if (isoDay(s.dueOn) !== derived.dueOn || s.label !== derived.label) {
        await tx.deadline.update({ where: { id: s.id }, data: { dueOn: day(derived.dueOn), label: derived.label, reminders: { deleteMany: {} } } });
      }
    }
    const missing = [...amendmentRows.values()].filter((d) => d.id === null && !d.done);
    if (missing.length) await tx.deadline.createMany({ data: missing.map((d) => ({ contractId: d.contractId, year: d.year, kind: "AMENDMENT" as const, label: d.label, dueOn: day(d.dueOn) })) });
  });
}
