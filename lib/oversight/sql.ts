import "server-only";
// The oversight figures, summed by PostgreSQL (GROUP BY), for a list of contract ids that the caller has
// already scoped to the viewer (lib/oversight/queries.ts builds it from lib/server/authz.ts).
import { Prisma, db } from "../server/db";
import type { ActionAlertRow, IndicatorAlertRow, UnpaidRow } from "./alerts";
import { isoDay } from "../core/dates";

const sumStage = (stage: string) => Prisma.sql`coalesce(sum(l."amountCents") FILTER (WHERE l.stage = ${Prisma.raw(`'${stage}'`)}), 0)::bigint`;
/** The part of a stage's sum that comes from demo lines (« dont … de démonstration »). */
const sumDemoStage = (stage: string) => Prisma.sql`coalesce(sum(l."amountCents") FILTER (WHERE l.stage = ${Prisma.raw(`'${stage}'`)} AND l."isDemo"), 0)::bigint`;
const DEMO_SUMS = Prisma.sql`${sumDemoStage("PLANNED")} AS "demoPlanned", ${sumDemoStage("NOTIFIED")} AS "demoNotified", ${sumDemoStage("COMMITTED")} AS "demoCommitted", ${sumDemoStage("PAID")} AS "demoPaid"`;

/** Optional conditions joined with AND (Prisma.join keeps every value a bound parameter). */
const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

export type Money = { planned: bigint; notified: bigint; committed: bigint; paid: bigint };
export type DemoMoney = { demoPlanned: bigint; demoNotified: bigint; demoCommitted: bigint; demoPaid: bigint };

export type ContractMeasures = Money & DemoMoney & {
  contractId: string;
  departmentCode: string;
  actions: number;
  done: number;
  active: number;
  late: number;
  progressSum: number;
  indicatorsEvaluated: number;
  indicatorsMet: number;
};

/**
 * One row per contract: money per stage (of one year when asked), actions (count, done, late, progress)
 * and the latest indicator values against their targets (the same rule as lib/indicators/status.ts).
 */
function contractMeasuresSql(ids: string[], year: number | null, today: string) {
  const fundingYear = and(year === null ? [] : [Prisma.sql`l.year = ${year}`]);
  const indicatorYear = and(year === null ? [] : [Prisma.sql`iv.year = ${year}`]);
  return Prisma.sql`
    SELECT c.id AS "contractId", c."departmentCode",
      coalesce(fl.planned, 0)::bigint AS planned, coalesce(fl.notified, 0)::bigint AS notified,
      coalesce(fl.committed, 0)::bigint AS committed, coalesce(fl.paid, 0)::bigint AS paid,
      coalesce(fl."demoPlanned", 0)::bigint AS "demoPlanned", coalesce(fl."demoNotified", 0)::bigint AS "demoNotified",
      coalesce(fl."demoCommitted", 0)::bigint AS "demoCommitted", coalesce(fl."demoPaid", 0)::bigint AS "demoPaid",
      coalesce(ac.actions, 0)::int AS actions, coalesce(ac.done, 0)::int AS done, coalesce(ac.active, 0)::int AS active,
      coalesce(ac.late, 0)::int AS late, coalesce(ac."progressSum", 0)::float8 AS "progressSum",
      coalesce(ind.evaluated, 0)::int AS "indicatorsEvaluated", coalesce(ind.met, 0)::int AS "indicatorsMet"
    FROM "Contract" c
    LEFT JOIN (
      SELECT l."contractId", ${sumStage("PLANNED")} AS planned, ${sumStage("NOTIFIED")} AS notified,
             ${sumStage("COMMITTED")} AS committed, ${sumStage("PAID")} AS paid, ${DEMO_SUMS}
      FROM "FundingLine" l WHERE l."contractId" = ANY(${ids}) ${fundingYear}
      GROUP BY l."contractId"
    ) fl ON fl."contractId" = c.id
    LEFT JOIN (
      SELECT a."contractId", count(*) AS actions,
             count(*) FILTER (WHERE a.status = 'DONE') AS done,
             count(*) FILTER (WHERE a.status <> 'ABANDONED') AS active,
             count(*) FILTER (WHERE a.status NOT IN ('DONE', 'ABANDONED') AND a."endDate" < ${today}::date) AS late,
             sum(a.progress) FILTER (WHERE a.status <> 'ABANDONED') AS "progressSum"
      FROM "Action" a WHERE a."archivedAt" IS NULL AND a."contractId" = ANY(${ids})
      GROUP BY a."contractId"
    ) ac ON ac."contractId" = c.id
    LEFT JOIN (
      SELECT v."contractId", count(*) FILTER (WHERE v.evaluated) AS evaluated, count(*) FILTER (WHERE v.evaluated AND v.met) AS met
      FROM (
        SELECT DISTINCT ON (iv."contractId", iv."indicatorId") iv."contractId",
          (i.kind = 'MILESTONE' OR (i.direction <> 'NEUTRAL' AND iv.target IS NOT NULL)) AS evaluated,
          CASE WHEN i.kind = 'MILESTONE' THEN iv.actual >= coalesce(iv.target, 1)
               WHEN i.direction = 'HIGHER_IS_BETTER' THEN iv.actual >= iv.target
               WHEN i.direction = 'LOWER_IS_BETTER' THEN iv.actual <= iv.target
               ELSE false END AS met
        FROM "IndicatorValue" iv JOIN "Indicator" i ON i.id = iv."indicatorId"
        WHERE iv.actual IS NOT NULL AND iv."contractId" = ANY(${ids}) ${indicatorYear}
        ORDER BY iv."contractId", iv."indicatorId", iv.year DESC
      ) v GROUP BY v."contractId"
    ) ind ON ind."contractId" = c.id
    WHERE c.id = ANY(${ids})`;
}

