import "server-only";
import { isActionLate } from "../actions/schemas";
import { FUNDING_PARTIES, type FundingParty } from "../funding/schemas";
import { contractScopeWhere, type Viewer } from "../server/authz";
import { Prisma, db } from "../server/db";
import type {
  ActionRow,
  CommitmentProgress,
  ContractDetail,
  ContractSummary,
  DepartmentDashboard,
  NationalTotals,
} from "./schemas";
import { fundingOfContract } from "../funding/queries";
import { isoDay } from "../core/dates";

const cents = (v: bigint | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

const contractInclude = {
  department: { include: { region: true } },
  framework: true,
  amounts: true,
} satisfies Prisma.ContractInclude;

type ContractWithRelations = Prisma.ContractGetPayload<{ include: typeof contractInclude }>;

type ActionStats = { contractId: string; actions: number; average: number | null };

/** Action count and average progress (abandoned actions left out of the average), per contract, in SQL. */
async function actionStats(contractIds: string[]): Promise<Map<string, ActionStats>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db().$queryRaw<ActionStats[]>`
    SELECT "contractId",
           count(*)::int AS actions,
           (avg(progress) FILTER (WHERE status <> 'ABANDONED'))::float8 AS average
    FROM "Action"
    WHERE "archivedAt" IS NULL AND "contractId" = ANY(${contractIds})
    GROUP BY "contractId"`;
  return new Map(rows.map((r) => [r.contractId, r]));
}

function toSummary(c: ContractWithRelations, stats: ActionStats | undefined): ContractSummary {
  const amounts = FUNDING_PARTIES.flatMap((party) => {
    const a = c.amounts.find((x) => x.party === party);
    return a ? [{ party, amountCents: cents(a.amountCents), sourceUrl: a.sourceUrl, isDemo: a.isDemo }] : [];
  });
  return {
    id: c.id,
    departmentCode: c.departmentCode,
    departmentName: c.department.name,
    regionName: c.department.region.name,
    frameworkCode: c.framework.code,
    frameworkName: c.framework.name,
    wave: c.wave,
    status: c.status,
    signedOn: isoDay(c.signedOn),
    periodStart: isoDay(c.periodStart)!,
    periodEnd: isoDay(c.periodEnd)!,
    amounts,
    totalCents: amounts.reduce((s, a) => s + a.amountCents, 0),
    actionCount: stats?.actions ?? 0,
    averageProgress: stats?.average ?? null,
    sourceUrl: c.sourceUrl,
    isDemo: c.isDemo,
  };
}

export async function listContractSummaries(viewer: Viewer): Promise<ContractSummary[]> {
  const contracts = await db().contract.findMany({
    where: contractScopeWhere(viewer),
    include: contractInclude,
    orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }],
  });
  const stats = await actionStats(contracts.map((c) => c.id));
  return contracts.map((c) => toSummary(c, stats.get(c.id)));
}

export async function getNationalTotals(viewer: Viewer): Promise<NationalTotals> {
  const where = contractScopeWhere(viewer);
  const [byParty, contractCount, departments] = await Promise.all([
    db().contractAmount.groupBy({ by: ["party"], where: { contract: where }, _sum: { amountCents: true } }),
    db().contract.count({ where }),
    db().contract.groupBy({ by: ["departmentCode"], where }),
  ]);
  const parties = FUNDING_PARTIES.map((party: FundingParty) => ({
    party,
    amountCents: cents(byParty.find((r) => r.party === party)?._sum.amountCents),
  })).filter((p) => p.amountCents > 0);
  return {
    contractCount,
    departmentCount: departments.length,
    byParty: parties,
    totalCents: parties.reduce((s, p) => s + p.amountCents, 0),
  };
}

