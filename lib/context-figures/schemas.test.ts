import { describe, expect, it } from "vitest";
import { ContextFigureFieldsSchema, ContextVersionSchema, ContextYearSchema, contextFigureFormValues } from "./schemas";

const errorsOf = (input: Record<string, unknown>) => ContextFigureFieldsSchema.safeParse(input).error!.flatten().fieldErrors as Record<string, string[]>;

describe("ContextFigureFieldsSchema", () => {
  it("reads euros to exact cents, a count and a share typed the French way", () => {
    const parsed = ContextFigureFieldsSchema.parse({
      childProtectionBudget: "72 000 000,50 €",
      childrenFollowedByAse: "1 200",
      disabilitySharePercent: "33,33",
      note: "  Un tiers des enfants suivis.  ",
      sourceUrl: "https://rcf.fr/actualite",
    });
    expect(parsed).toEqual({
      childProtectionBudget: 7_200_000_050n,
      childrenFollowedByAse: 1200,
      disabilitySharePercent: "33.33",
      note: "Un tiers des enfants suivis.",
      sourceUrl: "https://rcf.fr/actualite",
    });
  });

  it("turns empty fields into null", () => {
    const parsed = ContextFigureFieldsSchema.parse({ childProtectionBudget: "62000000", childrenFollowedByAse: "", disabilitySharePercent: " ", note: "", sourceUrl: "" });
    expect(parsed).toEqual({ childProtectionBudget: 6_200_000_000n, childrenFollowedByAse: null, disabilitySharePercent: null, note: null, sourceUrl: null });
  });

  it("says in French what is wrong, next to each field", () => {
    expect(errorsOf({ childProtectionBudget: "-5", childrenFollowedByAse: "12,5", disabilitySharePercent: "120", sourceUrl: "http://exemple.fr" })).toEqual({
      childProtectionBudget: ["Un budget ne peut pas être négatif."],
      childrenFollowedByAse: ["Saisissez un nombre entier d'enfants."],
      disabilitySharePercent: ["Une part est comprise entre 0 et 100 %."],
      sourceUrl: ["Saisissez une adresse web complète qui commence par https://."],
    });
    expect(errorsOf({ childProtectionBudget: "12,345", childrenFollowedByAse: "-1", disabilitySharePercent: "33,333", sourceUrl: "pas une adresse" })).toEqual({
      childProtectionBudget: ["Un montant a au plus deux décimales (les centimes)."],
      childrenFollowedByAse: ["Un nombre d'enfants ne peut pas être négatif."],
      disabilitySharePercent: ["Une part a au plus deux décimales."],
      sourceUrl: ["Saisissez une adresse web complète qui commence par https://."],
    });
    expect(errorsOf({ childProtectionBudget: "beaucoup" }).childProtectionBudget).toEqual(["Saisissez un nombre, par exemple 12,5."]);
    expect(errorsOf({ childrenFollowedByAse: "5", note: "x".repeat(501) }).note).toEqual(["500 caractères au plus."]);
  });

  it("wants at least one of the three figures", () => {
    expect(errorsOf({ note: "Rien", sourceUrl: "" }).childProtectionBudget).toEqual(["Renseignez au moins un des trois chiffres."]);
  });

  it("refuses a source that is not an https web address", () => {
    for (const url of ["javascript:alert(1)", "ftp://exemple.fr/x", "https://", "https://localhost"]) {
      expect(ContextFigureFieldsSchema.safeParse({ childrenFollowedByAse: "5", sourceUrl: url }).success, url).toBe(false);
    }
  });
});

describe("years and versions", () => {
  it("reads a plausible year", () => {
    expect(ContextYearSchema.parse("2021")).toBe(2021);
    expect(ContextYearSchema.safeParse("").error!.issues[0].message).toBe("Saisissez l'année, par exemple 2021.");
    expect(ContextYearSchema.safeParse("1850").error!.issues[0].message).toBe("L'année est comprise entre 2000 et 2100.");
    expect(ContextYearSchema.safeParse("2021,5").success).toBe(false);
    expect(ContextVersionSchema.safeParse("").success).toBe(false);
  });

  it("gives the form euros with a comma", () => {
    const values = contextFigureFormValues("63", {
      id: "f", departmentCode: "63", year: 2020, version: 1, childProtectionBudgetCents: 7_200_000_050, childrenFollowedByAse: 1200,
      disabilitySharePercent: 33.33, note: null, sourceUrl: null, isDemo: true, updatedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(values).toMatchObject({ year: "2020", version: "1", childProtectionBudget: "72 000 000,50", childrenFollowedByAse: "1200", disabilitySharePercent: "33,33", note: "" });
  });
});
