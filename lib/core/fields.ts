// The zod field builders every form schema shares, each rule once with its French message (safe for the client).
import { z } from "zod";
import { IMPLAUSIBLE_DAY_MESSAGE, isPlausibleIsoDay, isRealIsoDay } from "./dates";

/** A blank entry (nothing typed, spaces only, or the field absent) is no value: null. */
export const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

/** Text that must be typed: trimmed, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} : saisie obligatoire.` })
    .trim()
    .min(1, `${label} : saisie obligatoire.`)
    .max(max, `${max} caractères au plus.`);

/** Text that may be left blank (null): trimmed, at most `max` characters. */
export const optionalText = (max: number) =>
  z.preprocess(emptyToNull, z.string().trim().max(max, `${max} caractères au plus.`).nullable().default(null));

export const DAY_FORMAT_MESSAGE = "Date attendue au format JJ/MM/AAAA.";
export const DAY_MISSING_MESSAGE = "Cette date n'existe pas.";

/** A day as the date input sends it ("YYYY-MM-DD"): a real day, within the plausible range. */
export const isoDayField = z
  .string({ error: "Date attendue." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DAY_FORMAT_MESSAGE)
  .refine(isRealIsoDay, DAY_MISSING_MESSAGE)
  .refine((d) => !isRealIsoDay(d) || isPlausibleIsoDay(d), IMPLAUSIBLE_DAY_MESSAGE);

/** A day that must be given; `message` when it is blank. */
export const requiredDate = (message: string) =>
  z
    .preprocess(emptyToNull, isoDayField.nullable())
    .refine((d) => d !== null, message)
    .transform((d) => d!);

/** A day that may be left blank (null). */
export const optionalDate = z.preprocess(emptyToNull, isoDayField.nullable().default(null));

export const HTTPS_URL_MESSAGE = "Saisissez une adresse web complète qui commence par https://.";

/** A link to a public source: https, a real domain name, 500 characters at most; blank is null. */
export const httpsUrlField = z.preprocess(
  (v) => {
    const value = emptyToNull(v);
    return typeof value === "string" ? value.trim() : value;
  },
  z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: HTTPS_URL_MESSAGE }).max(500, "500 caractères au plus.").nullable().default(null),
);

export const VERSION_MESSAGE = "Version manquante : rechargez la page.";

/** The version a record was loaded with (the database counts from 1): a stale one is a conflict, not an error here. */
export const versionField = z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).positive(VERSION_MESSAGE);

/** The version of a record that may not exist yet: blank means "none yet" (null), anything else is a version. */
export const optionalVersionField = z.preprocess(emptyToNull, versionField.nullable());

/** A year typed on four digits, 2015 to 2100 (the contracts' era). */
export const yearField = (label: string) =>
  z.coerce
    .number({ error: `${label} : saisissez une année sur quatre chiffres.` })
    .int(`${label} : saisissez une année sur quatre chiffres.`)
    .min(2015, `${label} : année entre 2015 et 2100.`)
    .max(2100, `${label} : année entre 2015 et 2100.`);

/**
 * Cross-field rules run as soon as the fields they read are valid, even when other fields are not,
 * so that a form gets every error at once (zod skips object refinements after any aborting issue).
 */
export const whenValid = (...keys: string[]) => ({
  // An issue with an empty path means the input is not even an object: no rule can read its fields.
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((i) => (i.path?.length ?? 0) === 0 || keys.includes(String(i.path?.[0]))),
});

/** A failed parse's messages, by field name (the form shows each next to its field). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}
