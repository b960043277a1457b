import "server-only";
import { can, contractScopeWhere, type Territory, type Viewer } from "../server/authz";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";
import { reconcileFunding, type Reconciliation } from "./reconciliation";
import {
  FUNDERS,
  contractYears,
  emptyStageTotals,
  type ActionOption,
  type Funder,
  type FundingLineRow,
  type FundingLineValues,
  type FundingStage,
  type StageTotals,
} from "./schemas";
import { isoDay } from "../core/dates";

export type ContractFunding = {
  byYear: ({ year: number } & StageTotals)[];
  byFunder: ({ funder: Funder } & StageTotals)[];
  totals: StageTotals;
};

/** Ledger totals of one contract per year and per funder, each stage summed in SQL (GROUP BY). */
export async function fundingOfContract(contractId: string): Promise<ContractFunding> {
  const groups = await db().fundingLine.groupBy({
    by: ["year", "funder", "stage"],
    where: { contractId },
    _sum: { amountCents: true },
    orderBy: [{ year: "asc" }],
  });
  const byYear = new Map<number, { year: number } & StageTotals>();
  const byFunder = new Map<Funder, { funder: Funder } & StageTotals>();
  const totals = emptyStageTotals();
  for (const g of groups) {
    const amount = Number(g._sum.amountCents ?? 0n);
    const stage = g.stage as FundingStage;
    if (!byYear.has(g.year)) byYear.set(g.year, { year: g.year, ...emptyStageTotals() });
    if (!byFunder.has(g.funder)) byFunder.set(g.funder, { funder: g.funder, ...emptyStageTotals() });
    byYear.get(g.year)![stage] += amount;
    byFunder.get(g.funder)![stage] += amount;
    totals[stage] += amount;
  }
  return {
    byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
    byFunder: FUNDERS.flatMap((f) => (byFunder.has(f) ? [byFunder.get(f)!] : [])),
    totals,
  };
}

// ───────────────────────── The ledger page ─────────────────────────

