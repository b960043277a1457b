import "server-only";
import { can, contractScopeWhere, type Territory, type Viewer } from "../server/authz";
import { SCOPE_NATIONAL_TAG, scopeCached } from "../server/cache/cache";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";
import { readerKey, readerOf } from "../server/reader";
import { contractDeadlines, listDeadlinesInScope, type DeadlineRow } from "./deadlines";
import { liveSnapshot } from "./data";
import { daysUntil, isoDay } from "./due-dates";
import { diffSnapshots } from "./snapshot";
import { currentRound, partiesToAct } from "./workflow";
import type { ApprovalDecision, ApprovingParty, Narrative, OverdueReportRow, ReportParty, ReportSnapshot, ReportStatus, SnapshotDiff } from "./schemas";
import { contractYears } from "../core/dates";

export type ReportListRow = {
  contractId: string;
  frameworkCode: string;
  year: number;
  status: ReportStatus;
  toAct: ReportParty[];
  dueOn: string;
  overdue: boolean;
};

/** Reports belong to signed or ended contracts in the viewer's scope, newest first. */
async function reportContracts(viewer: Viewer, code: string) {
  return db().contract.findMany({
    where: { AND: [contractScopeWhere(viewer), { departmentCode: code, status: { not: "DRAFT" } }] },
    include: { framework: { select: { code: true } } },
    orderBy: { periodStart: "desc" },
  });
}

async function readable(viewer: Viewer, code: string): Promise<Territory | null> {
  const territory = await departmentTerritory(db(), code);
  return territory && can(viewer, "contract.read", territory) ? territory : null;
}

/** Every contract-year of a department with its report's status, who must act, and its deadline. */
export async function listDepartmentReports(viewer: Viewer, code: string, now = new Date()): Promise<{ department: { code: string; name: string }; rows: ReportListRow[]; deadlines: DeadlineRow[] } | null> {
  if (!(await readable(viewer, code))) return null;
  const [department, contracts] = await Promise.all([db().department.findUniqueOrThrow({ where: { code }, select: { code: true, name: true } }), reportContracts(viewer, code)]);
  const ids = contracts.map((c) => c.id);
  const [reports, deadlines] = await Promise.all([
    db().executionReport.findMany({ where: { contractId: { in: ids } }, include: { approvals: true } }),
    contractDeadlines(db(), ids, now),
  ]);
  const rows = contracts.flatMap((c) =>
    contractYears(c.periodStart, c.periodEnd)
      .reverse()
      .map((year): ReportListRow => {
        const report = reports.find((r) => r.contractId === c.id && r.year === year);
        const status = report?.status ?? "DRAFT";
        const deadline = deadlines.find((d) => d.contractId === c.id && d.kind === "REPORT_DUE" && d.year === year)!;
        return {
          contractId: c.id,
          frameworkCode: c.framework.code,
          year,
          status,
          toAct: partiesToAct(status, currentRound(report?.approvals ?? [], report?.submittedAt ?? null)),
          dueOn: deadline.dueOn,
          overdue: deadline.overdue,
        };
      }),
  );
  return { department, rows, deadlines };
}

/** The overdue report deadlines of a department, for the workspace overview. */
export async function countOverdueReports(viewer: Viewer, code: string, now = new Date()): Promise<number> {
  const list = await listDepartmentReports(viewer, code, now);
  return list?.rows.filter((r) => r.overdue).length ?? 0;
}

/**
 * The overdue reports a viewer oversees (national and regional views), optionally within one region.
 * Cached per (reader, region, day) under the national tag: any department's write, a report's step
 * and a moved due date refresh it (lib/server/cache/cache.ts).
 */
export async function listOverdueReports(viewer: Viewer, filter: { regionCode?: string | null } = {}, now = new Date()): Promise<OverdueReportRow[]> {
  if (viewer.kind !== "user") return [];
  const reader = readerOf(viewer);
  const region = filter.regionCode ?? null;
  return scopeCached(["overdue-reports", region ?? "", readerKey(reader), isoDay(now)], [SCOPE_NATIONAL_TAG], () => overdueReports(reader, { regionCode: region }, now));
}

async function overdueReports(viewer: Viewer, filter: { regionCode: string | null }, now: Date): Promise<OverdueReportRow[]> {
  const overdue = (await listDeadlinesInScope(viewer, now, filter)).filter((d) => d.kind === "REPORT_DUE" && d.overdue && d.year !== null);
  if (overdue.length === 0) return [];
  // By contract, then by year here: an OR of hundreds of (contract, year) pairs costs Prisma far more to
  // build than the few extra rows cost to read.
  const reports = await db().executionReport.findMany({
    where: { contractId: { in: [...new Set(overdue.map((d) => d.contractId))] } },
    include: { approvals: { select: { party: true, decision: true, createdAt: true } } },
  });
  const byContractYear = new Map(reports.map((r) => [`${r.contractId}:${r.year}`, r]));
  return overdue.map((d) => {
    const report = byContractYear.get(`${d.contractId}:${d.year}`);
    const status = report?.status ?? "DRAFT";
    return {
      contractId: d.contractId,
      departmentCode: d.departmentCode,
      departmentName: d.departmentName,
      year: d.year!,
      dueOn: d.dueOn,
      daysLate: -daysUntil(new Date(`${d.dueOn}T00:00:00Z`), now),
      status,
      toAct: partiesToAct(status, currentRound(report?.approvals ?? [], report?.submittedAt ?? null)),
    };
  });
}

