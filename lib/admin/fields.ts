// Field schemas shared by the administration forms (safe for the client).
import { z } from "zod";

export const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} : saisie obligatoire.` })
    .trim()
    .min(1, `${label} : saisie obligatoire.`)
    .max(max, `${max} caractères au plus.`);

export const optionalText = (max: number) =>
  z.preprocess(emptyToNull, z.string().trim().max(max, `${max} caractères au plus.`).nullable().default(null));

function isRealDate(d: string) {
  const date = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
}

const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine(isRealDate, "Cette date n'existe pas.");

export const requiredDate = (message: string) => z.preprocess((v) => (v === undefined ? null : emptyToNull(v)), dateString.nullable()).refine((d) => d !== null, message).transform((d) => d!);

export const optionalDate = z.preprocess(emptyToNull, dateString.nullable().default(null));

/** A link to the public source of a record: https only. */
export const sourceUrlField = z.preprocess(
  emptyToNull,
  z
    .string()
    .trim()
    .max(500, "500 caractères au plus.")
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, "Saisissez une adresse commençant par https://.")
    .nullable()
    .default(null),
);

export const yearField = (label: string) =>
  z.coerce
    .number({ error: `${label} : saisissez une année sur quatre chiffres.` })
    .int(`${label} : saisissez une année sur quatre chiffres.`)
    .min(2015, `${label} : année entre 2015 et 2100.`)
    .max(2100, `${label} : année entre 2015 et 2100.`);

export const versionField = z.coerce.number({ error: "Version manquante : rechargez la page." }).int("Version manquante : rechargez la page.").positive("Version manquante : rechargez la page.");

/**
 * Cross-field rules run as soon as the fields they read are valid, even when other fields are not,
 * so that a form gets every error at once (zod skips object refinements after any aborting issue).
 */
export const whenValid = (...keys: string[]) => ({
  // An issue with an empty path means the input is not even an object: no rule can read its fields.
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((i) => (i.path?.length ?? 0) === 0 || keys.includes(String(i.path?.[0]))),
});
