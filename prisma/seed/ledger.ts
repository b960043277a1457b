// Deterministic generation of demo figures: the funding ledger and indicator values of a contract.
// Pure functions: the seed, the test factories and the benchmark generator all use them.
import type { ActionStatus, Funder, FundingParty, FundingStage, IndicatorKind } from "../../lib/server/generated/prisma/enums";

/** Splits an amount of cents into parts proportional to `weights`, exactly (largest remainder). */
export function splitExactly(total: bigint, weights: number[]): bigint[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error("splitExactly: weights must add up to more than zero");
  const SCALE = 1_000_000n;
  const scaled = weights.map((w) => BigInt(Math.round((w / sum) * Number(SCALE))));
  const scaledSum = scaled.reduce((a, b) => a + b, 0n);
  const raw = scaled.map((s) => (total * s) / scaledSum);
  const remainders = scaled.map((s, i) => ({ i, r: (total * s) % scaledSum }));
  let missing = total - raw.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (missing <= 0n) break;
    raw[i] += 1n;
    missing -= 1n;
  }
  return raw;
}

export const PARTY_FUNDERS: Record<FundingParty, Funder[]> = {
  STATE: ["STATE_P304"],
  ARS: ["ARS_FIR", "ARS_ONDAM_MS"],
  DEPARTMENT: ["DEPARTMENT"],
  OTHER: ["OTHER"],
};

/** Demo split of the ARS share between FIR and ONDAM médico-social when no source says. */
export const DEFAULT_FUNDER_SPLIT: Partial<Record<Funder, number>> = { ARS_FIR: 0.7, ARS_ONDAM_MS: 0.3 };

/** Percent of the planned amount reached at each stage, by action status (demo). */
const STAGE_PERCENT: Record<ActionStatus, Record<Exclude<FundingStage, "PLANNED">, number>> = {
  DONE: { NOTIFIED: 100, COMMITTED: 100, PAID: 100 },
  IN_PROGRESS: { NOTIFIED: 100, COMMITTED: 90, PAID: 70 },
  NOT_STARTED: { NOTIFIED: 100, COMMITTED: 0, PAID: 0 },
  POSTPONED: { NOTIFIED: 100, COMMITTED: 40, PAID: 20 },
  ABANDONED: { NOTIFIED: 100, COMMITTED: 10, PAID: 10 },
};

export type GeneratedLine = { actionIndex: number; funder: Funder; year: number; stage: FundingStage; amountCents: bigint };

/**
 * Spreads the planned amount of each (year, funder) over the actions by weight, then derives the
 * notified, committed and paid stages from each action's status. The planned lines add up exactly.
 */
export function generateLedger(input: {
  plannedByYearFunder: { year: number; funder: Funder; amountCents: bigint }[];
  actions: { status: ActionStatus; weight: number }[];
  lastYear: number;
  /** A contract still running: this year is partly committed and paid, later years only planned. */
  yearInProgress?: number;
  /** A contract ended and closed years ago: whatever was committed has been paid. */
  closed?: boolean;
}): GeneratedLine[] {
  const lines: GeneratedLine[] = [];
  const weights = input.actions.map((a) => a.weight);
  for (const { year, funder, amountCents } of input.plannedByYearFunder) {
    const parts = splitExactly(amountCents / 100n, weights).map((euros, i) => euros * 100n + (i === 0 ? amountCents % 100n : 0n));
    parts.forEach((planned, actionIndex) => {
      if (planned === 0n) return;
      lines.push({ actionIndex, funder, year, stage: "PLANNED", amountCents: planned });
      if (input.yearInProgress !== undefined && year > input.yearInProgress) return;
      const running = year === input.yearInProgress;
      const percent = STAGE_PERCENT[input.actions[actionIndex].status];
      // The last year of a contract is paid later than the others.
      // The year under way is committed and paid only in part.
      const paidPercent = input.closed ? percent.COMMITTED : running ? Math.min(percent.PAID, 40) : year === input.lastYear ? Math.min(percent.PAID, 60) : percent.PAID;
      for (const [stage, pct] of [
        ["NOTIFIED", percent.NOTIFIED],
        ["COMMITTED", running ? Math.min(percent.COMMITTED, 75) : percent.COMMITTED],
        ["PAID", paidPercent],
      ] as const) {
        // Whole euros, as budgets are voted and paid.
        const amount = ((planned / 100n) * BigInt(pct)) / 100n * 100n;
        if (amount > 0n) lines.push({ actionIndex, funder, year, stage, amountCents: amount });
      }
    });
  }
  return lines;
}