/** Average progress per commitment of the contract's framework, computed in SQL. */
export async function commitmentProgress(contractId: string, frameworkId: string): Promise<CommitmentProgress[]> {
  const rows = await db().$queryRaw<
    { code: string; title: string; isCrossCutting: boolean; actionCount: number; doneCount: number; averageProgress: number | null }[]
  >`
    SELECT c.code, c.title, c."isCrossCutting",
           count(a.id)::int AS "actionCount",
           (count(a.id) FILTER (WHERE a.status = 'DONE'))::int AS "doneCount",
           (avg(a.progress) FILTER (WHERE a.status <> 'ABANDONED'))::float8 AS "averageProgress"
    FROM "Commitment" c
    LEFT JOIN "Objective" o ON o."commitmentId" = c.id
    LEFT JOIN "Action" a ON a."objectiveId" = o.id AND a."contractId" = ${contractId} AND a."archivedAt" IS NULL
    WHERE c."frameworkId" = ${frameworkId}
    GROUP BY c.id
    ORDER BY c.position`;
  return rows;
}

async function contractDetail(c: ContractWithRelations): Promise<ContractDetail> {
  const [stats, commitments, funding, actions] = await Promise.all([
    actionStats([c.id]),
    commitmentProgress(c.id, c.frameworkId),
    fundingOfContract(c.id),
    db().action.findMany({
      where: { contractId: c.id, archivedAt: null },
      include: { objective: true },
      orderBy: { reference: "asc" },
    }),
  ]);
  const today = new Date();
  const actionRows: ActionRow[] = actions.map((a) => {
    const row = {
      id: a.id,
      reference: a.reference,
      title: a.title,
      purpose: a.purpose,
      objectiveCode: a.objective?.code ?? null,
      objectiveTitle: a.objective?.title ?? null,
      lead: a.lead,
      partners: a.partners,
      startDate: isoDay(a.startDate),
      endDate: isoDay(a.endDate),
      status: a.status,
      progress: a.progress,
      sourceUrl: a.sourceUrl,
      isDemo: a.isDemo,
    };
    return { ...row, isLate: isActionLate(row, today) };
  });
  return {
    ...toSummary(c, stats.get(c.id)),
    signedPlace: c.signedPlace,
    signatories: { state: c.stateSignatory, ars: c.arsSignatory, department: c.departmentSignatory },
    summary: c.summary,
    commitments,
    fundingByYear: funding.byYear,
    fundingByFunder: funding.byFunder,
    fundingTotals: funding.totals,
    actions: actionRows,
  };
}

/** The department page: its most recent contract in full, the others listed; null for an unknown code. */
export async function getDepartmentDashboard(viewer: Viewer, code: string, contractId?: string): Promise<DepartmentDashboard | null> {
  const department = await db().department.findUnique({ where: { code }, include: { region: true } });
  if (!department) return null;
  const [contracts, figures] = await Promise.all([
    db().contract.findMany({
      where: { AND: [contractScopeWhere(viewer), { departmentCode: code }] },
      include: contractInclude,
      orderBy: { periodStart: "desc" },
    }),
    db().departmentContextFigure.findMany({ where: { departmentCode: code }, orderBy: { year: "asc" } }),
  ]);
  const shown = contracts.find((c) => c.id === contractId) ?? contracts[0];
  return {
    department: {
      code: department.code,
      name: department.name,
      regionCode: department.regionCode,
      regionName: department.region.name,
      arsName: department.region.arsName,
      childProtectionBody: department.childProtectionBody,
    },
    contract: shown ? await contractDetail(shown) : null,
    otherContracts: contracts
      .filter((c) => c !== shown)
      .map((c) => ({ id: c.id, frameworkName: c.framework.name, wave: c.wave, status: c.status })),
    contextFigures: figures.map((f) => ({
      year: f.year,
      childProtectionBudgetCents: f.childProtectionBudgetCents === null ? null : cents(f.childProtectionBudgetCents),
      childrenFollowedByAse: f.childrenFollowedByAse,
      disabilitySharePercent: f.disabilitySharePercent?.toNumber() ?? null,
      note: f.note,
      sourceUrl: f.sourceUrl,
      isDemo: f.isDemo,
    })),
  };
}

// Pages read as the public until sign-in exists.
export { PUBLIC_VIEWER } from "../server/authz";
