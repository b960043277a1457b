// The report's figures, assembled by one pure function from query results, and compared year to year.
import { ACTION_STATUSES, isActionLate, type ActionStatus } from "../actions/schemas";
import { FUNDERS, FUNDING_STAGES, emptyStageTotals, type Funder, type FundingStage } from "../funding/schemas";
import type { IndicatorKind } from "../indicators/schemas";
import { formatIndicatorValue, indicatorStatus, type IndicatorStatus } from "../indicators/status";
import type { ReportSnapshot, SnapshotContext, SnapshotDiff, SnapshotIndicator } from "./schemas";

export type SnapshotInput = {
  year: number;
  takenAt: Date;
  department: { code: string; name: string; regionName: string };
  contract: { id: string; frameworkCode: string; wave: number; periodStart: string; periodEnd: string };
  actions: { reference: string; title: string; status: ActionStatus; progress: number; endDate: string | null }[];
  /** SQL sums for the year, one row per funder × stage. */
  funding: { funder: Funder; stage: FundingStage; amountCents: number }[];
  indicators: SnapshotIndicator[];
  context: SnapshotContext;
};

/** "Late" is judged at the end of the report's year (or at `takenAt` if earlier), so a frozen report stays true to its year. */
export function buildReportSnapshot(input: SnapshotInput): ReportSnapshot {
  const yearEnd = new Date(Date.UTC(input.year, 11, 31));
  const judgedOn = input.takenAt < yearEnd ? input.takenAt : yearEnd;
  const actions = [...input.actions]
    .sort((a, b) => a.reference.localeCompare(b.reference, "fr", { numeric: true }))
    .map((a) => ({ ...a, isLate: isActionLate(a, judgedOn) }));
  const actionCounts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length])) as Record<ActionStatus, number>;
  const byFunder = new Map<Funder, ReturnType<typeof emptyStageTotals>>();
  const fundingTotals = emptyStageTotals();
  for (const row of input.funding) {
    if (!byFunder.has(row.funder)) byFunder.set(row.funder, emptyStageTotals());
    byFunder.get(row.funder)![row.stage] += row.amountCents;
    fundingTotals[row.stage] += row.amountCents;
  }
  return {
    schema: 1,
    takenAt: input.takenAt.toISOString(),
    year: input.year,
    department: input.department,
    contract: input.contract,
    actions,
    actionCounts,
    funding: FUNDERS.flatMap((funder) => (byFunder.has(funder) ? [{ funder, ...byFunder.get(funder)! }] : [])),
    fundingTotals,
    indicators: [...input.indicators].sort((a, b) => a.code.localeCompare(b.code, "fr", { numeric: true })),
    context: input.context,
  };
}

/** What moved between the last adopted report and this one (new, changed or gone actions; totals; indicator actuals). */
export function diffSnapshots(previous: ReportSnapshot, current: ReportSnapshot): SnapshotDiff {
  const before = new Map(previous.actions.map((a) => [a.reference, a]));
  const after = new Map(current.actions.map((a) => [a.reference, a]));
  const references = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a.localeCompare(b, "fr", { numeric: true }));
  const actions = references.flatMap((reference) => {
    const b = before.get(reference);
    const a = after.get(reference);
    if (b && a && b.status === a.status && b.progress === a.progress) return [];
    return [{ reference, title: (a ?? b)!.title, before: b ? { status: b.status, progress: b.progress } : null, after: a ? { status: a.status, progress: a.progress } : null }];
  });
  const fundingTotals = emptyStageTotals();
  for (const stage of FUNDING_STAGES) fundingTotals[stage] = current.fundingTotals[stage] - previous.fundingTotals[stage];
  const previousIndicators = new Map(previous.indicators.map((i) => [i.code, i]));
  const indicators = current.indicators.flatMap((i) => {
    const was = previousIndicators.get(i.code)?.actual ?? null;
    return was === i.actual ? [] : [{ code: i.code, label: i.label, unit: i.unit, kind: i.kind, before: was, after: i.actual }];
  });
  return { sinceYear: previous.year, actions, fundingTotals, previousFundingTotals: previous.fundingTotals, indicators };
}

const KIND_BY_UNIT: Record<string, IndicatorKind> = { "%": "RATE", "oui/non": "MILESTONE", "€": "AMOUNT", jours: "DELAY_DAYS" };

/** How an indicator of the report reads: its values as the indicators page writes them, and whether the target is met. */
export function indicatorDisplay(i: Pick<SnapshotIndicator, "unit" | "kind"> & Partial<Pick<SnapshotIndicator, "direction" | "baseline" | "target" | "actual">>) {
  const kind = i.kind ?? KIND_BY_UNIT[i.unit] ?? "COUNT";
  return {
    format: (value: number | null) => formatIndicatorValue(kind, i.unit, value),
    status: i.direction ? indicatorStatus({ kind, direction: i.direction, baseline: i.baseline ?? null, target: i.target ?? null, actual: i.actual ?? null }) : (null as IndicatorStatus | null),
  };
}
