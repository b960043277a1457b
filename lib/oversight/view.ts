import "server-only";
// The oversight figures of a scope (national, or one region) as a reader may see them, built from
// per-department parts: each department's rows, sums, funders, commitments and alerts (computeParts,
// cached per department by queries.ts under that department's tag), and a frame (the departments
// listed, filter options, title). A view is assembled from them in JS (assembleView): sums, medians,
// sorting, the spending-gap alerts (which compare a department with the national median). No permission
// check here: lib/oversight/queries.ts checks first, then calls these with the viewer's reader
// (reader.ts), from which every `where` is built (lib/server/authz.ts).
import { FUNDERS, emptyStageTotals, type Funder, type StageTotals } from "../funding/schemas";
import { contractScopeWhere, departmentScopeWhere } from "../server/authz";
import { db, type Prisma } from "../server/db";
import { ALERT_KINDS, computeAlerts, sortAlerts, spendingGapAlert, type Alert, type AlertKind } from "./alerts";
import { peerMedians, type PeerMedians } from "./peers";
import type { Reader } from "../server/reader";
import { ratio, spendingRate, type CommitmentRow, type FunderRow, type OversightContractRow, type OversightDepartmentRow, type OversightFilters, type OversightScope, type OversightView } from "./schemas";
import * as sql from "./sql";
import { isoDay } from "../core/dates";
import { departmentOrder } from "./sort";

/** Sums per funding stage, JSON-safe (a part is stored as JSON): euros in cents. */
export type PartMoney = { planned: number; notified: number; committed: number; paid: number; demoPlanned: number; demoNotified: number; demoCommitted: number; demoPaid: number };

const partMoney = (m: sql.Money & sql.DemoMoney): PartMoney => ({
  planned: Number(m.planned),
  notified: Number(m.notified),
  committed: Number(m.committed),
  paid: Number(m.paid),
  demoPlanned: Number(m.demoPlanned),
  demoNotified: Number(m.demoNotified),
  demoCommitted: Number(m.demoCommitted),
  demoPaid: Number(m.demoPaid),
});

const NO_MONEY: PartMoney = { planned: 0, notified: 0, committed: 0, paid: 0, demoPlanned: 0, demoNotified: 0, demoCommitted: 0, demoPaid: 0 };

const addMoney = (a: PartMoney, b: PartMoney): PartMoney => ({
  planned: a.planned + b.planned,
  notified: a.notified + b.notified,
  committed: a.committed + b.committed,
  paid: a.paid + b.paid,
  demoPlanned: a.demoPlanned + b.demoPlanned,
  demoNotified: a.demoNotified + b.demoNotified,
  demoCommitted: a.demoCommitted + b.demoCommitted,
  demoPaid: a.demoPaid + b.demoPaid,
});

const money = (m: { planned: number | bigint; notified: number | bigint; committed: number | bigint; paid: number | bigint }): StageTotals => ({
  PLANNED: Number(m.planned),
  NOTIFIED: Number(m.notified),
  COMMITTED: Number(m.committed),
  PAID: Number(m.paid),
});

const demoMoney = (m: PartMoney): StageTotals => ({ PLANNED: m.demoPlanned, NOTIFIED: m.demoNotified, COMMITTED: m.demoCommitted, PAID: m.demoPaid });

function filtersWhere(f: OversightFilters): Prisma.ContractWhereInput {
  return {
    AND: [
      f.framework ? { framework: { code: f.framework } } : {},
      f.wave ? { wave: f.wave } : {},
      f.year ? { periodStart: { lte: new Date(`${f.year}-12-31T00:00:00Z`) }, periodEnd: { gte: new Date(`${f.year}-01-01T00:00:00Z`) } } : {},
      f.region ? { department: { regionCode: f.region } } : {},
    ],
  };
}

/** Contracts whose non-public data the reader may read, in the view's scope: the where comes from authz. */
function viewWhere(reader: Reader, scope: OversightScope, filters: OversightFilters): Prisma.ContractWhereInput {
  return {
    AND: [
      contractScopeWhere(reader),
      { department: departmentScopeWhere(reader) },
      scope.kind === "region" ? { department: { regionCode: scope.regionCode } } : {},
      filtersWhere(filters),
    ],
  };
}

