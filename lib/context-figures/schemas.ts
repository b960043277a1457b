// Department context figures (aggregates per year, never about a child): form schemas and DTOs, shared
// by the server and the client (no data access here).
import { z } from "zod";
import { parseFrenchDecimal, toFrenchInput } from "../core/decimal";
import { centsToInput, parseEuroAmount, type EuroAmountError } from "../core/money";
import { httpsUrlField, versionField } from "../core/fields";

const NUMBER_FORMAT_MESSAGE = "Saisissez un nombre, par exemple 12,5.";
const MAX_BUDGET_CENTS = 100_000_000_000n * 100n; // 100 Md€: far above any department's budget
const MAX_CHILDREN = 1_000_000;

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A French number read as text, or an issue on the field; null when left empty. */
function frenchNumber<T>(check: (parsed: Extract<ReturnType<typeof parseFrenchDecimal>, { ok: true }>) => { value: T } | { message: string }) {
  return z.unknown().optional().transform((input, ctx): T | null => {
    if (blank(input)) return null;
    const parsed = typeof input === "string" || typeof input === "number" ? parseFrenchDecimal(String(input)) : ({ ok: false } as const);
    const result = parsed.ok ? check(parsed) : { message: NUMBER_FORMAT_MESSAGE };
    if ("message" in result) {
      ctx.addIssue({ code: "custom", message: result.message, input });
      return z.NEVER;
    }
    return result.value;
  });
}

/** The budget field's own wording of a refusal (0 € is a budget, so "zero" never comes). */
const BUDGET_MESSAGES: Record<EuroAmountError, string> = {
  empty: NUMBER_FORMAT_MESSAGE,
  format: NUMBER_FORMAT_MESSAGE,
  negative: "Un budget ne peut pas être négatif.",
  decimals: "Un montant a au plus deux décimales (les centimes).",
  zero: NUMBER_FORMAT_MESSAGE,
  tooHigh: "Ce montant est trop grand : saisissez-le en euros.",
};

/** Euros as typed ("62 000 000", "1 234,56 €") to exact cents, read by lib/core/money.ts; null when left empty. */
export const EurosSchema = z.unknown().optional().transform((input, ctx): bigint | null => {
  if (blank(input)) return null;
  const parsed = typeof input === "string" || typeof input === "number" ? parseEuroAmount(String(input), { maxCents: MAX_BUDGET_CENTS, allowZero: true }) : null;
  if (parsed?.ok) return parsed.cents;
  ctx.addIssue({ code: "custom", message: parsed ? BUDGET_MESSAGES[parsed.reason] : NUMBER_FORMAT_MESSAGE, input });
  return z.NEVER;
});

export const ChildrenCountSchema = frenchNumber<number>((p) => {
  if (p.negative) return { message: "Un nombre d'enfants ne peut pas être négatif." };
  if (p.decimals > 0) return { message: "Saisissez un nombre entier d'enfants." };
  if (p.value > MAX_CHILDREN) return { message: "Ce nombre est trop grand pour un département." };
  return { value: p.value };
});

/** A share in percent, 0 to 100, two decimals at most; kept as decimal text ("33.33"). */
export const SharePercentSchema = frenchNumber<string>((p) => {
  if (p.negative || p.value > 100) return { message: "Une part est comprise entre 0 et 100 %." };
  if (p.decimals > 2) return { message: "Une part a au plus deux décimales." };
  return { value: p.text };
});

export const HttpsUrlSchema = httpsUrlField;

export const ContextFigureFieldsSchema = z
  .object({
    childProtectionBudget: EurosSchema,
    childrenFollowedByAse: ChildrenCountSchema,
    disabilitySharePercent: SharePercentSchema,
    note: z.preprocess((v) => (blank(v) ? null : v), z.string({ error: "Texte illisible." }).trim().max(500, "500 caractères au plus.").nullable()),
    sourceUrl: HttpsUrlSchema,
  })
  .refine((f) => f.childProtectionBudget !== null || f.childrenFollowedByAse !== null || f.disabilitySharePercent !== null, {
    path: ["childProtectionBudget"],
    message: "Renseignez au moins un des trois chiffres.",
  });

export type ContextFigureFields = z.infer<typeof ContextFigureFieldsSchema>;

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const ContextYearSchema = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === "string" ? v.trim() : v),
  z.coerce
    .number({ error: "Saisissez l'année, par exemple 2021." })
    .int("Saisissez l'année, par exemple 2021.")
    .min(FIRST_YEAR, `L'année est comprise entre ${FIRST_YEAR} et ${LAST_YEAR}.`)
    .max(LAST_YEAR, `L'année est comprise entre ${FIRST_YEAR} et ${LAST_YEAR}.`),
);

export const ContextVersionSchema = versionField;

/** One year of a department's figures, as the table, the form and a conflict show them. */
export type ContextFigureValues = {
  id: string;
  departmentCode: string;
  year: number;
  version: number;
  childProtectionBudgetCents: number | null;
  childrenFollowedByAse: number | null;
  disabilitySharePercent: number | null;
  note: string | null;
  sourceUrl: string | null;
  isDemo: boolean;
  updatedAt: string;
};

export type ContextFigureBoard = {
  department: { code: string; name: string };
  figures: ContextFigureValues[];
  canEdit: boolean;
};

/** The form's strings: cents back to euros, decimals with a comma. */
export function contextFigureFormValues(departmentCode: string, f: ContextFigureValues | null): Record<string, string> {
  return {
    departmentCode,
    id: f?.id ?? "",
    version: f ? String(f.version) : "",
    year: f ? String(f.year) : "",
    childProtectionBudget: centsToInput(f?.childProtectionBudgetCents),
    childrenFollowedByAse: f?.childrenFollowedByAse === null || f?.childrenFollowedByAse === undefined ? "" : String(f.childrenFollowedByAse),
    disabilitySharePercent: toFrenchInput(f?.disabilitySharePercent),
    note: f?.note ?? "",
    sourceUrl: f?.sourceUrl ?? "",
  };
}
