import "server-only";
// Reads of what the public may see, as the public: contracts through contractScopeWhere(PUBLIC_VIEWER)
// (never a draft), explicit `select`s, each record built field by field and parsed through its strict
// schema. Nothing here is cached: lib/opendata/cached.ts wraps these reads.
import { ACTION_STATUS_LABELS, isActionLate } from "../actions/schemas";
import { commitmentProgress } from "../contracts/queries";
import { CONTRACT_STATUS_LABELS } from "../contracts/schemas";
import { fundingOfContract } from "../funding/queries";
import { FUNDER_LABELS, FUNDER_PARTY, FUNDING_PARTIES, PARTY_LABELS, STAGE_LABELS, type Funder, type FundingStage, type StageTotals } from "../funding/schemas";
import { INDICATOR_STATUS_LABELS, indicatorStatus } from "../indicators/status";
import { PUBLIC_VIEWER, contractScopeWhere } from "../server/authz";
import { Prisma, db } from "../server/db";
import { indicatorCountsPeople, withholdSmallCounts } from "./privacy";
import {
  PublicActionSchema,
  PublicContextFigureSchema,
  PublicContractDetailSchema,
  PublicContractSchema,
  PublicDepartmentSchema,
  PublicFundingSchema,
  PublicIndicatorValueSchema,
  publicSource,
  type PublicAction,
  type PublicContextFigure,
  type PublicContract,
  type PublicContractDetail,
  type PublicDepartment,
  type PublicFunding,
  type PublicIndicatorValue,
  type StageAmounts,
} from "./schemas";
import { isoDay } from "../core/dates";

const isoDate = (d: Date) => isoDay(d);
const isoOrNull = (d: Date | null) => isoDay(d);
const decimal = (d: Prisma.Decimal | null) => (d === null ? null : Number(d.toString()));


/** One department, several (a part of a national collection), or every one (undefined). */
export type Departments = string | string[] | undefined;

/** Published contracts, optionally of one department or of several. */
function publishedWhere(departments?: Departments): Prisma.ContractWhereInput {
  const published = contractScopeWhere(PUBLIC_VIEWER);
  if (departments === undefined) return published;
  return { AND: [published, { departmentCode: typeof departments === "string" ? departments : { in: departments } }] };
}

export const departmentPagePath = (code: string) => `/departements/${code}`;
export const contractPagePath = (code: string, id: string) => `/departements/${code}/contrats/${id}`;

// ───────────────────────── Departments ─────────────────────────

export async function readDepartments(code?: string): Promise<PublicDepartment[]> {
  const rows = await db().department.findMany({
    where: code ? { code } : {},
    select: {
      code: true,
      name: true,
      regionCode: true,
      childProtectionBody: true,
      sourceUrl: true,
      isDemo: true,
      region: { select: { name: true, arsName: true } },
      contracts: { where: contractScopeWhere(PUBLIC_VIEWER), select: { id: true }, orderBy: [{ periodStart: "desc" }, { id: "asc" }] },
    },
    orderBy: { code: "asc" },
  });
  return rows.map((d) =>
    PublicDepartmentSchema.parse({
      code: d.code,
      name: d.name,
      regionCode: d.regionCode,
      regionName: d.region.name,
      arsName: d.region.arsName,
      childProtectionBody: d.childProtectionBody,
      publishedContractCount: d.contracts.length,
      currentContractId: d.contracts[0]?.id ?? null,
      pageUrl: departmentPagePath(d.code),
      sourceUrl: d.sourceUrl,
      source: publicSource(d),
      isDemo: d.isDemo,
    }),
  );
}

// ───────────────────────── Contracts ─────────────────────────

type ContractStats = { contractId: string; actions: number; done: number; average: number | null };

