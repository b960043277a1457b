import { describe, expect, it } from "vitest";
import { MAX_LINE_CENTS, centsToInput, parseEuroAmount } from "./money";

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

describe("parseEuroAmount options", () => {
  const contract = { maxCents: 100_000_000_000n * 100n, allowZero: true, tooHighMessage: "Montant trop élevé : vérifiez la saisie." };

  it("accepts 0 € when allowed, and a higher ceiling with its own message", () => {
    expect(parseEuroAmount("0", contract)).toEqual({ ok: true, cents: 0n });
    expect(parseEuroAmount("0,00", contract)).toEqual({ ok: true, cents: 0n });
    expect(parseEuroAmount("100 000 000 000", contract)).toEqual({ ok: true, cents: 10_000_000_000_000n });
    expect(parseEuroAmount("100 000 000 000,01", contract)).toMatchObject({ ok: false, reason: "tooHigh", message: "Montant trop élevé : vérifiez la saisie." });
    expect(parseEuroAmount("9 007 199 254 740 993", contract)).toMatchObject({ ok: false, reason: "tooHigh", message: "Montant trop élevé : vérifiez la saisie." });
  });

  it("says why an amount was refused", () => {
    expect(parseEuroAmount("")).toMatchObject({ ok: false, reason: "empty" });
    expect(parseEuroAmount("-5")).toMatchObject({ ok: false, reason: "negative" });
    expect(parseEuroAmount("douze")).toMatchObject({ ok: false, reason: "format" });
    expect(parseEuroAmount("1,234")).toMatchObject({ ok: false, reason: "decimals" });
    expect(parseEuroAmount("0")).toMatchObject({ ok: false, reason: "zero" });
    expect(parseEuroAmount("100 000 001")).toMatchObject({ ok: false, reason: "tooHigh" });
  });

  it("reads budgets of a department exactly, above the ledger line ceiling", () => {
    const budget = { maxCents: 10_000_000_000n * 100n, allowZero: true };
    expect(parseEuroAmount("1234.5", budget)).toEqual({ ok: true, cents: 123_450n });
    expect(parseEuroAmount("62000000", budget)).toEqual({ ok: true, cents: 6_200_000_000n });
    expect(parseEuroAmount("0.07", budget)).toEqual({ ok: true, cents: 7n });
  });

  it("refuses a decimal mark with nothing after it", () => {
    expect(refusal("8 400 000,")).toMatch(/Montant attendu en euros/);
    expect(refusal("12.")).toMatch(/Montant attendu en euros/);
    expect(cents(",5")).toBe(50n);
  });
});

describe("centsToInput", () => {
  it("writes cents back as the form expects them, thousands grouped with plain spaces", () => {
    expect(centsToInput(123_456)).toBe("1 234,56");
    expect(centsToInput(123_400n)).toBe("1 234");
    expect(centsToInput(7)).toBe("0,07");
    expect(centsToInput(29)).toBe("0,29");
    expect(centsToInput(840_000_000n)).toBe("8 400 000");
    expect(centsToInput(123_450)).toBe("1 234,50");
    expect(centsToInput(6_200_000_000n)).toBe("62 000 000");
    expect(centsToInput(105)).toBe("1,05");
    expect(centsToInput(99_900)).toBe("999");
    expect(centsToInput(0)).toBe("0");
    expect(centsToInput(null)).toBe("");
    expect(centsToInput(undefined)).toBe("");
  });

  it("is read back exactly by the parser", () => {
    expect(cents(centsToInput(9_999_999_999n))).toBe(9_999_999_999n);
    for (const value of [1n, 7n, 29n, 100n, 123_456n, 83_500_050n, 123_456_789n, 10_000_000_000n]) expect(cents(centsToInput(value))).toBe(value);
    expect(parseEuroAmount(centsToInput(0n), { allowZero: true })).toEqual({ ok: true, cents: 0n });
    expect(parseEuroAmount(centsToInput(10_000_000_000_000n), { maxCents: 10_000_000_000_000n })).toEqual({ ok: true, cents: 10_000_000_000_000n });
  });
});
