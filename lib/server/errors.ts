// Expected failures are results, not exceptions: forms map each code to a French message
// (toFormState, lib/core/form-state.ts). A conflict carries what is stored now, typed (`C`).
import type { Conflict, FieldErrors, Outcome } from "../core/form-state";

export type { Conflict, FieldErrors };

export type Failure<C = never> = Exclude<Outcome<never, C>, { ok: true }>;

export type Result<T, C = unknown> = Outcome<T, C>;

export const forbidden = (): Failure<never> => ({ ok: false, code: "forbidden", message: "Vous n'avez pas les droits nécessaires pour cette opération." });
export const notFound = (what = "L'élément demandé"): Failure<never> => ({ ok: false, code: "not_found", message: `${what} n'existe pas ou n'est pas accessible.` });
export const invalid = (fieldErrors: FieldErrors, message = "Certains champs sont à corriger."): Failure<never> => ({ ok: false, code: "invalid", message, fieldErrors });
export const conflict = <C>(current: C): Conflict<C> => ({
  ok: false,
  code: "conflict",
  message: "Quelqu'un a enregistré une modification entre-temps. Voici les valeurs actuelles : vérifiez-les avant d'enregistrer à nouveau.",
  current,
});
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
