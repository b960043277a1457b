// Indicator vocabulary, form schemas and DTOs, shared by the server and the client (no data access here).
import { z } from "zod";
import { parseFrenchDecimal, toFrenchInput } from "../core/decimal";
import { contractYears } from "../core/dates";
import { optionalVersionField } from "../core/fields";

export const INDICATOR_KINDS = ["RATE", "COUNT", "DELAY_DAYS", "MILESTONE", "AMOUNT"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  RATE: "Taux",
  COUNT: "Nombre",
  DELAY_DAYS: "Délai",
  MILESTONE: "Jalon",
  AMOUNT: "Montant",
};

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  HIGHER_IS_BETTER: "plus haut, mieux c'est",
  LOWER_IS_BETTER: "plus bas, mieux c'est",
  NEUTRAL: "suivi sans sens attendu",
};

/** What each kind accepts, and how to say what is wrong. */
type KindRule = { decimals: number; min: number; max: number; decimalsMessage: string; rangeMessage: string; negativeMessage: string };

const KIND_RULES: Record<IndicatorKind, KindRule> = {
  RATE: {
    decimals: 2,
    min: 0,
    max: 100,
    decimalsMessage: "Un taux a au plus deux décimales.",
    rangeMessage: "Un taux est compris entre 0 et 100 %.",
    negativeMessage: "Un taux est compris entre 0 et 100 %.",
  },
  COUNT: {
    decimals: 0,
    min: 0,
    max: 999_999_999_999,
    decimalsMessage: "Saisissez un nombre entier.",
    rangeMessage: "Ce nombre est trop grand.",
    negativeMessage: "Un nombre ne peut pas être négatif.",
  },
  DELAY_DAYS: {
    decimals: 0,
    min: 0,
    max: 3650,
    decimalsMessage: "Un délai se compte en jours entiers.",
    rangeMessage: "Un délai ne dépasse pas 3 650 jours.",
    negativeMessage: "Un délai ne peut pas être négatif.",
  },
  MILESTONE: {
    decimals: 0,
    min: 0,
    max: 1,
    decimalsMessage: "Choisissez oui ou non.",
    rangeMessage: "Choisissez oui ou non.",
    negativeMessage: "Choisissez oui ou non.",
  },
  AMOUNT: {
    decimals: 2,
    min: 0,
    max: 999_999_999_999,
    decimalsMessage: "Un montant a au plus deux décimales (les centimes).",
    rangeMessage: "Ce montant est trop grand.",
    negativeMessage: "Un montant ne peut pas être négatif.",
  },
};

export const NUMBER_FORMAT_MESSAGE = "Saisissez un nombre, par exemple 12,5.";

/** One typed value of an indicator of this kind: null when empty, else the canonical decimal text ("12.5"). */
export function parseIndicatorNumber(kind: IndicatorKind, input: unknown): { ok: true; value: string | null } | { ok: false; message: string } {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input !== "string" && typeof input !== "number") return { ok: false, message: NUMBER_FORMAT_MESSAGE };
  const text = String(input).trim();
  if (text === "") return { ok: true, value: null };
  const rule = KIND_RULES[kind];
  if (kind === "MILESTONE") {
    const word = text.toLowerCase();
    if (word === "oui") return { ok: true, value: "1" };
    if (word === "non") return { ok: true, value: "0" };
  }
  const parsed = parseFrenchDecimal(text);
  if (!parsed.ok) return { ok: false, message: kind === "MILESTONE" ? rule.rangeMessage : NUMBER_FORMAT_MESSAGE };
  if (parsed.negative) return { ok: false, message: rule.negativeMessage };
  if (parsed.decimals > rule.decimals) return { ok: false, message: rule.decimalsMessage };
  if (parsed.value < rule.min || parsed.value > rule.max) return { ok: false, message: rule.rangeMessage };
  return { ok: true, value: parsed.text };
}

function indicatorNumber(kind: IndicatorKind) {
  return z.unknown().optional().transform((input, ctx) => {
    const result = parseIndicatorNumber(kind, input);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message, input });
      return z.NEVER;
    }
    return result.value;
  });
}

/** Baseline, target and actual of one (indicator, year), checked for the indicator's kind. */
export function indicatorValueFieldsSchema(kind: IndicatorKind) {
  return z.object({ baseline: indicatorNumber(kind), target: indicatorNumber(kind), actual: indicatorNumber(kind) });
}

export type IndicatorValueFields = z.infer<ReturnType<typeof indicatorValueFieldsSchema>>;

export const IndicatorValueKeySchema = z.object({
  indicatorId: z.string({ error: "Choisissez un indicateur." }).min(1, "Choisissez un indicateur."),
  year: z.coerce.number({ error: "Saisissez une année." }).int("Saisissez une année.").min(1000, "Saisissez une année sur quatre chiffres.").max(9999, "Saisissez une année sur quatre chiffres."),
});

/** Empty: the row does not exist yet (a creation); otherwise the version the form was loaded with. */
export const OptionalVersionSchema = optionalVersionField;

/** The years a contract covers: the one rule of lib/core, named here for this domain's mutations. */
export { contractYears };

/** What the form shows and what a save or a conflict returns: one (indicator, year) of a contract. */
export type IndicatorValueEditValues = {
  id: string;
  contractId: string;
  indicatorId: string;
  year: number;
  version: number;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  sourceUrl: string | null;
  isDemo: boolean;
  updatedAt: string;
};

/** The form's strings for an (indicator, year), whether or not a row exists yet. */
export function indicatorValueFormValues(
  key: { contractId: string; indicatorId: string; year: number },
  values: { version?: number | null; baseline?: number | null; target?: number | null; actual?: number | null } | null,
): Record<string, string> {
  return {
    contractId: key.contractId,
    indicatorId: key.indicatorId,
    year: String(key.year),
    version: values?.version ? String(values.version) : "",
    baseline: toFrenchInput(values?.baseline),
    target: toFrenchInput(values?.target),
    actual: toFrenchInput(values?.actual),
  };
}

// ─── The board: every indicator of the objectives a contract takes, per contract year ───

export type IndicatorYearRow = {
  year: number;
  id: string | null;
  version: number | null;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  sourceUrl: string | null;
  isDemo: boolean;
};

export type IndicatorRow = {
  id: string;
  code: string;
  label: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  unit: string;
  years: IndicatorYearRow[];
};

export type ObjectiveIndicators = { id: string; code: string; title: string; isMandatory: boolean; indicators: IndicatorRow[] };

export type CommitmentIndicators = { code: string; title: string; objectives: ObjectiveIndicators[] };

export type IndicatorBoard = {
  department: { code: string; name: string };
  contract: { id: string; frameworkCode: string; wave: number; periodStart: string; periodEnd: string; years: number[] } | null;
  otherContracts: { id: string; frameworkCode: string; wave: number }[];
  commitments: CommitmentIndicators[];
  canEdit: boolean;
};
