import { describe, expect, it } from "vitest";
import { generateIndicatorValues, generateLedger, measuredProgress, splitExactly } from "./ledger";

describe("splitExactly", () => {
  it("keeps every cent and follows the weights", () => {
    const parts = splitExactly(840_000_000n, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(840_000_000n);
    expect(parts).toEqual([280_000_000n, 280_000_000n, 280_000_000n]);
  });
  it("hands the odd cents to the largest remainders", () => {
    const parts = splitExactly(100n, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(100n);
    expect(parts.sort()).toEqual([33n, 33n, 34n]);
  });
  it("refuses weights that add up to nothing", () => {
    expect(() => splitExactly(10n, [0, 0])).toThrow();
  });
});

describe("generateLedger", () => {
  const lines = generateLedger({
    plannedByYearFunder: [
      { year: 2021, funder: "STATE_P304", amountCents: 1_000_001n },
      { year: 2022, funder: "DEPARTMENT", amountCents: 500_000n },
    ],
    actions: [
      { status: "DONE", weight: 2 },
      { status: "NOT_STARTED", weight: 1 },
    ],
    lastYear: 2022,
  });
  const sum = (stage: string, year?: number) =>
    lines.filter((l) => l.stage === stage && (year === undefined || l.year === year)).reduce((a, l) => a + l.amountCents, 0n);

  it("plans exactly the amounts given", () => {
    expect(sum("PLANNED", 2021)).toBe(1_000_001n);
    expect(sum("PLANNED", 2022)).toBe(500_000n);
  });
  it("never pays more than is committed, nor commits more than is planned", () => {
    expect(sum("PAID")).toBeLessThanOrEqual(sum("COMMITTED"));
    expect(sum("COMMITTED")).toBeLessThanOrEqual(sum("PLANNED"));
  });
  it("commits nothing for an action not started", () => {
    expect(lines.some((l) => l.actionIndex === 1 && l.stage === "COMMITTED")).toBe(false);
  });
  it("leaves the last year partly unpaid, unless the contract is closed: then all that was committed is paid", () => {
    expect(sum("PAID", 2022)).toBeLessThan(sum("COMMITTED", 2022));
    const closed = generateLedger({
      plannedByYearFunder: [{ year: 2022, funder: "DEPARTMENT", amountCents: 500_000n }],
      actions: [{ status: "IN_PROGRESS", weight: 1 }],
      lastYear: 2022,
      closed: true,
    });
    const stage = (s: string) => closed.filter((l) => l.stage === s).reduce((a, l) => a + l.amountCents, 0n);
    expect(stage("PAID")).toBe(stage("COMMITTED"));
    expect(stage("PAID")).toBeGreaterThan(0n);
  });
});

describe("generateIndicatorValues", () => {
  it("is stable between runs and keeps rates within 0-100", () => {
    const a = generateIndicatorValues("77:O2-I1", "RATE", "HIGHER_IS_BETTER", [2020, 2021, 2022]);
    const b = generateIndicatorValues("77:O2-I1", "RATE", "HIGHER_IS_BETTER", [2020, 2021, 2022]);
    expect(a).toEqual(b);
    for (const v of a) {
      expect(v.actual).toBeGreaterThanOrEqual(0);
      expect(v.actual).toBeLessThanOrEqual(100);
    }
  });

  it("moves the first year from its baseline, towards the target for most indicators and away from it for some", () => {
    const kinds = [
      ["RATE", "HIGHER_IS_BETTER"],
      ["DELAY_DAYS", "LOWER_IS_BETTER"],
      ["COUNT", "HIGHER_IS_BETTER"],
      ["COUNT", "LOWER_IS_BETTER"],
      ["AMOUNT", "HIGHER_IS_BETTER"],
    ] as const;
    let towards = 0;
    let away = 0;
    for (const code of ["77", "63", "04", "03", "59", "71", "10"]) {
      for (const [n, [kind, direction]] of kinds.entries()) {
        const [first] = generateIndicatorValues(`${code}:O${n}-I1`, kind, direction, [2025, 2026, 2027], 2026);
        expect(first.actual, `${code} ${kind}`).not.toBe(first.baseline);
        const gap = (v: number) => Math.abs(first.target! - v);
        if (gap(first.actual!) < gap(first.baseline!)) towards++;
        else away++;
      }
    }
    expect(towards).toBeGreaterThan(away);
    expect(away).toBeGreaterThan(0);
  });

  it("keeps the later years' measures and leaves the year under way unmeasured", () => {
    const values = generateIndicatorValues("77:O2-I1", "RATE", "HIGHER_IS_BETTER", [2025, 2026, 2027], 2026);
    expect(values.map((v) => v.year)).toEqual([2025, 2026, 2027]);
    expect(values[0].actual).not.toBeNull();
    expect(values[1].actual).toBeNull();
    expect(values[2].actual).toBeNull();
    expect(measuredProgress("77:O2-I1", 2027, 2, 3)).toBeGreaterThanOrEqual(0.6);
  });
});