/** Action count, done count and average progress (abandoned left out of the average), per contract, in SQL. */
async function contractStats(contractIds: string[]): Promise<Map<string, ContractStats>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db().$queryRaw<ContractStats[]>`
    SELECT "contractId",
           count(*)::int AS actions,
           (count(*) FILTER (WHERE status = 'DONE'))::int AS done,
           (avg(progress) FILTER (WHERE status <> 'ABANDONED'))::float8 AS average
    FROM "Action"
    WHERE "archivedAt" IS NULL AND "contractId" = ANY(${contractIds})
    GROUP BY "contractId"`;
  return new Map(rows.map((r) => [r.contractId, r]));
}

const contractSelect = {
  id: true,
  departmentCode: true,
  wave: true,
  status: true,
  signedOn: true,
  signedPlace: true,
  periodStart: true,
  periodEnd: true,
  stateSignatory: true,
  arsSignatory: true,
  departmentSignatory: true,
  summary: true,
  sourceUrl: true,
  sourceQuote: true,
  sourceCheckedOn: true,
  isDemo: true,
  updatedAt: true,
  frameworkId: true,
  department: { select: { name: true, regionCode: true, region: { select: { name: true } } } },
  framework: { select: { code: true, name: true } },
  amounts: { select: { party: true, amountCents: true, sourceUrl: true, sourceQuote: true, sourceCheckedOn: true, isDemo: true } },
} satisfies Prisma.ContractSelect;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

export const contractSlug = (c: { departmentCode: string; periodStart: string; periodEnd: string; wave: number }) =>
  `${c.departmentCode}-${c.periodStart.slice(0, 4)}-${c.periodEnd.slice(0, 4)}-v${c.wave}`;

function toPublicContract(c: ContractRow, stats: ContractStats | undefined, isCurrent: boolean): PublicContract {
  const amounts = FUNDING_PARTIES.flatMap((party) => {
    const a = c.amounts.find((x) => x.party === party);
    return a ? [{ party, partyLabel: PARTY_LABELS[party], amountCents: Number(a.amountCents), sourceUrl: a.sourceUrl, source: publicSource(a), isDemo: a.isDemo }] : [];
  });
  const demoCents = amounts.filter((a) => a.isDemo).reduce((s, a) => s + a.amountCents, 0);
  const periodStart = isoDate(c.periodStart);
  const periodEnd = isoDate(c.periodEnd);
  return PublicContractSchema.parse({
    id: c.id,
    slug: contractSlug({ departmentCode: c.departmentCode, periodStart, periodEnd, wave: c.wave }),
    departmentCode: c.departmentCode,
    departmentName: c.department.name,
    regionCode: c.department.regionCode,
    regionName: c.department.region.name,
    frameworkCode: c.framework.code,
    frameworkName: c.framework.name,
    wave: c.wave,
    status: c.status,
    statusLabel: CONTRACT_STATUS_LABELS[c.status],
    signedOn: isoOrNull(c.signedOn),
    signedPlace: c.signedPlace,
    periodStart,
    periodEnd,
    stateSignatory: c.stateSignatory,
    arsSignatory: c.arsSignatory,
    departmentSignatory: c.departmentSignatory,
    summary: c.summary,
    amounts,
    totalCents: amounts.reduce((s, a) => s + a.amountCents, 0),
    includesDemo: amounts.some((a) => a.isDemo),
    demoCents,
    actionCount: stats?.actions ?? 0,
    doneActionCount: stats?.done ?? 0,
    averageProgress: stats?.average ?? null,
    pageUrl: isCurrent ? departmentPagePath(c.departmentCode) : contractPagePath(c.departmentCode, c.id),
    updatedAt: c.updatedAt.toISOString(),
    sourceUrl: c.sourceUrl,
    source: publicSource(c),
    isDemo: c.isDemo,
  });
}

async function readContractRows(departments?: Departments): Promise<ContractRow[]> {
  return db().contract.findMany({
    where: publishedWhere(departments),
    select: contractSelect,
    orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }, { id: "asc" }],
  });
}

function toPublicContracts(rows: ContractRow[], stats: Map<string, ContractStats>): PublicContract[] {
  // Rows come most recent first within a department: the first one is the department page's contract.
  return rows.map((c, i) => toPublicContract(c, stats.get(c.id), i === 0 || rows[i - 1].departmentCode !== c.departmentCode));
}

