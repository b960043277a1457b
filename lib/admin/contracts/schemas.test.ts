import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AmendmentFieldsSchema, ContractCreateSchema, ContractHeaderSchema, toFormValues } from "./schemas";

const errorsOf = (e: z.ZodError) => z.flattenError(e).fieldErrors as Record<string, string[] | undefined>;

const header = {
  wave: "2020",
  status: "SIGNED",
  signedOn: "2020-09-28",
  signedPlace: "Lieusaint",
  periodStart: "2020-01-01",
  periodEnd: "2022-12-31",
  stateSignatory: "Le préfet",
  arsSignatory: "Le directeur général de l'ARS",
  departmentSignatory: "Le président du conseil départemental",
  summary: "",
  sourceUrl: "",
  amount_STATE: "8 400 000",
  amount_ARS: "4 300 000",
  amount_DEPARTMENT: "15 400 000",
  amount_OTHER: "",
};

describe("ContractHeaderSchema", () => {
  it("turns the form into typed values and exact cents", () => {
    const r = ContractHeaderSchema.parse(header);
    expect(r.wave).toBe(2020);
    expect(r.amount_STATE).toBe(840_000_000n);
    expect(r.amount_DEPARTMENT).toBe(1_540_000_000n);
    expect(r.amount_OTHER).toBeNull();
    expect(r.summary).toBeNull();
    expect(r.sourceUrl).toBeNull();
  });

  it("refuses a period that ends before it starts", () => {
    const r = ContractHeaderSchema.safeParse({ ...header, periodStart: "2023-01-01", periodEnd: "2022-12-31" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r.error).periodEnd).toEqual(["La fin de la période doit suivre son début."]);
  });

  it("accepts a one-day period", () => {
    expect(ContractHeaderSchema.safeParse({ ...header, periodStart: "2022-01-01", periodEnd: "2022-01-01" }).success).toBe(true);
  });

  it("returns every field error in French at once", () => {
    const r = ContractHeaderSchema.safeParse({
      ...header,
      wave: "20",
      status: "OPEN",
      periodStart: "",
      signedOn: "2021-02-30",
      stateSignatory: " ",
      sourceUrl: "http://exemple.fr",
      amount_ARS: "4,3 M",
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = errorsOf(r.error);
    expect(e.wave?.[0]).toMatch(/année entre 2015 et 2100/);
    expect(e.status).toEqual(["Choisissez un statut dans la liste."]);
    expect(e.periodStart).toEqual(["Saisissez la date de début de la période."]);
    expect(e.signedOn).toEqual(["Cette date n'existe pas."]);
    expect(e.stateSignatory?.[0]).toMatch(/saisie obligatoire/);
    expect(e.sourceUrl).toEqual(["Saisissez une adresse web complète qui commence par https://."]);
    expect(e.amount_ARS?.[0]).toMatch(/^Montant invalide/);
  });

  it("checks the period even when other fields are wrong", () => {
    const r = ContractHeaderSchema.safeParse({ ...header, status: "", wave: "", periodStart: "2023-01-01", periodEnd: "2022-12-31" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = errorsOf(r.error);
    expect(Object.keys(e).sort()).toEqual(["periodEnd", "status", "wave"]);
  });

  it("refuses a draft that carries a signing date", () => {
    const r = ContractHeaderSchema.safeParse({ ...header, status: "DRAFT" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r.error).status?.[0]).toMatch(/en préparation/);
  });

  it("accepts an https source", () => {
    expect(ContractHeaderSchema.parse({ ...header, sourceUrl: "https://seine-et-marne.fr/fr/presse" }).sourceUrl).toBe("https://seine-et-marne.fr/fr/presse");
  });
});

describe("ContractCreateSchema", () => {
  it("needs a department and a framework, and reads the ticked optional objectives", () => {
    const missing = ContractCreateSchema.safeParse(header);
    expect(missing.success).toBe(false);
    if (!missing.success) {
      expect(errorsOf(missing.error).departmentCode).toEqual(["Choisissez un département."]);
      expect(errorsOf(missing.error).frameworkId).toEqual(["Choisissez un cadre national."]);
    }
    const r = ContractCreateSchema.parse({ ...header, departmentCode: "77", frameworkId: "fw", optionalObjectiveIds: "a,b,,a" });
    expect(r.optionalObjectiveIds).toEqual(["a", "b"]);
    expect(ContractCreateSchema.parse({ ...header, departmentCode: "77", frameworkId: "fw", optionalObjectiveIds: ["c"] }).optionalObjectiveIds).toEqual(["c"]);
    expect(ContractCreateSchema.parse({ ...header, departmentCode: "77", frameworkId: "fw" }).optionalObjectiveIds).toEqual([]);
  });
});

describe("AmendmentFieldsSchema", () => {
  it("reads the year, the number and the amounts per funder", () => {
    const r = AmendmentFieldsSchema.parse({ year: "2022", number: "1", amount_STATE_P304: "835 000", amount_ARS_FIR: "246 000", amount_DEPARTMENT: "1 269 103,50" });
    expect(r).toMatchObject({ year: 2022, number: 1, amount_STATE_P304: 83_500_000n, amount_ARS_FIR: 24_600_000n, amount_ARS_ONDAM_MS: null, amount_DEPARTMENT: 126_910_350n });
  });

  it("refuses a missing year, a zero number and a negative amount, in French", () => {
    const r = AmendmentFieldsSchema.safeParse({ year: "", number: "0", amount_OTHER: "-3" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = errorsOf(r.error);
    expect(e.year?.[0]).toMatch(/^Année/);
    expect(e.number).toEqual(["Le numéro commence à 1."]);
    expect(e.amount_OTHER).toEqual(["Le montant ne peut pas être négatif."]);
  });
});

describe("toFormValues", () => {
  it("writes amounts in euros the French way and nulls as empty", () => {
    expect(toFormValues({ amount_STATE: 840_000_000, amount_ARS: null, wave: 2020, note: null, isDemo: false })).toEqual({
      amount_STATE: "8 400 000",
      amount_ARS: "",
      wave: "2020",
      note: "",
      isDemo: "false",
    });
  });
});
