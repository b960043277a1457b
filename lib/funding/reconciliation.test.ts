import { describe, expect, it } from "vitest";
import { plainSpaces } from "../core/format";
import { reconcileFunding, type ReconciliationInput } from "./reconciliation";

const M = (euros: number) => euros * 100;

const base: ReconciliationInput = {
  byYearFunder: [
    { year: 2021, funder: "ARS_FIR", stage: "PLANNED", amountCents: M(1_000_000) },
    { year: 2021, funder: "ARS_FIR", stage: "NOTIFIED", amountCents: M(1_000_000) },
    { year: 2021, funder: "ARS_FIR", stage: "COMMITTED", amountCents: M(800_000) },
    { year: 2021, funder: "ARS_FIR", stage: "PAID", amountCents: M(500_000) },
    { year: 2021, funder: "STATE_P304", stage: "PLANNED", amountCents: M(2_000_000) },
  ],
  amendments: [
    { year: 2021, funder: "ARS_FIR", amountCents: M(1_000_000) },
    { year: 2021, funder: "STATE_P304", amountCents: M(2_000_000) },
  ],
  contractAmounts: [
    { party: "STATE", amountCents: M(2_000_000) },
    { party: "ARS", amountCents: M(1_500_000) },
  ],
};

const messages = (input: ReconciliationInput) => reconcileFunding(input).warnings.map((w) => plainSpaces(w.message));

describe("reconcileFunding", () => {
  it("finds nothing to report when the ledger stays within the avenants and the contract", () => {
    const result = reconcileFunding(base);
    expect(result.warnings).toEqual([]);
    expect(result.byYearFunder).toEqual([
      { year: 2021, funder: "STATE_P304", grantedCents: M(2_000_000), PLANNED: M(2_000_000), NOTIFIED: 0, COMMITTED: 0, PAID: 0 },
      { year: 2021, funder: "ARS_FIR", grantedCents: M(1_000_000), PLANNED: M(1_000_000), NOTIFIED: M(1_000_000), COMMITTED: M(800_000), PAID: M(500_000) },
    ]);
    expect(result.byParty.map((p) => [p.party, p.contractCents, p.PLANNED])).toEqual([
      ["STATE", M(2_000_000), M(2_000_000)],
      ["ARS", M(1_500_000), M(1_000_000)],
    ]);
  });

  it("warns when planned lines of a year exceed the avenant, in French with both amounts", () => {
    const input = { ...base, byYearFunder: [...base.byYearFunder, { year: 2021, funder: "ARS_FIR" as const, stage: "PLANNED" as const, amountCents: M(200_000) }] };
    expect(messages(input)).toEqual(["Les lignes prévues en 2021 pour ARS — FIR (1 200 000 €) dépassent le montant de l'avenant (1 000 000 €)."]);
    const [w] = reconcileFunding(input).warnings;
    expect(w).toMatchObject({ kind: "above_amendment", year: 2021, funder: "ARS_FIR", stage: "PLANNED", amountCents: M(1_200_000), limitCents: M(1_000_000) });
  });

  it("warns for notified lines too, and when the party's total exceeds the contract", () => {
    const input = { ...base, byYearFunder: [...base.byYearFunder, { year: 2021, funder: "STATE_P304" as const, stage: "NOTIFIED" as const, amountCents: M(2_500_000) }] };
    expect(messages(input)).toEqual([
      "Les lignes notifiées en 2021 pour État — P304 (2 500 000 €) dépassent le montant de l'avenant (2 000 000 €).",
      "Les lignes notifiées pour État sur la durée du contrat (2 500 000 €) dépassent le montant du contrat (2 000 000 €).",
    ]);
  });

  it("counts cents exactly: one cent over is over", () => {
    const input = { ...base, byYearFunder: [...base.byYearFunder, { year: 2021, funder: "ARS_FIR" as const, stage: "PLANNED" as const, amountCents: 1 }] };
    expect(messages(input)).toEqual(["Les lignes prévues en 2021 pour ARS — FIR (1 000 000,01 €) dépassent le montant de l'avenant (1 000 000 €)."]);
  });

  it("warns when paid exceeds committed, per year and funder and per action", () => {
    const input: ReconciliationInput = {
      ...base,
      byAction: [
        { actionId: "a1", year: 2021, funder: "ARS_FIR", stage: "COMMITTED", amountCents: M(300_000) },
        { actionId: "a1", year: 2021, funder: "ARS_FIR", stage: "PAID", amountCents: M(350_000) },
        { actionId: "a2", year: 2021, funder: "ARS_FIR", stage: "COMMITTED", amountCents: M(500_000) },
        { actionId: "a2", year: 2021, funder: "ARS_FIR", stage: "PAID", amountCents: M(150_000) },
      ],
      byYearFunder: [...base.byYearFunder, { year: 2021, funder: "ARS_FIR", stage: "PAID", amountCents: M(400_000) }],
      actionLabels: { a1: "FA-01 — Maison des 1 000 jours", a2: "FA-02 — Équipe mobile" },
    };
    expect(messages(input)).toEqual([
      "En 2021, le versé pour ARS — FIR (900 000 €) dépasse l'engagé (800 000 €).",
      "FA-01 — Maison des 1 000 jours : en 2021, le versé pour ARS — FIR (350 000 €) dépasse l'engagé (300 000 €).",
    ]);
  });

  it("warns about lines with no avenant for their year or their funder, and parties the contract does not fund", () => {
    const input: ReconciliationInput = {
      ...base,
      byYearFunder: [
        ...base.byYearFunder,
        { year: 2022, funder: "STATE_P304", stage: "PLANNED", amountCents: M(10) },
        { year: 2021, funder: "OTHER", stage: "PLANNED", amountCents: M(5) },
      ],
      contractAmounts: [...base.contractAmounts, { party: "DEPARTMENT", amountCents: M(1) }],
    };
    const result = reconcileFunding(input);
    expect(result.warnings.map((w) => w.kind)).toEqual(["above_amendment", "no_amendment", "above_contract", "above_contract"]);
    expect(plainSpaces(result.warnings[0].message)).toBe("Les lignes prévues en 2021 pour Autres (5 €) dépassent le montant de l'avenant : l'avenant 2021 ne prévoit rien pour ce financeur.");
    expect(plainSpaces(result.warnings[1].message)).toBe("Les lignes prévues en 2022 pour État — P304 (10 €) ne reposent sur aucun avenant pour 2022.");
    expect(plainSpaces(result.warnings[3].message)).toBe("Les lignes prévues pour Autres sur la durée du contrat (5 €) dépassent le contrat, qui ne prévoit aucun montant pour cette partie.");
    // A party of the contract with no line yet still shows, with its amount.
    expect(result.byParty.find((p) => p.party === "DEPARTMENT")).toMatchObject({ contractCents: M(1), PLANNED: 0 });
  });
});
