import "server-only";
import { FUNDERS, emptyStageTotals, type Funder, type StageTotals } from "../funding/schemas";
import { ROLE_PERMISSIONS, can, contractScopeWhere, departmentScopeWhere, type Viewer } from "../server/authz";
import { db, type Prisma } from "../server/db";
import { computeAlerts, countAlerts, type Alert } from "./alerts";
import { peerMedians, type PeerMedians } from "./peers";
import {
  ratio,
  spendingRate,
  type OversightContractRow,
  type OversightDepartmentRow,
  type OversightFilters,
  type OversightScope,
  type OversightView,
} from "./schemas";
import * as sql from "./sql";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const money = (m: { planned: bigint; notified: bigint; committed: bigint; paid: bigint }): StageTotals => ({
  PLANNED: Number(m.planned),
  NOTIFIED: Number(m.notified),
  COMMITTED: Number(m.committed),
  PAID: Number(m.paid),
});

/** National officials and administrators: every department. */
export function canOverseeNation(viewer: Viewer): boolean {
  return can(viewer, "contract.read", null);
}

/** National reach, or a regional role on this very region. */
export function canOverseeRegion(viewer: Viewer, regionCode: string): boolean {
  if (viewer.kind !== "user") return false;
  return viewer.user.roles.some((a) => {
    const role = ROLE_PERMISSIONS[a.role];
    if (!role.permissions.includes("contract.read")) return false;
    return role.reach === "national" || (role.reach === "region" && a.regionCode === regionCode);
  });
}

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

/** Contracts whose non-public data the viewer may read, in the view's scope: the where comes from authz. */
function viewWhere(viewer: Viewer, scope: OversightScope, filters: OversightFilters): Prisma.ContractWhereInput {
  return {
    AND: [
      contractScopeWhere(viewer),
      { department: departmentScopeWhere(viewer) },
      scope.kind === "region" ? { department: { regionCode: scope.regionCode } } : {},
      filtersWhere(filters),
    ],
  };
}

/** The national peers: every contract the viewer may read (published ones elsewhere), same filters, any region. */
async function peerIds(viewer: Viewer, filters: OversightFilters): Promise<string[]> {
  const rows = await db().contract.findMany({ where: { AND: [contractScopeWhere(viewer), filtersWhere({ ...filters, region: null })] }, select: { id: true } });
  return rows.map((r) => r.id);
}