/** The national peers: every contract the reader may read (published ones elsewhere), same filters, any region. */
async function peerIds(reader: Reader, filters: OversightFilters): Promise<string[]> {
  const rows = await db().contract.findMany({ where: { AND: [contractScopeWhere(reader), filtersWhere({ ...filters, region: null })] }, select: { id: true } });
  return rows.map((r) => r.id);
}

type FigureMeasures = {
  contracts: number;
  planned: number | bigint;
  notified: number | bigint;
  committed: number | bigint;
  paid: number | bigint;
  actions: number;
  late: number;
  active: number;
  progressSum: number;
  indicatorsEvaluated: number;
  indicatorsMet: number;
};

export function departmentFigures(m: FigureMeasures | null | undefined) {
  const funding = m ? money(m) : emptyStageTotals();
  return {
    contractCount: m?.contracts ?? 0,
    funding,
    spendingRate: spendingRate(funding),
    actionCount: m?.actions ?? 0,
    lateCount: m?.late ?? 0,
    lateShare: m ? ratio(m.late, m.active) : null,
    averageProgress: m && m.active > 0 ? m.progressSum / m.active : null,
    indicatorsEvaluated: m?.indicatorsEvaluated ?? 0,
    indicatorsMet: m?.indicatorsMet ?? 0,
    targetShare: m ? ratio(m.indicatorsMet, m.indicatorsEvaluated) : null,
  };
}

/** National medians over the reader's peer set, computed afresh (regional views, a department's workspace). */
export async function mediansFor(reader: Reader, filters: OversightFilters, today: string): Promise<PeerMedians> {
  const ids = await peerIds(reader, filters);
  return peerMedians((await sql.measures(ids, filters.year, today)).departments.map(departmentFigures));
}

/** The candidate rows of every alert rule, read in parallel with the figures. */
export async function alertCandidates(ids: string[], year: number | null, today: Date) {
  const [actions, unpaid, indicators] = await Promise.all([sql.actionAlertRows(ids, today), sql.unpaidRows(ids, year, today), sql.indicatorAlertRows(ids, year)]);
  return { actions, unpaid, indicators };
}

/** One department's own figures and alert candidates (every contract of it the reader may read). */
export async function departmentAlertInputs(reader: Reader, code: string, today: Date) {
  const department = await db().department.findUnique({ where: { code }, select: { name: true } });
  const contracts = await db().contract.findMany({ where: { AND: [contractScopeWhere(reader), { departmentCode: code }] }, select: { id: true } });
  const ids = contracts.map((c) => c.id);
  const [{ departments: measures }, candidates] = await Promise.all([sql.measures(ids, null, isoDay(today)), alertCandidates(ids, null, today)]);
  return { departmentName: department?.name ?? code, hasContracts: measures.length > 0, spendingRate: departmentFigures(measures[0]).spendingRate, candidates };
}

// ───────────────────────── Frame and parts ─────────────────────────

export type FrameDepartment = { code: string; name: string; regionCode: string; regionName: string };

/**
 * What a view lists besides the departments' own figures: its title, its departments (in the reader's
 * scope, the region filter applied), and the filters' options over the whole scope.
 */
export type OversightFrame = { title: string; departments: FrameDepartment[]; frameworks: { code: string; startYear: number }[]; waves: number[]; years: number[]; regions: { code: string; name: string }[] };

/** The frame of a view; null for an unknown region. */
export async function computeFrame(reader: Reader, scope: OversightScope, filters: OversightFilters): Promise<OversightFrame | null> {
  const region = scope.kind === "region" ? await db().region.findUnique({ where: { code: scope.regionCode } }) : null;
  if (scope.kind === "region" && !region) return null;
  const [departments, frameworks, allInScope, regions] = await Promise.all([
    db().department.findMany({
      where: { AND: [departmentScopeWhere(reader), scope.kind === "region" ? { regionCode: scope.regionCode } : {}, filters.region ? { regionCode: filters.region } : {}] },
      include: { region: true },
      orderBy: { code: "asc" },
    }),
    db().framework.findMany({ select: { code: true, startYear: true }, orderBy: { startYear: "asc" } }),
    db().contract.findMany({ where: viewWhere(reader, scope, { framework: null, wave: null, year: null, region: null }), select: { wave: true, periodStart: true, periodEnd: true } }),
    scope.kind === "national" ? db().region.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }) : Promise.resolve([]),
  ]);
  const years = allInScope.flatMap((c) => [c.periodStart.getUTCFullYear(), c.periodEnd.getUTCFullYear()]);
  return {
    title: region ? `Vue régionale — ${region.name}` : "Vue nationale",
    departments: departments.map((d) => ({ code: d.code, name: d.name, regionCode: d.regionCode, regionName: d.region.name })),
    frameworks,
    waves: [...new Set(allInScope.map((c) => c.wave))].sort((a, b) => a - b),
    years: years.length ? Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, i) => Math.min(...years) + i) : [],
    regions,
  };
}