/** Published contracts, by department, most recent first within a department. */
export async function readContracts(departments?: Departments): Promise<PublicContract[]> {
  const rows = await readContractRows(departments);
  return toPublicContracts(rows, await contractStats(rows.map((c) => c.id)));
}

const stageAmounts = (t: StageTotals): StageAmounts => ({ plannedCents: t.PLANNED, notifiedCents: t.NOTIFIED, committedCents: t.COMMITTED, paidCents: t.PAID });

async function readContractDetail(row: ContractRow, contract: PublicContract): Promise<PublicContractDetail> {
  const [objectives, commitments, funding] = await Promise.all([
    db().contractObjective.findMany({
      where: { contractId: row.id },
      select: { objective: { select: { code: true, title: true, isMandatory: true, position: true, commitment: { select: { code: true, position: true } } } } },
    }),
    commitmentProgress(row.id, row.frameworkId),
    fundingOfContract(row.id),
  ]);
  return PublicContractDetailSchema.parse({
    ...contract,
    objectives: objectives
      .map((o) => o.objective)
      .sort((a, b) => a.commitment.position - b.commitment.position || a.position - b.position)
      .map((o) => ({ commitmentCode: o.commitment.code, code: o.code, title: o.title, isMandatory: o.isMandatory })),
    commitments: commitments.map((c) => ({
      code: c.code,
      title: c.title,
      isCrossCutting: c.isCrossCutting,
      actionCount: c.actionCount,
      doneCount: c.doneCount,
      averageProgress: c.averageProgress,
    })),
    fundingByYear: funding.byYear.map((y) => ({ year: y.year, ...stageAmounts(y) })),
    fundingByFunder: funding.byFunder.map((f) => ({ funder: f.funder, funderLabel: FUNDER_LABELS[f.funder], ...stageAmounts(f) })),
    fundingTotals: stageAmounts(funding.totals),
  });
}

// ───────────────────────── Actions ─────────────────────────

export async function readActions(departments?: Departments): Promise<PublicAction[]> {
  const rows = await db().action.findMany({
    where: { archivedAt: null, contract: publishedWhere(departments) },
    select: {
      id: true,
      contractId: true,
      reference: true,
      title: true,
      purpose: true,
      targetPublic: true,
      lead: true,
      partners: true,
      startDate: true,
      endDate: true,
      status: true,
      progress: true,
      sourceUrl: true,
      sourceQuote: true,
      sourceCheckedOn: true,
      isDemo: true,
      updatedAt: true,
      contract: { select: { departmentCode: true } },
      objective: { select: { code: true, title: true, commitment: { select: { code: true } } } },
    },
    orderBy: [{ contract: { departmentCode: "asc" } }, { contract: { periodStart: "desc" } }, { contractId: "asc" }, { reference: "asc" }],
  });
  const today = new Date();
  return rows.map((a) => {
    const endDate = isoOrNull(a.endDate);
    return PublicActionSchema.parse({
      id: a.id,
      key: `${a.contractId}:${a.reference}`,
      contractId: a.contractId,
      departmentCode: a.contract.departmentCode,
      reference: a.reference,
      title: a.title,
      purpose: a.purpose,
      targetPublic: a.targetPublic,
      lead: a.lead,
      partners: a.partners,
      commitmentCode: a.objective?.commitment.code ?? null,
      objectiveCode: a.objective?.code ?? null,
      objectiveTitle: a.objective?.title ?? null,
      startDate: isoOrNull(a.startDate),
      endDate,
      status: a.status,
      statusLabel: ACTION_STATUS_LABELS[a.status],
      progress: a.progress,
      isLate: isActionLate({ status: a.status, endDate }, today),
      updatedAt: a.updatedAt.toISOString(),
      sourceUrl: a.sourceUrl,
      source: publicSource(a),
      isDemo: a.isDemo,
    });
  });
}

// ───────────────────────── Funding: funder × year × stage ─────────────────────────

