// Expected failures are results, not exceptions: forms map each code to a French message.
export type FieldErrors = Record<string, string[] | undefined>;

export type Failure =
  | { ok: false; code: "forbidden"; message: string }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: "conflict"; message: string; current: unknown };

export type Result<T> = { ok: true; value: T } | Failure;

export const forbidden = (): Failure => ({ ok: false, code: "forbidden", message: "Vous n'avez pas les droits nécessaires pour cette opération." });
export const notFound = (what = "L'élément demandé"): Failure => ({ ok: false, code: "not_found", message: `${what} n'existe pas ou n'est pas accessible.` });
export const invalid = (fieldErrors: FieldErrors, message = "Certains champs sont à corriger."): Failure => ({ ok: false, code: "invalid", message, fieldErrors });
export const conflict = (current: unknown): Failure => ({
  ok: false,
  code: "conflict",
  message: "Quelqu'un a enregistré une modification entre-temps. Voici les valeurs actuelles : vérifiez-les avant d'enregistrer à nouveau.",
  current,
});
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