export type ApprovalEntry = { party: ApprovingParty; decision: ApprovalDecision; comment: string | null; userName: string; at: string };

export type ReportView = {
  department: { code: string; name: string };
  contractId: string;
  year: number;
  reportId: string | null;
  version: number;
  status: ReportStatus;
  narrative: Narrative;
  /** Frozen figures once submitted (kept at adoption), live figures while the department writes. */
  figures: ReportSnapshot;
  frozen: boolean;
  diff: SnapshotDiff | null;
  toAct: ReportParty[];
  approvals: ApprovalEntry[];
  submittedAt: string | null;
  adoptedAt: string | null;
  deadline: DeadlineRow;
  deadlines: DeadlineRow[];
  allowed: { edit: boolean; submit: boolean; approveState: boolean; approveArs: boolean; admin: boolean };
};

/** One contract-year's report as its page shows it; null when unknown or out of the viewer's scope. */
export async function getReportView(viewer: Viewer, code: string, year: number, now = new Date()): Promise<ReportView | null> {
  const territory = await readable(viewer, code);
  if (!territory) return null;
  const contract = (await reportContracts(viewer, code)).find((c) => contractYears(c.periodStart, c.periodEnd).includes(year));
  if (!contract) return null;
  return reportView(viewer, territory, contract.id, year, now);
}

/** Same, addressed by contract (the PDF and CSV routes). */
export async function getReportViewByContract(viewer: Viewer, contractId: string, year: number): Promise<ReportView | null> {
  const contract = await db().contract.findFirst({ where: { AND: [contractScopeWhere(viewer), { id: contractId, status: { not: "DRAFT" } }] }, include: { department: true } });
  if (!contract || !contractYears(contract.periodStart, contract.periodEnd).includes(year)) return null;
  const territory = { departmentCode: contract.departmentCode, regionCode: contract.department.regionCode };
  if (!can(viewer, "contract.read", territory)) return null;
  return reportView(viewer, territory, contractId, year, new Date());
}

async function reportView(viewer: Viewer, territory: Territory, contractId: string, year: number, now: Date): Promise<ReportView> {
  const [department, report, previous, deadlines] = await Promise.all([
    db().department.findUniqueOrThrow({ where: { code: territory.departmentCode }, select: { code: true, name: true } }),
    db().executionReport.findUnique({
      where: { contractId_year: { contractId, year } },
      include: { approvals: { include: { user: { select: { displayName: true } } }, orderBy: { createdAt: "asc" } } },
    }),
    db().executionReport.findFirst({ where: { contractId, year: { lt: year }, status: "ADOPTED" }, orderBy: { year: "desc" } }),
    contractDeadlines(db(), [contractId], now),
  ]);
  const stored = report?.snapshot ? (report.snapshot as unknown as ReportSnapshot) : null;
  const figures = stored ?? (await liveSnapshot(db(), contractId, year, now));
  const status = report?.status ?? "DRAFT";
  const previousSnapshot = previous?.snapshot ? (previous.snapshot as unknown as ReportSnapshot) : null;
  return {
    department,
    contractId,
    year,
    reportId: report?.id ?? null,
    version: report?.version ?? 0,
    status,
    narrative: { highlights: report?.highlights ?? null, difficulties: report?.difficulties ?? null, outlook: report?.outlook ?? null },
    figures,
    frozen: stored !== null,
    diff: previousSnapshot ? diffSnapshots(previousSnapshot, figures) : null,
    toAct: partiesToAct(status, currentRound(report?.approvals ?? [], report?.submittedAt ?? null)),
    approvals: (report?.approvals ?? []).map((a) => ({ party: a.party as ApprovingParty, decision: a.decision, comment: a.comment, userName: a.user.displayName, at: a.createdAt.toISOString() })),
    submittedAt: report?.submittedAt?.toISOString() ?? null,
    adoptedAt: report?.adoptedAt?.toISOString() ?? null,
    deadline: deadlines.find((d) => d.kind === "REPORT_DUE" && d.year === year)!,
    deadlines,
    allowed: {
      edit: can(viewer, "report.edit", territory),
      submit: can(viewer, "report.submit", territory),
      approveState: can(viewer, "report.approve.state", territory),
      approveArs: can(viewer, "report.validate", territory),
      admin: can(viewer, "admin.contracts", territory),
    },
  };
}