async function publishedContractIds(departments?: Departments): Promise<string[]> {
  return (await db().contract.findMany({ where: publishedWhere(departments), select: { id: true } })).map((c) => c.id);
}

export async function readFunding(departments?: Departments): Promise<PublicFunding[]> {
  const ids = await publishedContractIds(departments);
  if (ids.length === 0) return [];
  // Summed by PostgreSQL; provenance kept when every line shares one source, demo when any line is.
  const rows = await db().$queryRaw<
    { contractId: string; departmentCode: string; year: number; funder: Funder; stage: FundingStage; amount: string; isDemo: boolean; sourceUrl: string | null }[]
  >`
    SELECT f."contractId", c."departmentCode", f.year, f.funder::text AS funder, f.stage::text AS stage,
           sum(f."amountCents")::text AS amount,
           bool_or(f."isDemo") AS "isDemo",
           CASE WHEN count(DISTINCT f."sourceUrl") = 1 AND count(f."sourceUrl") = count(*) THEN min(f."sourceUrl") END AS "sourceUrl"
    FROM "FundingLine" f
    JOIN "Contract" c ON c.id = f."contractId"
    WHERE f."contractId" = ANY(${ids})
    GROUP BY f."contractId", c."departmentCode", c."periodStart", f.year, f.funder, f.stage
    ORDER BY c."departmentCode", c."periodStart" DESC, f."contractId", f.year, f.funder, f.stage`;
  return rows.map((r) =>
    PublicFundingSchema.parse({
      key: `${r.contractId}:${r.year}:${r.funder}:${r.stage}`,
      contractId: r.contractId,
      departmentCode: r.departmentCode,
      year: r.year,
      funder: r.funder,
      funderLabel: FUNDER_LABELS[r.funder],
      party: FUNDER_PARTY[r.funder],
      stage: r.stage,
      stageLabel: STAGE_LABELS[r.stage],
      amountCents: Number(r.amount),
      sourceUrl: r.sourceUrl,
      source: publicSource(r),
      isDemo: r.isDemo,
    }),
  );
}

// ───────────────────────── Indicators ─────────────────────────

export async function readIndicators(departments?: Departments): Promise<PublicIndicatorValue[]> {
  const rows = await db().indicatorValue.findMany({
    where: { contract: publishedWhere(departments) },
    select: {
      contractId: true,
      year: true,
      baseline: true,
      target: true,
      actual: true,
      sourceUrl: true,
      isDemo: true,
      updatedAt: true,
      contract: { select: { departmentCode: true, framework: { select: { code: true } } } },
      indicator: {
        select: { code: true, label: true, kind: true, direction: true, unit: true, objective: { select: { code: true, commitment: { select: { code: true } } } } },
      },
    },
    orderBy: [
      { contract: { departmentCode: "asc" } },
      { contract: { periodStart: "desc" } },
      { contractId: "asc" },
      { indicator: { objective: { commitment: { position: "asc" } } } },
      { indicator: { objective: { position: "asc" } } },
      { indicator: { position: "asc" } },
      { year: "asc" },
    ],
  });
  return rows.map((v) => {
    const i = v.indicator;
    const values = { baseline: decimal(v.baseline), target: decimal(v.target), actual: decimal(v.actual) };
    const status = indicatorStatus({ kind: i.kind, direction: i.direction, ...values });
    const countsPeople = indicatorCountsPeople(i);
    const { record, suppressedFields } = countsPeople ? withholdSmallCounts(values, ["baseline", "target", "actual"]) : { record: values, suppressedFields: [] };
    return PublicIndicatorValueSchema.parse({
      key: `${v.contractId}:${i.code}:${v.year}`,
      contractId: v.contractId,
      departmentCode: v.contract.departmentCode,
      frameworkCode: v.contract.framework.code,
      commitmentCode: i.objective.commitment.code,
      objectiveCode: i.objective.code,
      indicatorCode: i.code,
      indicatorLabel: i.label,
      kind: i.kind,
      direction: i.direction,
      unit: i.unit,
      countsPeople,
      year: v.year,
      ...record,
      status,
      statusLabel: INDICATOR_STATUS_LABELS[status],
      suppressedFields,
      updatedAt: v.updatedAt.toISOString(),
      sourceUrl: v.sourceUrl,
      source: publicSource(v),
      isDemo: v.isDemo,
    });
  });
}