export type PartMeasures = PartMoney & { contracts: number; actions: number; done: number; active: number; late: number; progressSum: number; indicatorsEvaluated: number; indicatorsMet: number };
export type PartContract = Omit<OversightContractRow, "alertCount"> & { ownAlerts: number };
export type PartCommitment = Omit<sql.CommitmentMeasures, "contractId">;

/**
 * One department's part of every view over several departments, for one reader and one set of filters
 * (the region filter aside): its contract rows, its sums, its funders and commitments, the count of
 * its own alerts per rule (every rule but the spending gap, which needs the national median).
 */
export type DepartmentPart = {
  code: string;
  measures: PartMeasures | null;
  contracts: PartContract[];
  funders: ({ funder: Funder } & PartMoney)[];
  commitments: PartCommitment[];
  alertCounts: Record<AlertKind, number>;
};

export type ComputedPart = { part: DepartmentPart; alerts: Alert[] };

const noAlerts = () => Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;

const groupBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

/**
 * The parts of several departments at once (one set of queries for all of them), each with its own
 * alerts. Every contract is one the reader may read (the view's where, for the nation).
 */
export async function computeParts(reader: Reader, requested: OversightFilters, today: Date, codes: readonly string[]): Promise<Map<string, ComputedPart>> {
  const filters = { ...requested, region: null };
  const day = isoDay(today);
  const contracts = await db().contract.findMany({
    where: { AND: [viewWhere(reader, { kind: "national" }, filters), { departmentCode: { in: [...codes] } }] },
    include: { department: { include: { region: true } }, framework: { select: { code: true } } },
    orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }],
  });
  const ids = contracts.map((c) => c.id);
  const [{ contracts: perContract, departments: perDepartment }, funders, commitments, candidates] = await Promise.all([
    sql.measures(ids, filters.year, day),
    sql.funderMeasures(ids, filters.year),
    sql.commitmentMeasures(ids, day),
    alertCandidates(ids, filters.year, today),
  ]);
  // Every rule but the spending gap (assembleView adds it, against the median of the whole view).
  const alerts = computeAlerts({ ...candidates, departments: [], medianSpendingRate: null }, today);
  const measuresByContract = new Map(perContract.map((m) => [m.contractId, m]));
  const measuresByDepartment = new Map(perDepartment.map((m) => [m.departmentCode, m]));
  const commitmentsByContract = groupBy(commitments, (x) => x.contractId);
  const contractsByDepartment = groupBy(contracts, (c) => c.departmentCode);
  const fundersByDepartment = groupBy(funders, (f) => f.departmentCode);
  const alertsByDepartment = groupBy(alerts, (a) => a.departmentCode);

  const parts = new Map<string, ComputedPart>();
  for (const code of codes) {
    const own = alertsByDepartment.get(code) ?? [];
    const alertCounts = noAlerts();
    const byContract = new Map<string, number>();
    for (const a of own) {
      alertCounts[a.kind] += 1;
      if (a.contractId) byContract.set(a.contractId, (byContract.get(a.contractId) ?? 0) + 1);
    }
    const ownContracts = contractsByDepartment.get(code) ?? [];
    const ownCommitments = new Map<string, PartCommitment>();
    for (const c of ownContracts)
      for (const x of commitmentsByContract.get(c.id) ?? []) {
        const key = `${x.frameworkCode}\u0000${x.code}`;
        const sum = ownCommitments.get(key);
        if (!sum) ownCommitments.set(key, { frameworkCode: x.frameworkCode, code: x.code, title: x.title, position: x.position, isCrossCutting: x.isCrossCutting, actions: x.actions, done: x.done, late: x.late, progressSum: x.progressSum, active: x.active });
        else Object.assign(sum, { actions: sum.actions + x.actions, done: sum.done + x.done, late: sum.late + x.late, progressSum: sum.progressSum + x.progressSum, active: sum.active + x.active });
      }
    const m = measuresByDepartment.get(code);
    const part: DepartmentPart = {
      code,
      measures: m
        ? { ...partMoney(m), contracts: m.contracts, actions: m.actions, done: m.done, active: m.active, late: m.late, progressSum: m.progressSum, indicatorsEvaluated: m.indicatorsEvaluated, indicatorsMet: m.indicatorsMet }
        : null,
      contracts: ownContracts.map((c) => {
        const cm = measuresByContract.get(c.id);
        const funding = cm ? money(cm) : emptyStageTotals();
        return {
          contractId: c.id,
          departmentCode: c.departmentCode,
          departmentName: c.department.name,
          regionCode: c.department.regionCode,
          regionName: c.department.region.name,
          frameworkCode: c.framework.code,
          wave: c.wave,
          status: c.status,
          periodStart: isoDay(c.periodStart),
          periodEnd: isoDay(c.periodEnd),
          actionCount: cm?.actions ?? 0,
          doneCount: cm?.done ?? 0,
          lateCount: cm?.late ?? 0,
          lateShare: cm ? ratio(cm.late, cm.active) : null,
          averageProgress: cm && cm.active > 0 ? cm.progressSum / cm.active : null,
          funding,
          demoFunding: cm ? demoMoney(partMoney(cm)) : emptyStageTotals(),
          spendingRate: spendingRate(funding),
          commitments: (commitmentsByContract.get(c.id) ?? []).map((x) => ({ code: x.code, actionCount: x.actions, averageProgress: x.active > 0 ? x.progressSum / x.active : null })),
          ownAlerts: byContract.get(c.id) ?? 0,
        };
      }),
      funders: (fundersByDepartment.get(code) ?? []).map((f) => ({ funder: f.funder as Funder, ...partMoney(f) })),
      commitments: [...ownCommitments.values()],
      alertCounts,
    };
    parts.set(code, { part, alerts: own });
  }
  return parts;
}