const cents = (v: bigint | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

export function toLineValues(l: {
  id: string; contractId: string; actionId: string | null; funder: Funder; year: number; stage: FundingStage; amountCents: bigint; version: number; updatedAt: Date;
}): FundingLineValues {
  return {
    id: l.id,
    contractId: l.contractId,
    actionId: l.actionId,
    funder: l.funder,
    year: l.year,
    stage: l.stage,
    amountCents: Number(l.amountCents),
    version: l.version,
    updatedAt: l.updatedAt.toISOString(),
  };
}

const actionLabel = (a: { reference: string; title: string; archivedAt: Date | null }) => `${a.reference} — ${a.title}${a.archivedAt ? " (archivée)" : ""}`;

/** Per year × stage and per funder × stage, each cell summed by PostgreSQL. */
export async function ledgerTotals(contractId: string) {
  const [byYearStage, byFunderStage] = await Promise.all([
    db().fundingLine.groupBy({ by: ["year", "stage"], where: { contractId }, _sum: { amountCents: true }, orderBy: [{ year: "asc" }] }),
    db().fundingLine.groupBy({ by: ["funder", "stage"], where: { contractId }, _sum: { amountCents: true } }),
  ]);
  const years = new Map<number, { year: number } & StageTotals>();
  const funders = new Map<Funder, { funder: Funder } & StageTotals>();
  const totals = emptyStageTotals();
  for (const g of byYearStage) {
    if (!years.has(g.year)) years.set(g.year, { year: g.year, ...emptyStageTotals() });
    years.get(g.year)![g.stage] = cents(g._sum.amountCents);
    totals[g.stage] += cents(g._sum.amountCents);
  }
  for (const g of byFunderStage) {
    if (!funders.has(g.funder)) funders.set(g.funder, { funder: g.funder, ...emptyStageTotals() });
    funders.get(g.funder)![g.stage] = cents(g._sum.amountCents);
  }
  return {
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    byFunder: FUNDERS.flatMap((f) => (funders.has(f) ? [funders.get(f)!] : [])),
    totals,
  };
}

/** The ledger against the avenants and the contract, from SQL sums. */
export async function contractReconciliation(contractId: string, actionLabels: Record<string, string>): Promise<Reconciliation> {
  const [byYearFunder, byAction, amendments, contractAmounts] = await Promise.all([
    db().fundingLine.groupBy({ by: ["year", "funder", "stage"], where: { contractId }, _sum: { amountCents: true } }),
    db().fundingLine.groupBy({ by: ["actionId", "year", "funder", "stage"], where: { contractId, actionId: { not: null } }, _sum: { amountCents: true } }),
    db().amendment.findMany({ where: { contractId }, include: { amounts: true } }),
    db().contractAmount.findMany({ where: { contractId } }),
  ]);
  return reconcileFunding({
    byYearFunder: byYearFunder.map((g) => ({ year: g.year, funder: g.funder, stage: g.stage, amountCents: cents(g._sum.amountCents) })),
    byAction: byAction.map((g) => ({ actionId: g.actionId!, year: g.year, funder: g.funder, stage: g.stage, amountCents: cents(g._sum.amountCents) })),
    amendments: amendments.flatMap((a) => a.amounts.map((m) => ({ year: a.year, funder: m.funder, amountCents: cents(m.amountCents) }))),
    amendmentYears: amendments.map((a) => a.year),
    contractAmounts: contractAmounts.map((a) => ({ party: a.party, amountCents: cents(a.amountCents) })),
    actionLabels,
  });
}

export type FundingLedger = {
  department: { code: string; name: string };
  contract: { id: string; frameworkCode: string; periodStart: string; periodEnd: string; years: number[] } | null;
  canEdit: boolean;
  actions: ActionOption[];
  lines: FundingLineRow[];
  filter: { year: number | null; funder: Funder | null };
  totals: Awaited<ReturnType<typeof ledgerTotals>>;
  reconciliation: Reconciliation;
};

/** A department's funding ledger (its most recent contract in scope); null when the viewer may not read its non-public data. */
export async function getFundingLedger(viewer: Viewer, code: string, filter: { year?: number | null; funder?: Funder | null } = {}): Promise<FundingLedger | null> {
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return null;
  const [department, contract] = await Promise.all([
    db().department.findUniqueOrThrow({ where: { code }, select: { code: true, name: true } }),
    db().contract.findFirst({
      where: { AND: [contractScopeWhere(viewer), { departmentCode: code }] },
      include: { framework: { select: { code: true } }, actions: { orderBy: { reference: "asc" } } },
      orderBy: { periodStart: "desc" },
    }),
  ]);
  const canEdit = can(viewer, "funding.edit", territory);
  const applied = { year: filter.year ?? null, funder: filter.funder ?? null };
  if (!contract) {
    return { department, contract: null, canEdit, actions: [], lines: [], filter: applied, totals: { byYear: [], byFunder: [], totals: emptyStageTotals() }, reconciliation: { byYearFunder: [], byParty: [], warnings: [] } };
  }
  const labels = Object.fromEntries(contract.actions.map((a) => [a.id, actionLabel(a)]));
  const [lines, totals, reconciliation] = await Promise.all([
    db().fundingLine.findMany({
      where: { contractId: contract.id, ...(applied.year ? { year: applied.year } : {}), ...(applied.funder ? { funder: applied.funder } : {}) },
      include: { action: { select: { reference: true } } },
      orderBy: [{ year: "asc" }, { action: { reference: "asc" } }, { funder: "asc" }, { stage: "asc" }, { createdAt: "asc" }],
    }),
    ledgerTotals(contract.id),
    contractReconciliation(contract.id, labels),
  ]);
  return {
    department,
    contract: {
      id: contract.id,
      frameworkCode: contract.framework.code,
      periodStart: isoDay(contract.periodStart),
      periodEnd: isoDay(contract.periodEnd),
      years: contractYears(contract.periodStart, contract.periodEnd),
    },
    canEdit,
    actions: contract.actions.map((a) => ({ id: a.id, label: actionLabel(a), archived: a.archivedAt !== null })),
    lines: lines.map((l) => ({ ...toLineValues(l), actionLabel: l.actionId ? (labels[l.actionId] ?? null) : null, sourceUrl: l.sourceUrl, isDemo: l.isDemo })),
    filter: applied,
    totals,
    reconciliation,
  };
}

export type FundingLineForEdit = {
  values: FundingLineValues;
  territory: Territory;
  department: { code: string; name: string };
  years: number[];
  actions: ActionOption[];
  canEdit: boolean;
};

/** One ledger line with what its form needs; null when unknown or out of the viewer's scope. */
export async function getFundingLineForEdit(viewer: Viewer, lineId: string): Promise<FundingLineForEdit | null> {
  const line = await db().fundingLine.findFirst({
    where: { id: lineId, contract: contractScopeWhere(viewer) },
    include: { contract: { include: { department: true, actions: { orderBy: { reference: "asc" } } } } },
  });
  if (!line) return null;
  const { contract } = line;
  const territory = { departmentCode: contract.departmentCode, regionCode: contract.department.regionCode };
  if (!can(viewer, "contract.read", territory)) return null;
  return {
    values: toLineValues(line),
    territory,
    department: { code: contract.department.code, name: contract.department.name },
    years: contractYears(contract.periodStart, contract.periodEnd),
    actions: contract.actions.map((a) => ({ id: a.id, label: actionLabel(a), archived: a.archivedAt !== null })),
    canEdit: can(viewer, "funding.edit", territory),
  };
}
