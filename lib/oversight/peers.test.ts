import { describe, expect, it } from "vitest";
import { gapToMedian, median, peerMedians } from "./peers";

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the two middle values of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("ignores unknown values and returns null when none is known", () => {
    expect(median([null, 10, undefined, 30, Number.NaN])).toBe(20);
    expect(median([])).toBeNull();
    expect(median([null, null])).toBeNull();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("peer medians", () => {
  it("computes each measure over the departments that have it", () => {
    const medians = peerMedians([
      { spendingRate: 50, lateShare: 0, targetShare: null, averageProgress: 40 },
      { spendingRate: 70, lateShare: 20, targetShare: 60, averageProgress: 60 },
      { spendingRate: 90, lateShare: null, targetShare: 80, averageProgress: null },
    ]);
    expect(medians).toEqual({ spendingRate: 70, lateShare: 10, targetShare: 70, averageProgress: 50, departmentCount: 3 });
  });

  it("gives the gap in points, or null", () => {
    expect(gapToMedian(55, 70)).toBe(-15);
    expect(gapToMedian(null, 70)).toBeNull();
    expect(gapToMedian(55, null)).toBeNull();
  });
});
