import { describe, expect, it } from "vitest";
import { parseFrenchDecimal, toFrenchInput } from "../core/decimal";
import { IndicatorValueKeySchema, OptionalVersionSchema, contractYears, indicatorValueFieldsSchema, indicatorValueFormValues } from "./schemas";

describe("parseFrenchDecimal", () => {
  it("reads numbers as French users type them", () => {
    expect(parseFrenchDecimal("12,5")).toMatchObject({ ok: true, text: "12.5", value: 12.5, decimals: 1 });
    expect(parseFrenchDecimal("12.5")).toMatchObject({ ok: true, text: "12.5" });
    expect(parseFrenchDecimal(" 1 234 567,80 € ")).toMatchObject({ ok: true, text: "1234567.8", decimals: 1 });
    expect(parseFrenchDecimal("1\u202f234,5")).toMatchObject({ ok: true, text: "1234.5" });
    expect(parseFrenchDecimal("72 %")).toMatchObject({ ok: true, text: "72" });
    expect(parseFrenchDecimal(",5")).toMatchObject({ ok: true, text: "0.5" });
    expect(parseFrenchDecimal("007")).toMatchObject({ ok: true, text: "7" });
    expect(parseFrenchDecimal("-3,0")).toMatchObject({ ok: true, text: "-3", negative: true, decimals: 0 });
    expect(parseFrenchDecimal("-0")).toMatchObject({ ok: true, text: "0", negative: false });
  });

  it("refuses what is not a number", () => {
    for (const text of ["", "abc", "12,5,3", "1 23", "12 345 6", "1e3", ",", "12a"]) expect(parseFrenchDecimal(text).ok, text).toBe(false);
  });

  it("writes stored decimals back with a comma", () => {
    expect(toFrenchInput(33.33)).toBe("33,33");
    expect(toFrenchInput(null)).toBe("");
  });
});

describe("indicatorValueFieldsSchema", () => {
  const parse = (kind: Parameters<typeof indicatorValueFieldsSchema>[0], values: Record<string, unknown>) => indicatorValueFieldsSchema(kind).safeParse(values);
  const errorsOf = (result: ReturnType<typeof parse>) => result.error!.flatten().fieldErrors as Record<string, string[]>;

  it("accepts French decimals for a rate and keeps them as exact decimal text", () => {
    const result = parse("RATE", { baseline: "45,5", target: "72,25", actual: "" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ baseline: "45.5", target: "72.25", actual: null });
  });

  it("refuses a rate outside 0 to 100 or with three decimals", () => {
    const result = parse("RATE", { baseline: "-1", target: "100,5", actual: "12,345" });
    expect(errorsOf(result)).toEqual({
      baseline: ["Un taux est compris entre 0 et 100 %."],
      target: ["Un taux est compris entre 0 et 100 %."],
      actual: ["Un taux a au plus deux décimales."],
    });
  });

  it("wants whole numbers of at least 0 for counts and delays", () => {
    expect(errorsOf(parse("COUNT", { baseline: "12,5", target: "-3", actual: "1 200" }))).toEqual({
      baseline: ["Saisissez un nombre entier."],
      target: ["Un nombre ne peut pas être négatif."],
    });
    expect(parse("COUNT", { actual: "1 200" }).data).toEqual({ baseline: null, target: null, actual: "1200" });
    expect(errorsOf(parse("DELAY_DAYS", { baseline: "90,5", target: "-1", actual: "4000" }))).toEqual({
      baseline: ["Un délai se compte en jours entiers."],
      target: ["Un délai ne peut pas être négatif."],
      actual: ["Un délai ne dépasse pas 3 650 jours."],
    });
  });

  it("reads a milestone as yes or no, 1 or 0", () => {
    expect(parse("MILESTONE", { baseline: "0", target: "oui", actual: "Non" }).data).toEqual({ baseline: "0", target: "1", actual: "0" });
    expect(errorsOf(parse("MILESTONE", { baseline: "2", target: "0,5", actual: "peut-être" }))).toEqual({
      baseline: ["Choisissez oui ou non."],
      target: ["Choisissez oui ou non."],
      actual: ["Choisissez oui ou non."],
    });
  });

  it("takes amounts in euros with cents at most", () => {
    expect(parse("AMOUNT", { baseline: "150 000", target: "300 000,50 €", actual: null }).data).toEqual({ baseline: "150000", target: "300000.5", actual: null });
    expect(errorsOf(parse("AMOUNT", { baseline: "1,234", target: "-5", actual: "douze" }))).toEqual({
      baseline: ["Un montant a au plus deux décimales (les centimes)."],
      target: ["Un montant ne peut pas être négatif."],
      actual: ["Saisissez un nombre, par exemple 12,5."],
    });
  });
});

describe("keys, versions and years", () => {
  it("reads the (indicator, year) key and an optional version", () => {
    expect(IndicatorValueKeySchema.parse({ indicatorId: "abc", year: "2021" })).toEqual({ indicatorId: "abc", year: 2021 });
    expect(IndicatorValueKeySchema.safeParse({ indicatorId: "", year: "20" }).success).toBe(false);
    expect(OptionalVersionSchema.parse("")).toBeNull();
    expect(OptionalVersionSchema.parse(undefined)).toBeNull();
    expect(OptionalVersionSchema.parse("3")).toBe(3);
    expect(OptionalVersionSchema.safeParse("x").success).toBe(false);
  });

  it("lists the years of a contract period", () => {
    expect(contractYears("2020-01-01", "2022-12-31")).toEqual([2020, 2021, 2022]);
    expect(contractYears(new Date("2022-01-01T00:00:00Z"), new Date("2022-12-31T00:00:00Z"))).toEqual([2022]);
  });

  it("gives the form French strings", () => {
    const values = indicatorValueFormValues({ contractId: "c", indicatorId: "i", year: 2021 }, { version: 2, baseline: 12.5, target: null, actual: 40 });
    expect(values).toEqual({ contractId: "c", indicatorId: "i", year: "2021", version: "2", baseline: "12,5", target: "", actual: "40" });
    expect(indicatorValueFormValues({ contractId: "c", indicatorId: "i", year: 2021 }, null).version).toBe("");
  });
});