// ───────────────────────── Assembly ─────────────────────────

/** The medians of a set of parts: those of the departments that have a contract in it. */
export function partsMedians(parts: readonly DepartmentPart[]): PeerMedians {
  return peerMedians(parts.filter((p) => p.measures).map((p) => departmentFigures(p.measures)));
}

/** What a view needs to show its alerts: every one, or the first ones (with the count of each rule). */
export type AlertsOf = (codes: string[]) => Promise<Alert[][]>;

/**
 * A view from its frame and its departments' parts (one per frame department, same order), and the
 * national medians. Alerts: the parts' own, and each department's spending gap against the median;
 * `limit` lists only the first ones (the pages), reading only the alerts of the departments they need.
 */
export async function assembleView(
  scope: OversightScope,
  filters: OversightFilters,
  frame: OversightFrame,
  parts: readonly DepartmentPart[],
  medians: PeerMedians,
  alertsOf: AlertsOf,
  today: Date,
  limit: number | null,
): Promise<Omit<OversightView, "alerts"> & { alerts: Alert[]; alertCounts: Record<AlertKind, number>; alertTotal: number }> {
  const partOf = new Map(parts.map((p) => [p.code, p]));
  const gaps = new Map<string, Alert>();
  for (const p of parts) {
    if (!p.measures) continue;
    const gap = spendingGapAlert({ departmentCode: p.code, spendingRate: departmentFigures(p.measures).spendingRate }, medians.spendingRate);
    if (gap) gaps.set(p.code, gap);
  }
  const departmentAlerts = (p: DepartmentPart | undefined) => (p ? Object.values(p.alertCounts).reduce((s, n) => s + n, 0) : 0) + (p && gaps.has(p.code) ? 1 : 0);

  const contracts: OversightContractRow[] = [];
  const departments: OversightDepartmentRow[] = [];
  let total = NO_MONEY;
  const totals = { contracts: 0, departments: 0, actions: 0, late: 0 };
  const funders = new Map<Funder, PartMoney>();
  const commitments = new Map<string, PartCommitment>();
  const alertCounts = noAlerts();
  for (const d of frame.departments) {
    const p = partOf.get(d.code);
    const gap = gaps.has(d.code) ? 1 : 0;
    for (const { ownAlerts, ...c } of p?.contracts ?? []) contracts.push({ ...c, alertCount: ownAlerts + gap });
    departments.push({ ...d, ...departmentFigures(p?.measures), demoFunding: p?.measures ? demoMoney(p.measures) : emptyStageTotals(), alertCount: departmentAlerts(p) });
    if (!p) continue;
    if (p.measures) {
      total = addMoney(total, p.measures);
      totals.contracts += p.measures.contracts;
      totals.departments += 1;
      totals.actions += p.measures.actions;
      totals.late += p.measures.late;
    }
    for (const f of p.funders) funders.set(f.funder, addMoney(funders.get(f.funder) ?? NO_MONEY, f));
    for (const x of p.commitments) {
      const key = `${x.frameworkCode}\u0000${x.code}`;
      const sum = commitments.get(key);
      if (!sum) commitments.set(key, { ...x });
      else Object.assign(sum, { actions: sum.actions + x.actions, done: sum.done + x.done, late: sum.late + x.late, progressSum: sum.progressSum + x.progressSum, active: sum.active + x.active });
    }
    for (const k of ALERT_KINDS) alertCounts[k] += p.alertCounts[k];
  }
  alertCounts.spending_gap += gaps.size;
  const alertTotal = Object.values(alertCounts).reduce((s, n) => s + n, 0);

  // The alerts, department by department in their order, until `limit` are listed.
  const ordered = [...frame.departments].sort((a, b) => departmentOrder(a.code) - departmentOrder(b.code));
  const needed: string[] = [];
  let listed = 0;
  for (const d of ordered) {
    if (limit !== null && listed >= limit) break;
    const n = departmentAlerts(partOf.get(d.code));
    if (n === 0) continue;
    needed.push(d.code);
    listed += n;
  }
  const withOwn = needed.filter((code) => departmentAlerts(partOf.get(code)) > (gaps.has(code) ? 1 : 0));
  const own = (await alertsOf(withOwn)).flat();
  const alerts = sortAlerts([...own, ...needed.flatMap((code) => (gaps.has(code) ? [gaps.get(code)!] : []))]);

  const startYear = new Map(frame.frameworks.map((f) => [f.code, f.startYear]));
  const totalFunding = money(total);
  return {
    scope,
    title: frame.title,
    filters,
    options: { frameworks: frame.frameworks.map((f) => f.code), waves: frame.waves, years: frame.years, regions: frame.regions },
    totals: {
      contractCount: totals.contracts,
      departmentCount: totals.departments,
      actionCount: totals.actions,
      lateCount: totals.late,
      funding: totalFunding,
      demoFunding: demoMoney(total),
      spendingRate: spendingRate(totalFunding),
    },
    contracts,
    departments,
    commitments: [...commitments.values()]
      .sort((a, b) => (startYear.get(a.frameworkCode) ?? 0) - (startYear.get(b.frameworkCode) ?? 0) || a.position - b.position)
      .map(
        (x): CommitmentRow => ({
          frameworkCode: x.frameworkCode,
          code: x.code,
          title: x.title,
          isCrossCutting: x.isCrossCutting,
          actionCount: x.actions,
          doneCount: x.done,
          lateCount: x.late,
          averageProgress: x.active > 0 ? x.progressSum / x.active : null,
        }),
      ),
    funders: FUNDERS.flatMap((f: Funder): FunderRow[] => {
      const m = funders.get(f);
      if (!m) return [];
      const t = money(m);
      return [{ funder: f, ...t, demo: demoMoney(m), spendingRate: spendingRate(t) }];
    }),
    medians,
    alerts: limit === null ? alerts : alerts.slice(0, limit),
    alertCounts,
    alertTotal,
    today: isoDay(today),
  };
}