// ───────────────────────── Context figures ─────────────────────────

export async function readContextFigures(departmentCode?: string): Promise<PublicContextFigure[]> {
  const rows = await db().departmentContextFigure.findMany({
    where: departmentCode ? { departmentCode } : {},
    select: {
      departmentCode: true,
      year: true,
      childProtectionBudgetCents: true,
      childrenFollowedByAse: true,
      disabilitySharePercent: true,
      note: true,
      sourceUrl: true,
      sourceQuote: true,
      sourceCheckedOn: true,
      isDemo: true,
      updatedAt: true,
    },
    orderBy: [{ departmentCode: "asc" }, { year: "asc" }],
  });
  return rows.map((f) => {
    const counts = { childrenFollowedByAse: f.childrenFollowedByAse, disabilitySharePercent: decimal(f.disabilitySharePercent) };
    const { record, suppressedFields } = withholdSmallCounts(counts, ["childrenFollowedByAse"], ["disabilitySharePercent"]);
    return PublicContextFigureSchema.parse({
      key: `${f.departmentCode}:${f.year}`,
      departmentCode: f.departmentCode,
      year: f.year,
      childProtectionBudgetCents: f.childProtectionBudgetCents === null ? null : Number(f.childProtectionBudgetCents),
      ...record,
      note: f.note,
      suppressedFields,
      updatedAt: f.updatedAt.toISOString(),
      sourceUrl: f.sourceUrl,
      source: publicSource(f),
      isDemo: f.isDemo,
    });
  });
}

// ───────────────────────── Freshness ─────────────────────────

/**
 * The latest change among published records (contracts, their actions — archived ones too, since
 * archiving removes one from view —, funding lines and indicator values) and context figures; of one
 * department, or of the whole dataset. A deleted funding line leaves no date behind.
 */
export async function readFreshness(departmentCode?: string): Promise<string | null> {
  const ids = await publishedContractIds(departmentCode);
  const department = departmentCode ?? null;
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT GREATEST(
      (SELECT max("updatedAt") FROM "Contract" WHERE id = ANY(${ids})),
      (SELECT max("updatedAt") FROM "Action" WHERE "contractId" = ANY(${ids})),
      (SELECT max("updatedAt") FROM "FundingLine" WHERE "contractId" = ANY(${ids})),
      (SELECT max("updatedAt") FROM "IndicatorValue" WHERE "contractId" = ANY(${ids})),
      (SELECT max("updatedAt") FROM "DepartmentContextFigure" WHERE ${department}::text IS NULL OR "departmentCode" = ${department}::text)
    ) AS at`;
  return row?.at ? new Date(row.at).toISOString() : null;
}

// ───────────────────────── A department's page ─────────────────────────

export type PublicDepartmentBundle = {
  department: PublicDepartment;
  contracts: PublicContractDetail[];
  actions: PublicAction[];
  indicators: PublicIndicatorValue[];
  contextFigures: PublicContextFigure[];
  updatedAt: string | null;
};

/** Everything public about one department (every published contract in full); null for an unknown code. */
export async function readDepartmentBundle(code: string): Promise<PublicDepartmentBundle | null> {
  const [department] = await readDepartments(code);
  if (!department) return null;
  const rows = await readContractRows(code);
  const contracts = toPublicContracts(rows, await contractStats(rows.map((c) => c.id)));
  const [details, actions, indicators, contextFigures, updatedAt] = await Promise.all([
    Promise.all(rows.map((row, i) => readContractDetail(row, contracts[i]))),
    readActions(code),
    readIndicators(code),
    readContextFigures(code),
    readFreshness(code),
  ]);
  return { department, contracts: details, actions, indicators, contextFigures, updatedAt };
}
