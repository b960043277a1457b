import { describe, expect, it } from "vitest";
import { conflict, invalid, notFound, ok, type Result } from "../server/errors";
import { keepTypedOnCurrentVersion, toFormState } from "./form-state";

type Line = { id: string; version: number; amount: string };
const typed = { id: "l1", version: "3", amount: "1 250" };

describe("toFormState", () => {
  it("a success gives its message and the values to show next", () => {
    const result: Result<Line, Line> = ok({ id: "l1", version: 4, amount: "1 250,00" });
    expect(toFormState(result, typed, { success: (v) => `Ligne ${v.id} enregistrée.`, successValues: (v) => ({ version: String(v.version) }) }, 7)).toEqual({
      status: "success",
      message: "Ligne l1 enregistrée.",
      values: { version: "4" },
      stamp: 7,
    });
  });

  it("a conflict keeps what was typed, on the stored version, and shows the stored values", () => {
    const result: Result<Line, Line> = conflict({ id: "l1", version: 5, amount: "900" });
    const state = toFormState(result, typed, { success: "", conflict: keepTypedOnCurrentVersion }, 7);
    expect(state.status).toBe("conflict");
    expect(state.message).toMatch(/Quelqu'un a enregistré une modification entre-temps/);
    expect(state.values).toEqual({ id: "l1", version: "5", amount: "1 250" });
    expect(state.current).toEqual({ id: "l1", version: 5, amount: "900" });
  });

  it("an invalid input gives the field errors next to the fields and the values typed back", () => {
    const state = toFormState(invalid({ amount: ["Deux décimales au plus."] }), typed, { success: "" }, 7);
    expect(state).toEqual({ status: "error", message: "Certains champs sont à corriger.", fieldErrors: { amount: ["Deux décimales au plus."] }, values: typed, stamp: 7 });
  });

  it("other failures give the mutation's message, or the form's wording of it", () => {
    expect(toFormState(notFound("Cette ligne"), typed, { success: "" }).message).toBe("Cette ligne n'existe pas ou n'est pas accessible.");
    expect(toFormState(notFound(), typed, { success: "", failureMessage: () => "Autre texte." }).message).toBe("Autre texte.");
  });
});
