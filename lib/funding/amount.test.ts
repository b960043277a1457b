import { describe, expect, it } from "vitest";
import { MAX_LINE_CENTS, centsToInput, parseEuroAmount } from "./amount";

const cents = (text: string) => {
  const r = parseEuroAmount(text);
  if (!r.ok) throw new Error(`refused "${text}": ${r.message}`);
  return r.cents;
};
const refusal = (text: unknown) => {
  const r = parseEuroAmount(text);
  if (r.ok) throw new Error(`accepted "${String(text)}" as ${r.cents}`);
  return r.message;
};

describe("parseEuroAmount", () => {
  it("reads French amounts with a decimal comma and spaces between thousands", () => {
    expect(cents("1 234,56")).toBe(123_456n);
    expect(cents("1\u00a0234,56")).toBe(123_456n);
    expect(cents("1\u202f234\u202f567,89")).toBe(123_456_789n);
    expect(cents("835 000")).toBe(83_500_000n);
    expect(cents("  12,5 ")).toBe(1_250n);
    expect(cents("0,07")).toBe(7n);
    expect(cents("1 234,56 €")).toBe(123_456n);
    expect(cents("1234€")).toBe(123_400n);
  });

  it("reads a decimal point, and dots or commas grouping thousands when the other marks decimals", () => {
    expect(cents("1234.56")).toBe(123_456n);
    expect(cents("1.234,56")).toBe(123_456n);
    expect(cents("1,234.56")).toBe(123_456n);
    expect(cents("1.234.567")).toBe(123_456_700n);
    expect(cents("1234")).toBe(123_400n);
  });

  it("keeps every cent exactly, where floating point would not", () => {
    expect(cents("0,1")).toBe(10n);
    expect(cents("0,29")).toBe(29n);
    expect(cents("99 999 999,99")).toBe(9_999_999_999n);
    expect(cents("1,15")).toBe(115n);
  });

  it("refuses negative amounts", () => {
    expect(refusal("-12")).toBe("Le montant ne peut pas être négatif.");
    expect(refusal("−1 234,56")).toMatch(/négatif/);
  });

  it("refuses more than two decimals", () => {
    expect(refusal("12,345")).toMatch(/Deux décimales au plus/);
    expect(refusal("1.234")).toMatch(/Deux décimales au plus/);
    expect(refusal("0,001")).toMatch(/centimes/);
  });

  it("refuses absurd and empty amounts", () => {
    expect(refusal("100 000 000,01")).toMatch(/invraisemblable/);
    expect(refusal("1000000000000000000000")).toMatch(/invraisemblable/);
    expect(cents("100 000 000")).toBe(MAX_LINE_CENTS);
    expect(refusal("0")).toMatch(/supérieur à 0/);
    expect(refusal("0,00")).toMatch(/supérieur à 0/);
    expect(refusal("")).toBe("Saisissez un montant.");
    expect(refusal("   ")).toBe("Saisissez un montant.");
    expect(refusal(undefined)).toBe("Saisissez un montant.");
  });

  it("refuses what is not an amount, in French", () => {
    for (const text of ["abc", "12 34", "1e5", "12,3,4", "1 2345", "1.234.56", "12..5", "€", ",", "0x10", "1 234,5 6"]) {
      expect(refusal(text)).toMatch(/Montant attendu en euros|Deux décimales/);
    }
  });
});

describe("centsToInput", () => {
  it("writes cents back as the form expects them", () => {
    expect(centsToInput(123_456)).toBe("1234,56");
    expect(centsToInput(123_400n)).toBe("1234");
    expect(centsToInput(7)).toBe("0,07");
    expect(cents(centsToInput(9_999_999_999n))).toBe(9_999_999_999n);
  });
});
