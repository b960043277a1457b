// Funding vocabulary, form schemas and DTOs shared by the server and the client (no data access here).
import { z } from "zod";
import { centsToInput, parseEuroAmount } from "../money";
export const FUNDING_PARTIES = ["STATE", "ARS", "DEPARTMENT", "OTHER"] as const;
export type FundingParty = (typeof FUNDING_PARTIES)[number];

export const FUNDERS = ["STATE_P304", "ARS_FIR", "ARS_ONDAM_MS", "DEPARTMENT", "OTHER"] as const;
export type Funder = (typeof FUNDERS)[number];

export const FUNDING_STAGES = ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

export const PARTY_LABELS: Record<FundingParty, string> = {
  STATE: "État",
  ARS: "ARS",
  DEPARTMENT: "Département",
  OTHER: "Autres",
};

export const FUNDER_LABELS: Record<Funder, string> = {
  STATE_P304: "État — P304",
  ARS_FIR: "ARS — FIR",
  ARS_ONDAM_MS: "ARS — ONDAM médico-social",
  DEPARTMENT: "Département",
  OTHER: "Autres",
};

export const FUNDER_PARTY: Record<Funder, FundingParty> = {
  STATE_P304: "STATE",
  ARS_FIR: "ARS",
  ARS_ONDAM_MS: "ARS",
  DEPARTMENT: "DEPARTMENT",
  OTHER: "OTHER",
};

export const STAGE_LABELS: Record<FundingStage, string> = {
  PLANNED: "Prévu",
  NOTIFIED: "Notifié",
  COMMITTED: "Engagé",
  PAID: "Versé",
};

/** Amounts per stage, in cents. */
export type StageTotals = Record<FundingStage, number>;

export const emptyStageTotals = (): StageTotals => ({ PLANNED: 0, NOTIFIED: 0, COMMITTED: 0, PAID: 0 });

/** Taux de versement: paid over notified (granted), in percent; null when nothing is notified. One definition everywhere. */
export function spendingRate(totals: StageTotals): number | null {
  return totals.NOTIFIED > 0 ? (totals.PAID / totals.NOTIFIED) * 100 : null;
}

// ───────────────────────── Ledger lines: form schema and DTOs ─────────────────────────

export const STAGE_LABELS_LOWER: Record<FundingStage, { plural: string; singular: string }> = {
  PLANNED: { plural: "prévues", singular: "prévu" },
  NOTIFIED: { plural: "notifiées", singular: "notifié" },
  COMMITTED: { plural: "engagées", singular: "engagé" },
  PAID: { plural: "versées", singular: "versé" },
};

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const toYear = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v);

/** The years a contract covers, from its period (ISO dates or Date). */
export function contractYears(periodStart: string | Date, periodEnd: string | Date): number[] {
  const year = (d: string | Date) => (typeof d === "string" ? Number(d.slice(0, 4)) : d.getUTCFullYear());
  const first = year(periodStart);
  const last = year(periodEnd);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** A ledger line as typed in its form; the year must fall within the contract's period. */
export function fundingLineFieldsSchema(period: { firstYear: number; lastYear: number }) {
  const outside = `L'année doit être comprise dans la période du contrat (${period.firstYear} à ${period.lastYear}).`;
  return z.object({
    actionId: z.preprocess(emptyToNull, z.string().nullable().default(null)),
    funder: z.enum(FUNDERS, { error: "Choisissez un financeur dans la liste." }),
    year: z.preprocess(
      toYear,
      z.number({ error: "Choisissez une année." }).int("Choisissez une année.").min(period.firstYear, outside).max(period.lastYear, outside),
    ),
    stage: z.enum(FUNDING_STAGES, { error: "Choisissez une étape dans la liste." }),
    amount: z.unknown().transform((value, ctx) => {
      const parsed = parseEuroAmount(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.cents;
    }),
  });
}

export type FundingLineFields = z.infer<ReturnType<typeof fundingLineFieldsSchema>>;

export const FundingLineVersionSchema = z.coerce.number({ error: "Version manquante : rechargez la page." }).int().positive();

/** What the edit form shows and what a conflict returns: the current values of a ledger line (cents as a number, JSON-safe). */
export type FundingLineValues = {
  id: string;
  contractId: string;
  actionId: string | null;
  funder: Funder;
  year: number;
  stage: FundingStage;
  amountCents: number;
  version: number;
  updatedAt: string;
};

/** A line's values as the form's strings (the amount as typed in French, "1 234,56"). */
export function fundingLineFormValues(values: FundingLineValues): Record<string, string> {
  return {
    id: values.id,
    contractId: values.contractId,
    actionId: values.actionId ?? "",
    funder: values.funder,
    year: String(values.year),
    stage: values.stage,
    amount: centsToInput(values.amountCents),
    version: String(values.version),
  };
}

export type ActionOption = { id: string; label: string; archived: boolean };

/** A ledger line as the table lists it. */
export type FundingLineRow = FundingLineValues & Provenance & { actionLabel: string | null };

type Provenance = { sourceUrl: string | null; isDemo: boolean };