export type DepartmentMeasures = Omit<ContractMeasures, "contractId"> & { contracts: number };
export type TotalMeasures = Money & DemoMoney & { contracts: number; departments: number; actions: number; late: number };
export type Measures = { contracts: ContractMeasures[]; departments: DepartmentMeasures[]; total: TotalMeasures };

type LevelRow = ContractMeasures & { level: number; contracts: number; departments: number };

/**
 * The measures per contract, per department and in total, from one scan: GROUPING SETS regroups the
 * contract rows by department and over the whole selection (GROUPING() tells the levels apart).
 */
export async function measures(ids: string[], year: number | null, today: string): Promise<Measures> {
  const total = { planned: 0n, notified: 0n, committed: 0n, paid: 0n, demoPlanned: 0n, demoNotified: 0n, demoCommitted: 0n, demoPaid: 0n, contracts: 0, departments: 0, actions: 0, late: 0 };
  if (ids.length === 0) return { contracts: [], departments: [], total };
  const rows = await db().$queryRaw<LevelRow[]>`
    SELECT m."contractId", m."departmentCode", GROUPING(m."contractId", m."departmentCode")::int AS level,
      count(*)::int AS contracts, count(DISTINCT m."departmentCode")::int AS departments,
      sum(m.planned)::bigint AS planned, sum(m.notified)::bigint AS notified, sum(m.committed)::bigint AS committed, sum(m.paid)::bigint AS paid,
      sum(m."demoPlanned")::bigint AS "demoPlanned", sum(m."demoNotified")::bigint AS "demoNotified", sum(m."demoCommitted")::bigint AS "demoCommitted", sum(m."demoPaid")::bigint AS "demoPaid",
      sum(m.actions)::int AS actions, sum(m.done)::int AS done, sum(m.active)::int AS active, sum(m.late)::int AS late,
      sum(m."progressSum")::float8 AS "progressSum",
      sum(m."indicatorsEvaluated")::int AS "indicatorsEvaluated", sum(m."indicatorsMet")::int AS "indicatorsMet"
    FROM (${contractMeasuresSql(ids, year, today)}) m
    GROUP BY GROUPING SETS ((m."contractId", m."departmentCode"), (m."departmentCode"), ())`;
  // GROUPING() is a bit mask of the columns rolled up: 0 per contract, 2 per department, 3 for the total.
  return {
    contracts: rows.filter((r) => r.level === 0),
    departments: rows.filter((r) => r.level === 2),
    total: rows.find((r) => r.level === 3) ?? total,
  };
}

/** Money per (department, funder): each department's part of the funders' table. */
export async function funderMeasures(ids: string[], year: number | null) {
  if (ids.length === 0) return [];
  return db().$queryRaw<(Money & DemoMoney & { departmentCode: string; funder: string })[]>`
    SELECT c."departmentCode", l.funder::text AS funder, ${sumStage("PLANNED")} AS planned, ${sumStage("NOTIFIED")} AS notified,
           ${sumStage("COMMITTED")} AS committed, ${sumStage("PAID")} AS paid, ${DEMO_SUMS}
    FROM "FundingLine" l JOIN "Contract" c ON c.id = l."contractId"
    WHERE l."contractId" = ANY(${ids}) ${and(year === null ? [] : [Prisma.sql`l.year = ${year}`])}
    GROUP BY c."departmentCode", l.funder ORDER BY c."departmentCode", l.funder`;
}

export type CommitmentMeasures = {
  contractId: string;
  frameworkCode: string;
  code: string;
  title: string;
  position: number;
  isCrossCutting: boolean;
  actions: number;
  done: number;
  late: number;
  progressSum: number;
  active: number;
};

