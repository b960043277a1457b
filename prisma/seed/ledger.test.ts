import { describe, expect, it } from "vitest";
import { generateIndicatorValues, generateLedger, splitExactly } from "./ledger";

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
});
