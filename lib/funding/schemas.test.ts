import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractYears, fundingLineFieldsSchema, fundingLineFormValues } from "./schemas";

const schema = fundingLineFieldsSchema({ firstYear: 2020, lastYear: 2022 });
const valid = { actionId: "", funder: "ARS_FIR", year: "2021", stage: "PLANNED", amount: "1 234,56" };

describe("fundingLineFieldsSchema", () => {
  it("turns the form's strings into a line: cents as BigInt, no action for a contract-level line", () => {
    expect(schema.parse(valid)).toEqual({ actionId: null, funder: "ARS_FIR", year: 2021, stage: "PLANNED", amount: 123_456n });
  });

  it("returns every field error in French", () => {
    const result = schema.safeParse({ funder: "ARS", year: "2023", stage: "", amount: "-5" });
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors;
    expect(errors.funder).toEqual(["Choisissez un financeur dans la liste."]);
    expect(errors.year).toEqual(["L'année doit être comprise dans la période du contrat (2020 à 2022)."]);
    expect(errors.stage).toEqual(["Choisissez une étape dans la liste."]);
    expect(errors.amount).toEqual(["Le montant ne peut pas être négatif."]);
  });

  it("asks for a year when none is chosen", () => {
    const errors = z.flattenError(schema.safeParse({ ...valid, year: "" }).error!).fieldErrors;
    expect(errors.year).toEqual(["Choisissez une année."]);
    expect(z.flattenError(schema.safeParse({ ...valid, year: "2019" }).error!).fieldErrors.year?.[0]).toMatch(/2020 à 2022/);
  });
});

describe("contractYears and fundingLineFormValues", () => {
  it("lists the years of a contract's period", () => {
    expect(contractYears("2020-01-01", "2022-12-31")).toEqual([2020, 2021, 2022]);
    expect(contractYears(new Date("2024-01-01T00:00:00Z"), new Date("2024-12-31T00:00:00Z"))).toEqual([2024]);
  });

  it("gives the form the amount as typed in French", () => {
    const values = fundingLineFormValues({
      id: "l1", contractId: "c1", actionId: null, funder: "STATE_P304", year: 2021, stage: "PAID", amountCents: 83_500_050, version: 3, updatedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(values).toEqual({ id: "l1", contractId: "c1", actionId: "", funder: "STATE_P304", year: "2021", stage: "PAID", amount: "835 000,50", version: "3" });
  });
});
