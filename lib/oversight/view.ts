import "server-only";
// The oversight figures of a scope (national, or one region) as a reader may see them. No permission
// check here: lib/oversight/queries.ts checks first, then calls these with the viewer's reader
// (reader.ts), from which every `where` is built (lib/server/authz.ts).
import { FUNDERS, emptyStageTotals, type Funder, type StageTotals } from "../funding/schemas";
import { contractScopeWhere, departmentScopeWhere } from "../server/authz";
import { db, type Prisma } from "../server/db";
import { computeAlerts, countAlerts } from "./alerts";
import { peerMedians, type PeerMedians } from "./peers";
import type { Reader } from "../server/reader";
import { ratio, spendingRate, type OversightContractRow, type OversightDepartmentRow, type OversightFilters, type OversightScope, type OversightView } from "./schemas";
import * as sql from "./sql";
import { isoDay } from "../core/dates";

const money = (m: { planned: bigint; notified: bigint; committed: bigint; paid: bigint }): StageTotals => ({
  PLANNED: Number(m.planned),
  NOTIFIED: Number(m.notified),
  COMMITTED: Number(m.committed),
  PAID: Number(m.paid),
});

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

export function departmentFigures(m: sql.DepartmentMeasures | undefined) {
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
export async function mediansFor(reader: Reader, filters: OversightFilters, viewIds: string[], viewMeasures: sql.DepartmentMeasures[], today: string): Promise<PeerMedians> {
  const ids = await peerIds(reader, filters);
  const same = ids.length === viewIds.length && new Set([...ids, ...viewIds]).size === ids.length;
  const measures = same ? viewMeasures : (await sql.measures(ids, filters.year, today)).departments;
  return peerMedians(measures.map(departmentFigures));
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

/**
 * The national view (scope national) or one region's (scope region), every alert included; null for an
 * unknown region. Every query starts from the contracts the reader may read in that scope.
 */
export async function computeOversightView(reader: Reader, scope: OversightScope, requested: OversightFilters, today: Date): Promise<OversightView | null> {
  const region = scope.kind === "region" ? await db().region.findUnique({ where: { code: scope.regionCode } }) : null;
  if (scope.kind === "region" && !region) return null;
  const filters = scope.kind === "region" ? { ...requested, region: null } : requested;
  const day = isoDay(today);

  const base = viewWhere(reader, scope, { framework: null, wave: null, year: null, region: null });
  const [contracts, departments, frameworks, allInScope, regions] = await Promise.all([
    db().contract.findMany({
      where: viewWhere(reader, scope, filters),
      include: { department: { include: { region: true } }, framework: { select: { code: true } } },
      orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }],
    }),
    db().department.findMany({
      where: { AND: [departmentScopeWhere(reader), scope.kind === "region" ? { regionCode: scope.regionCode } : {}, filters.region ? { regionCode: filters.region } : {}] },
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
  const medians = await mediansFor(reader, filters, ids, perDepartment, day);
  const byDepartment = new Map(perDepartment.map((m) => [m.departmentCode, m]));
  const departmentRates = perDepartment.map((m) => ({ departmentCode: m.departmentCode, spendingRate: departmentFigures(m).spendingRate }));
  const alerts = computeAlerts({ ...candidates, departments: departmentRates, medianSpendingRate: medians.spendingRate }, today);
  const alertsByDepartment = countAlerts(alerts, "departmentCode");
  const alertsByContract = countAlerts(alerts, "contractId");
  const departmentLevelAlerts = countAlerts(alerts.filter((a) => a.contractId === null), "departmentCode");
  const measuresByContract = new Map(perContract.map((m) => [m.contractId, m]));
  const commitmentsByContract = new Map<string, sql.CommitmentMeasures[]>();
  for (const x of commitments) {
    const list = commitmentsByContract.get(x.contractId);
    if (list) list.push(x);
    else commitmentsByContract.set(x.contractId, [x]);
  }

  const contractRows: OversightContractRow[] = contracts.map((c) => {
    const m = measuresByContract.get(c.id);
    const funding = m ? money(m) : emptyStageTotals();
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
      actionCount: m?.actions ?? 0,
      doneCount: m?.done ?? 0,
      lateCount: m?.late ?? 0,
      lateShare: m ? ratio(m.late, m.active) : null,
      averageProgress: m && m.active > 0 ? m.progressSum / m.active : null,
      funding,
      spendingRate: spendingRate(funding),
      commitments: (commitmentsByContract.get(c.id) ?? []).map((x) => ({ code: x.code, actionCount: x.actions, averageProgress: x.active > 0 ? x.progressSum / x.active : null })),
      alertCount: (alertsByContract.get(c.id) ?? 0) + (departmentLevelAlerts.get(c.departmentCode) ?? 0),
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