/** A stable number in [0, 1) from a text: demo values that do not move between runs. */
export function stableFraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

export type GeneratedIndicatorValue = { year: number; baseline: number | null; target: number | null; actual: number | null };

/** Plausible baseline, target and actual values per year for one indicator of one contract (demo). */
export function generateIndicatorValues(key: string, kind: IndicatorKind, direction: string, years: number[], measuredBefore?: number): GeneratedIndicatorValue[] {
  const values = indicatorValuesForYears(key, kind, direction, years);
  // A year not over yet has its baseline and target, not its measure.
  return measuredBefore === undefined ? values : values.map((v) => (v.year < measuredBefore ? v : { ...v, actual: null }));
}

/**
 * How far from its baseline towards its target an indicator is measured in year i of n (0: baseline,
 * 1: target). The first year moves already, backwards for about a third of the indicators (a first year
 * rarely goes to plan); later years go 60 % to 110 % of the way planned by then.
 */
export function measuredProgress(key: string, year: number, i: number, n: number): number {
  if (i === 0) {
    const f = stableFraction(`${key}:${year}:first`);
    return f < 0.3 ? -(0.05 + 0.5 * f) : 0.08 + (0.4 * (f - 0.3)) / 0.7;
  }
  const t = n === 1 ? 1 : i / (n - 1);
  return t * (0.6 + 0.5 * stableFraction(`${key}:${year}`));
}

function indicatorValuesForYears(key: string, kind: IndicatorKind, direction: string, years: number[]): GeneratedIndicatorValue[] {
  const r = stableFraction(key);
  const n = years.length;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  /** The measure at `progress` of the way, rounded, and never equal to the baseline unless it does not move. */
  const measure = (baseline: number, target: number, progress: number, round: (x: number) => number) => {
    const value = round(baseline + (target - baseline) * progress);
    if (value !== baseline || progress === 0 || target === baseline) return value;
    const step = round === round1 ? 0.1 : 1;
    return round(baseline + Math.sign((target - baseline) * progress) * step);
  };
  return years.map((year, i) => {
    const p = measuredProgress(key, year, i, n);
    switch (kind) {
      case "RATE": {
        const baseline = round1(45 + 30 * r);
        const target = Math.min(100, round1(baseline + 20));
        return { year, baseline, target, actual: Math.min(100, Math.max(0, measure(baseline, target, p, round1))) };
      }
      case "DELAY_DAYS": {
        const baseline = Math.round(120 + 90 * r);
        const target = direction === "NEUTRAL" ? null : 90;
        return { year, baseline, target, actual: measure(baseline, target ?? Math.round(baseline * 0.9), p, Math.round) };
      }
      case "MILESTONE":
        return { year, baseline: 0, target: 1, actual: p >= 0.7 ? 1 : 0 };
      case "AMOUNT": {
        const baseline = Math.round(50_000 + 150_000 * r);
        return { year, baseline, target: baseline * 2, actual: Math.max(0, measure(baseline, baseline * 2, p, Math.round)) };
      }
      default: {
        const baseline = Math.round(20 + 200 * r);
        const target = direction === "LOWER_IS_BETTER" ? Math.round(baseline * 0.7) : Math.round(baseline * 1.5);
        return { year, baseline, target, actual: Math.max(0, measure(baseline, target, p, Math.round)) };
      }
    }
  });
}
