// Funding vocabulary shared by the server and the client (no data access here).
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

/** Paid over planned, in percent; null when nothing is planned. */
export function spendingRate(totals: StageTotals): number | null {
  return totals.PLANNED > 0 ? (totals.PAID / totals.PLANNED) * 100 : null;
}
