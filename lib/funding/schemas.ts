// Funding vocabulary, form schemas and DTOs shared by the server and the client (no data access here).
import { z } from "zod";
import { centsToInput, parseEuroAmount } from "../core/money";
import { FUNDERS, FUNDER_LABELS, FUNDER_PARTY, FUNDING_PARTIES, FUNDING_STAGES, PARTY_LABELS, STAGE_LABELS, STAGE_LABELS_LOWER, type Funder, type FundingParty, type FundingStage } from "../core/vocabulary";
import { contractYears } from "../core/dates";
import { emptyToNull, versionField } from "../core/fields";

// The vocabulary lives in lib/core; this domain's schemas name it too for its forms and DTOs.
export { FUNDERS, FUNDER_LABELS, FUNDER_PARTY, FUNDING_PARTIES, FUNDING_STAGES, PARTY_LABELS, STAGE_LABELS, STAGE_LABELS_LOWER, type Funder, type FundingParty, type FundingStage };

/** Amounts per stage, in cents. */
export type StageTotals = Record<FundingStage, number>;

export const emptyStageTotals = (): StageTotals => ({ PLANNED: 0, NOTIFIED: 0, COMMITTED: 0, PAID: 0 });

/** Taux de versement: paid over notified (granted), in percent; null when nothing is notified. One definition everywhere. */
export function spendingRate(totals: StageTotals): number | null {
  return totals.NOTIFIED > 0 ? (totals.PAID / totals.NOTIFIED) * 100 : null;
}

// ───────────────────────── Ledger lines: form schema and DTOs ─────────────────────────


const toYear = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v);

/** The years a contract covers: the one rule of lib/core, named here for this domain's mutations. */
export { contractYears };

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

export const FundingLineVersionSchema = versionField;

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
