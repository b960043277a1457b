import { describe, expect, it } from "vitest";
import { plainSpaces } from "../core/format";
import { formatIndicatorValue, indicatorStatus } from "./status";

const status = (kind: Parameters<typeof indicatorStatus>[0]["kind"], direction: Parameters<typeof indicatorStatus>[0]["direction"], baseline: number | null, target: number | null, actual: number | null) =>
  indicatorStatus({ kind, direction, baseline, target, actual });

describe("indicatorStatus", () => {
  it("compares the actual value to the target when higher is better", () => {
    expect(status("RATE", "HIGHER_IS_BETTER", 50, 70, 70)).toBe("met");
    expect(status("RATE", "HIGHER_IS_BETTER", 50, 70, 82.5)).toBe("met");
    expect(status("RATE", "HIGHER_IS_BETTER", 50, 70, 60)).toBe("improving");
    expect(status("RATE", "HIGHER_IS_BETTER", 50, 70, 45)).toBe("behind");
    expect(status("COUNT", "HIGHER_IS_BETTER", null, 70, 60)).toBe("behind");
  });

  it("turns the comparison around when lower is better", () => {
    expect(status("DELAY_DAYS", "LOWER_IS_BETTER", 150, 90, 85)).toBe("met");
    expect(status("DELAY_DAYS", "LOWER_IS_BETTER", 150, 90, 90)).toBe("met");
    expect(status("DELAY_DAYS", "LOWER_IS_BETTER", 150, 90, 120)).toBe("improving");
    expect(status("DELAY_DAYS", "LOWER_IS_BETTER", 150, 90, 160)).toBe("behind");
  });

  it("gives no verdict without an actual value, without a target, or for a neutral indicator", () => {
    expect(status("RATE", "HIGHER_IS_BETTER", 50, 70, null)).toBe("no_actual");
    expect(status("RATE", "HIGHER_IS_BETTER", 50, null, 60)).toBe("no_target");
    expect(status("DELAY_DAYS", "NEUTRAL", 120, 100, 130)).toBe("monitored");
  });

  it("reads a milestone as reached or not, whatever its direction", () => {
    expect(status("MILESTONE", "HIGHER_IS_BETTER", 0, 1, 1)).toBe("met");
    expect(status("MILESTONE", "NEUTRAL", 0, null, 0)).toBe("behind");
    expect(status("MILESTONE", "HIGHER_IS_BETTER", 0, 1, 0)).toBe("behind");
    expect(status("MILESTONE", "HIGHER_IS_BETTER", 0, 0, 0)).toBe("met");
  });
});

describe("formatIndicatorValue", () => {
  it("writes each kind the French way", () => {
    expect(plainSpaces(formatIndicatorValue("RATE", "%", 72.5))).toBe("72,5 %");
    expect(plainSpaces(formatIndicatorValue("COUNT", "nombre", 1200))).toBe("1 200");
    expect(plainSpaces(formatIndicatorValue("COUNT", "places", 80))).toBe("80 places");
    expect(plainSpaces(formatIndicatorValue("DELAY_DAYS", "jours", 90))).toBe("90 jours");
    expect(formatIndicatorValue("MILESTONE", "oui/non", 1)).toBe("Oui");
    expect(formatIndicatorValue("MILESTONE", "oui/non", 0)).toBe("Non");
    expect(plainSpaces(formatIndicatorValue("AMOUNT", "€", 150000))).toBe("150 000 €");
    expect(plainSpaces(formatIndicatorValue("AMOUNT", "€", 1234.5))).toBe("1 234,50 €");
    expect(formatIndicatorValue("RATE", "%", null)).toBe("—");
  });
});
