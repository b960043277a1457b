import { describe, expect, it } from "vitest";
import { centsToInput, parseEuroAmount } from "../../core/money";
import { CONTRACT_AMOUNT_OPTIONS, MAX_CENTS, optionalEurosField } from "./money";

const parseContractAmount = (text: string) => parseEuroAmount(text, CONTRACT_AMOUNT_OPTIONS);

describe("contract amounts (lib/core/money.ts with the contract options)", () => {
  it.each([
    ["8 400 000", 840_000_000n],
    ["8400000", 840_000_000n],
    ["1 234,56", 123_456n],
    ["1 234,5", 123_450n],
    ["1234.56", 123_456n],
    ["0", 0n],
    ["0,01", 1n],
    ["835 000 €", 83_500_000n],
    ["835\u00a0000\u00a0€", 83_500_000n],
    ["2\u202f551\u202f284", 255_128_400n],
    ["  12 ", 1_200n],
    ["4.300.000", 430_000_000n],
    ["1.234,56", 123_456n],
  ])("reads %j as %s cents", (text, cents) => {
    expect(parseContractAmount(text)).toEqual({ ok: true, cents });
  });

  it("stays exact where floating point would not", () => {
    // 0.29 * 100 = 28.999999999999996 in floating point.
    expect(parseContractAmount("0,29")).toEqual({ ok: true, cents: 29n });
    expect(parseContractAmount("9 007 199 254 740 993")).toMatchObject({ ok: false, message: "Montant trop élevé : vérifiez la saisie." });
    expect(parseContractAmount("100 000 000 000")).toEqual({ ok: true, cents: MAX_CENTS });
    expect(parseContractAmount("100 000 000 000,01")).toMatchObject({ ok: false, message: "Montant trop élevé : vérifiez la saisie." });
  });

  it.each(["1.234", "1,234", "12 34", "1 2345", "abc", "1,2,3", "8 400 000,", "€"])("refuses %j", (text) => {
    const r = parseContractAmount(text);
    expect(r.ok).toBe(false);
  });

  it("explains a negative amount and a malformed one in French", () => {
    expect(parseContractAmount("-5")).toMatchObject({ ok: false, message: "Le montant ne peut pas être négatif." });
    expect(parseContractAmount("douze")).toMatchObject({ ok: false, message: expect.stringMatching(/^Montant attendu/) });
    expect(parseContractAmount("")).toMatchObject({ ok: false, message: "Saisissez un montant." });
  });
});

describe("optionalEurosField", () => {
  const errorOf = (text: string) => optionalEurosField.safeParse(text).error?.issues[0]?.message;

  it("reads an amount to exact cents, and nothing to null", () => {
    expect(optionalEurosField.parse("8 400 000")).toBe(840_000_000n);
    expect(optionalEurosField.parse("0")).toBe(0n);
    expect(optionalEurosField.parse("  ")).toBeNull();
    expect(optionalEurosField.parse(undefined)).toBeNull();
  });

  it("keeps the contract forms' wording", () => {
    expect(errorOf("8,4 M")).toMatch(/^Montant invalide/);
    expect(errorOf("-5")).toBe("Le montant ne peut pas être négatif.");
    expect(errorOf("1,234")).toMatch(/Deux décimales au plus/);
    expect(errorOf("100 000 000 001")).toBe("Montant trop élevé : vérifiez la saisie.");
  });
});

describe("centsToInput for contract amounts", () => {
  it.each([
    [840_000_000n, "8 400 000"],
    [123_456n, "1 234,56"],
    [123_450, "1 234,50"],
    [1, "0,01"],
    [0, "0"],
    [99_900, "999"],
  ])("writes %s cents as %j", (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
  });

  it("round-trips through the parser", () => {
    for (const cents of [0n, 7n, 100n, 123_456_789n, 83_500_000n, MAX_CENTS]) {
      expect(parseContractAmount(centsToInput(cents))).toEqual({ ok: true, cents });
    }
  });
});
