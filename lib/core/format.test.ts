import { describe, expect, it } from "vitest";
import { formatDate, formatEuros, formatEurosCompact, formatPercent, formatShortDate, plainSpaces } from "./format";

const euros = (e: number) => e * 100;

describe("formatEuros", () => {
  it("writes whole euros with French thousands separators", () => {
    expect(plainSpaces(formatEuros(euros(835_000)))).toBe("835 000 €");
  });
  it("shows cents only when there are some", () => {
    expect(plainSpaces(formatEuros(123_456))).toBe("1 234,56 €");
    expect(plainSpaces(formatEuros(2_551_284_00n))).toBe("2 551 284 €");
  });
});

describe("formatEurosCompact", () => {
  it("writes millions with one decimal and a comma", () => {
    expect(plainSpaces(formatEurosCompact(euros(8_400_000)))).toBe("8,4 M€");
    expect(plainSpaces(formatEurosCompact(euros(15_400_000)))).toBe("15,4 M€");
    expect(plainSpaces(formatEurosCompact(euros(1_600_000)))).toBe("1,6 M€");
  });
  it("writes thousands in k€ and small amounts exactly", () => {
    expect(plainSpaces(formatEurosCompact(euros(835_000)))).toBe("835 k€");
    expect(plainSpaces(formatEurosCompact(123_450))).toBe("1 234,50 €");
    expect(plainSpaces(formatEurosCompact(euros(9_999)))).toBe("9 999 €");
  });
  it("drops a trailing zero decimal", () => {
    expect(plainSpaces(formatEurosCompact(euros(2_000_000)))).toBe("2 M€");
  });
});

describe("dates", () => {
  it("writes dates in full French", () => {
    expect(formatDate("2020-09-28")).toBe("28 septembre 2020");
    expect(formatDate(new Date("2022-07-29T00:00:00Z"))).toBe("29 juillet 2022");
  });
  it("writes the first of the month as 1er", () => {
    expect(formatDate("2020-01-01")).toBe("1er janvier 2020");
  });
  it("writes short dates as dd/mm/yyyy", () => {
    expect(formatShortDate("2020-09-28")).toBe("28/09/2020");
  });
});

describe("formatPercent", () => {
  it("uses a decimal comma", () => {
    expect(plainSpaces(formatPercent(33.33))).toBe("33,3 %");
    expect(plainSpaces(formatPercent(100))).toBe("100 %");
  });
});