/** Actions per (contract, commitment), so that a contract shows its progress by commitment. */
export async function commitmentMeasures(ids: string[], today: string): Promise<CommitmentMeasures[]> {
  if (ids.length === 0) return [];
  return db().$queryRaw<CommitmentMeasures[]>`
    SELECT a."contractId", f.code AS "frameworkCode", cm.code, cm.title, cm.position, cm."isCrossCutting",
      count(*)::int AS actions, (count(*) FILTER (WHERE a.status = 'DONE'))::int AS done,
      (count(*) FILTER (WHERE a.status NOT IN ('DONE', 'ABANDONED') AND a."endDate" < ${today}::date))::int AS late,
      coalesce(sum(a.progress) FILTER (WHERE a.status <> 'ABANDONED'), 0)::float8 AS "progressSum",
      (count(*) FILTER (WHERE a.status <> 'ABANDONED'))::int AS active
    FROM "Action" a
    JOIN "Objective" o ON o.id = a."objectiveId"
    JOIN "Commitment" cm ON cm.id = o."commitmentId"
    JOIN "Framework" f ON f.id = cm."frameworkId"
    WHERE a."archivedAt" IS NULL AND a."contractId" = ANY(${ids})
    GROUP BY a."contractId", f.code, cm.id
    ORDER BY f.code, cm.position`;
}

// ───────────────────────── Alert candidates (each rule in alerts.ts decides) ─────────────────────────

/**
 * Open actions whose end date has passed, or (contract in force) not updated for about 90 days, of
 * contracts still running: an ended contract (its status, or its period over) raises neither.
 */
export async function actionAlertRows(ids: string[], today: Date): Promise<ActionAlertRow[]> {
  if (ids.length === 0) return [];
  const staleBefore = new Date(today.getTime() - 89 * 86_400_000);
  const rows = await db().$queryRaw<(Omit<ActionAlertRow, "endDate" | "updatedAt"> & { endDate: Date | null; updatedAt: Date })[]>`
    SELECT a."contractId", c."departmentCode", c.status::text AS "contractStatus", to_char(c."periodEnd", 'YYYY-MM-DD') AS "contractEnd",
           a.reference, a.title, a.status::text AS status, a."endDate", a."updatedAt"
    FROM "Action" a JOIN "Contract" c ON c.id = a."contractId"
    WHERE a."archivedAt" IS NULL AND a."contractId" = ANY(${ids}) AND a.status NOT IN ('DONE', 'ABANDONED')
      AND c.status <> 'ENDED' AND c."periodEnd" >= ${isoDay(today)}::date
      AND (a."endDate" < ${isoDay(today)}::date OR (c.status = 'SIGNED' AND a."updatedAt" < ${staleBefore}))
    ORDER BY c."departmentCode", a.reference`;
  return rows.map((r) => ({ ...r, endDate: r.endDate ? isoDay(r.endDate) : null, updatedAt: r.updatedAt.toISOString() }));
}

/** Committed above paid per (contract, budget year, funder), for the years before this one. */
export async function unpaidRows(ids: string[], year: number | null, today: Date): Promise<UnpaidRow[]> {
  if (ids.length === 0) return [];
  const rows = await db().$queryRaw<(Omit<UnpaidRow, "committedCents" | "paidCents"> & { committed: bigint; paid: bigint })[]>`
    SELECT u.*, c."departmentCode" FROM (
      SELECT l."contractId", l.year, l.funder::text AS funder, ${sumStage("COMMITTED")} AS committed, ${sumStage("PAID")} AS paid
      FROM "FundingLine" l
      WHERE l."contractId" = ANY(${ids}) AND l.year < ${today.getUTCFullYear()} AND l.stage IN ('COMMITTED', 'PAID')
        ${and(year === null ? [] : [Prisma.sql`l.year = ${year}`])}
      GROUP BY l."contractId", l.year, l.funder
    ) u
    JOIN "Contract" c ON c.id = u."contractId"
    WHERE u.committed > u.paid`;
  return rows.map(({ committed, paid, ...r }) => ({ ...r, committedCents: Number(committed), paidCents: Number(paid) }));
}

/** The latest value of each indicator of each contract, when it does not reach its target. */
export async function indicatorAlertRows(ids: string[], year: number | null): Promise<IndicatorAlertRow[]> {
  if (ids.length === 0) return [];
  return db().$queryRaw<IndicatorAlertRow[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (iv."contractId", iv."indicatorId") iv."contractId", c."departmentCode", i.code, i.label,
        i.kind::text AS kind, i.direction::text AS direction, i.unit, iv.year,
        iv.baseline::float8 AS baseline, iv.target::float8 AS target, iv.actual::float8 AS actual
      FROM "IndicatorValue" iv JOIN "Indicator" i ON i.id = iv."indicatorId" JOIN "Contract" c ON c.id = iv."contractId"
      WHERE iv.actual IS NOT NULL AND iv."contractId" = ANY(${ids}) ${and(year === null ? [] : [Prisma.sql`iv.year = ${year}`])}
      ORDER BY iv."contractId", iv."indicatorId", iv.year DESC
    ) v
    WHERE (v.kind = 'MILESTONE' AND v.actual < coalesce(v.target, 1))
       OR (v.direction = 'HIGHER_IS_BETTER' AND v.actual < v.target)
       OR (v.direction = 'LOWER_IS_BETTER' AND v.actual > v.target)
    ORDER BY v."departmentCode", v.code`;
}
