import { describe, expect, it } from "vitest";
import { MAX_CENTS, formatCentsForInput, parseEuros } from "./money";

describe("parseEuros", () => {
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
  ])("reads %j as %s cents", (text, cents) => {
    expect(parseEuros(text)).toEqual({ ok: true, cents });
  });

  it("stays exact where floating point would not", () => {
    // 0.29 * 100 = 28.999999999999996 in floating point.
    expect(parseEuros("0,29")).toEqual({ ok: true, cents: 29n });
    expect(parseEuros("9 007 199 254 740 993")).toEqual({ ok: false, message: "Montant trop élevé : vérifiez la saisie." });
    expect(parseEuros("100 000 000 000")).toEqual({ ok: true, cents: MAX_CENTS });
  });

  it.each(["1.234", "1,234", "12 34", "1 2345", "abc", "1,2,3", "8 400 000,", "€"])("refuses %j", (text) => {
    const r = parseEuros(text);
    expect(r.ok).toBe(false);
  });

  it("explains a negative amount and a malformed one in French", () => {
    expect(parseEuros("-5")).toEqual({ ok: false, message: "Le montant ne peut pas être négatif." });
    expect(parseEuros("douze")).toMatchObject({ ok: false, message: expect.stringMatching(/^Montant invalide/) });
    expect(parseEuros("")).toEqual({ ok: false, message: "Saisissez un montant." });
  });
});

describe("formatCentsForInput", () => {
  it.each([
    [840_000_000n, "8 400 000"],
    [123_456n, "1 234,56"],
    [123_450, "1 234,50"],
    [1, "0,01"],
    [0, "0"],
    [99_900, "999"],
  ])("writes %s cents as %j", (cents, text) => {
    expect(formatCentsForInput(cents)).toBe(text);
  });

  it("round-trips through the parser", () => {
    for (const cents of [0n, 7n, 100n, 123_456_789n, 83_500_000n]) {
      expect(parseEuros(formatCentsForInput(cents))).toEqual({ ok: true, cents });
    }
  });
});
