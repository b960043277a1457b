import { describe, expect, it } from "vitest";
import { contractYears, isPlausibleIsoDay, isRealIsoDay, isWithinPeriod, isoDay, periodYears, todayIso, yearOf } from "./dates";

describe("ISO days", () => {
  it("writes a Date's UTC day and checks that a day exists", () => {
    expect(isoDay(new Date("2021-03-01T23:30:00Z"))).toBe("2021-03-01");
    expect(isoDay(null)).toBeNull();
    expect(todayIso(new Date("2024-02-29T12:00:00Z"))).toBe("2024-02-29");
    expect(isRealIsoDay("2024-02-29")).toBe(true);
    expect(isRealIsoDay("2021-02-29")).toBe(false);
    expect(isRealIsoDay("01/02/2021")).toBe(false);
  });

  it("keeps days within the plausible range", () => {
    expect(isPlausibleIsoDay("2000-01-01")).toBe(true);
    expect(isPlausibleIsoDay("2100-12-31")).toBe(true);
    expect(isPlausibleIsoDay("1999-12-31")).toBe(false);
    expect(isPlausibleIsoDay("2101-01-01")).toBe(false);
  });
});

describe("contract years and periods", () => {
  it("lists the years a period covers, from text or Dates", () => {
    expect(contractYears("2021-01-01", "2022-12-31")).toEqual([2021, 2022]);
    expect(contractYears(new Date("2020-10-01T00:00:00Z"), new Date("2022-12-31T00:00:00Z"))).toEqual([2020, 2021, 2022]);
    expect(contractYears("2023-01-01", "2022-12-31")).toEqual([]);
    expect(periodYears("2021-01-01", "2022-12-31")).toEqual({ firstYear: 2021, lastYear: 2022 });
    expect(yearOf("2021-06-30")).toBe(2021);
  });

  it("tells whether a day falls within a period, bounds included", () => {
    const period = { start: "2021-01-01", end: "2022-12-31" };
    expect(isWithinPeriod("2021-01-01", period)).toBe(true);
    expect(isWithinPeriod("2022-12-31", period)).toBe(true);
    expect(isWithinPeriod("2023-01-01", period)).toBe(false);
  });
});