function departmentFigures(m: sql.DepartmentMeasures | undefined) {
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

/** National medians over the peer set (reusing the view's figures when both sets are the same). */
async function mediansFor(viewer: Viewer, filters: OversightFilters, viewIds: string[], viewMeasures: sql.DepartmentMeasures[], today: string): Promise<PeerMedians> {
  const ids = await peerIds(viewer, filters);
  const same = ids.length === viewIds.length && new Set([...ids, ...viewIds]).size === ids.length;
  const measures = same ? viewMeasures : (await sql.measures(ids, filters.year, today)).departments;
  return peerMedians(measures.map(departmentFigures));
}

/** The candidate rows of every alert rule, read in parallel with the figures. */
async function alertCandidates(ids: string[], year: number | null, today: Date) {
  const [actions, unpaid, indicators] = await Promise.all([sql.actionAlertRows(ids, today), sql.unpaidRows(ids, year, today), sql.indicatorAlertRows(ids, year)]);
  return { actions, unpaid, indicators };
}

/**
 * The national view (scope national) or one region's (scope region). Null when the viewer may not
 * oversee that scope; every query starts from the contracts the viewer may read in it.
 */
export async function getOversightView(viewer: Viewer, scope: OversightScope, requested: OversightFilters, today = new Date()): Promise<OversightView | null> {
  const region = scope.kind === "region" ? await db().region.findUnique({ where: { code: scope.regionCode } }) : null;
  if (scope.kind === "national" ? !canOverseeNation(viewer) : !region || !canOverseeRegion(viewer, scope.regionCode)) return null;
  const filters = scope.kind === "region" ? { ...requested, region: null } : requested;
  const day = isoDate(today);

  const base = viewWhere(viewer, scope, { framework: null, wave: null, year: null, region: null });
  const [contracts, departments, frameworks, allInScope, regions] = await Promise.all([
    db().contract.findMany({
      where: viewWhere(viewer, scope, filters),
      include: { department: { include: { region: true } }, framework: { select: { code: true } } },
      orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }],
    }),
    db().department.findMany({
      where: { AND: [departmentScopeWhere(viewer), scope.kind === "region" ? { regionCode: scope.regionCode } : {}, filters.region ? { regionCode: filters.region } : {}] },
      include: { region: true },
      orderBy: { code: "asc" },
    }),
    db().framework.findMany({ select: { code: true }, orderBy: { startYear: "asc" } }),
    db().contract.findMany({ where: base, select: { wave: true, periodStart: true, periodEnd: true } }),
    scope.kind === "national" ? db().region.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }) : Promise.resolve([]),
  ]);
  const ids = contracts.map((c) => c.id);

  const [{ contracts: perContract, departments: perDepartment, total: totals }, funders, commitments, commitmentTotals, candidates] = await Promise.all([
    sql.measures(ids, filters.year, day),
    sql.funderMeasures(ids, filters.year),
    sql.commitmentMeasures(ids, day),
    sql.commitmentTotals(ids, day),
    alertCandidates(ids, filters.year, today),
  ]);
  const medians = await mediansFor(viewer, filters, ids, perDepartment, day);
  const byDepartment = new Map(perDepartment.map((m) => [m.departmentCode, m]));
  const departmentRates = perDepartment.map((m) => ({ departmentCode: m.departmentCode, spendingRate: departmentFigures(m).spendingRate }));
  const alerts = computeAlerts({ ...candidates, departments: departmentRates, medianSpendingRate: medians.spendingRate }, today);
  const alertsByDepartment = countAlerts(alerts, "departmentCode");
  const alertsByContract = countAlerts(alerts, "contractId");
  const measuresByContract = new Map(perContract.map((m) => [m.contractId, m]));

  const contractRows: OversightContractRow[] = contracts.map((c) => {
    const m = measuresByContract.get(c.id);
    const funding = m ? money(m) : emptyStageTotals();
    const cells = commitments.filter((x) => x.contractId === c.id);
    return {
      contractId: c.id,
      departmentCode: c.departmentCode,
      departmentName: c.department.name,
      regionCode: c.department.regionCode,
      regionName: c.department.region.name,
      frameworkCode: c.framework.code,
      wave: c.wave,
      status: c.status,
      periodStart: isoDate(c.periodStart),
      periodEnd: isoDate(c.periodEnd),
      actionCount: m?.actions ?? 0,
      doneCount: m?.done ?? 0,
      lateCount: m?.late ?? 0,
      lateShare: m ? ratio(m.late, m.active) : null,
      averageProgress: m && m.active > 0 ? m.progressSum / m.active : null,
      funding,
      spendingRate: spendingRate(funding),
      commitments: cells.map((x) => ({ code: x.code, actionCount: x.actions, averageProgress: x.active > 0 ? x.progressSum / x.active : null })),
      alertCount: (alertsByContract.get(c.id) ?? 0) + alerts.filter((a) => a.contractId === null && a.departmentCode === c.departmentCode).length,
    };
  });

  const departmentRows: OversightDepartmentRow[] = departments.map((d) => ({
    code: d.code,
    name: d.name,
    regionCode: d.regionCode,
    regionName: d.region.name,
    ...departmentFigures(byDepartment.get(d.code)),
    alertCount: alertsByDepartment.get(d.code) ?? 0,
  }));

  const years = allInScope.flatMap((c) => [c.periodStart.getUTCFullYear(), c.periodEnd.getUTCFullYear()]);
  const totalFunding = money(totals);
  return {
    scope,
    title: region ? `Vue régionale — ${region.name}` : "Vue nationale",
    filters,
    options: {
      frameworks: frameworks.map((f) => f.code),
      waves: [...new Set(allInScope.map((c) => c.wave))].sort((a, b) => a - b),
      years: years.length ? Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, i) => Math.min(...years) + i) : [],
      regions,
    },
    totals: { contractCount: totals.contracts, departmentCount: totals.departments, actionCount: totals.actions, lateCount: totals.late, funding: totalFunding, spendingRate: spendingRate(totalFunding) },
    contracts: contractRows,
    departments: departmentRows,
    commitments: commitmentTotals.map((x) => ({
      frameworkCode: x.frameworkCode,
      code: x.code,
      title: x.title,
      isCrossCutting: x.isCrossCutting,
      actionCount: x.actions,
      doneCount: x.done,
      lateCount: x.late,
      averageProgress: x.active > 0 ? x.progressSum / x.active : null,
    })),
    funders: FUNDERS.flatMap((f: Funder) => {
      const m = funders.find((x) => x.funder === f);
      if (!m) return [];
      const t = money(m);
      return [{ funder: f, ...t, spendingRate: spendingRate(t) }];
    }),
    medians,
    alerts,
    today: day,
  };
}

export type DepartmentAlerts = { departmentName: string; alerts: Alert[]; medians: PeerMedians; spendingRate: number | null; today: string };

/** The alerts of one department (all its contracts the viewer may read); null outside the viewer's scope. */
export async function listDepartmentAlerts(viewer: Viewer, code: string, today = new Date()): Promise<DepartmentAlerts | null> {
  const department = await db().department.findUnique({ where: { code }, select: { code: true, name: true, regionCode: true } });
  if (!department || !can(viewer, "contract.read", { departmentCode: department.code, regionCode: department.regionCode })) return null;
  const day = isoDate(today);
  const contracts = await db().contract.findMany({ where: { AND: [contractScopeWhere(viewer), { departmentCode: code }] }, select: { id: true } });
  const ids = contracts.map((c) => c.id);
  const [{ departments: measures }, candidates] = await Promise.all([sql.measures(ids, null, day), alertCandidates(ids, null, today)]);
  const medians = await mediansFor(viewer, { framework: null, wave: null, year: null, region: null }, ids, measures, day);
  const rate = departmentFigures(measures[0]).spendingRate;
  const alerts = computeAlerts({ ...candidates, departments: measures.length ? [{ departmentCode: code, spendingRate: rate }] : [], medianSpendingRate: medians.spendingRate }, today);
  return { departmentName: department.name, alerts, medians, spendingRate: rate, today: day };
}

export type OversightLinks = { national: boolean; regions: { code: string; name: string }[] };

/** The oversight views a user may open: the national one, and one per region they oversee. */
export async function listOversightLinks(viewer: Viewer): Promise<OversightLinks> {
  if (viewer.kind !== "user") return { national: false, regions: [] };
  const codes = viewer.user.roles.flatMap((a) =>
    ROLE_PERMISSIONS[a.role].reach === "region" && ROLE_PERMISSIONS[a.role].permissions.includes("contract.read") && a.regionCode ? [a.regionCode] : [],
  );
  const regions = codes.length ? await db().region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true }, orderBy: { name: "asc" } }) : [];
  return { national: canOverseeNation(viewer), regions };
}
