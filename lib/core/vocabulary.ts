// The field's vocabulary: the parties, funders, stages and statuses the app knows, with their French labels.
// Codes are stored as written here; labels are what users read (screens, exports, the spreadsheet template).

// ───────────────────────── Fiches action ─────────────────────────

export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "POSTPONED", "ABANDONED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: "Non démarrée",
  IN_PROGRESS: "En cours",
  DONE: "Réalisée",
  POSTPONED: "Reportée",
  ABANDONED: "Abandonnée",
};

// ───────────────────────── Funding: parties, funders (budget lines), stages ─────────────────────────

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

export const STAGE_LABELS_LOWER: Record<FundingStage, { plural: string; singular: string }> = {
  PLANNED: { plural: "prévues", singular: "prévu" },
  NOTIFIED: { plural: "notifiées", singular: "notifié" },
  COMMITTED: { plural: "engagées", singular: "engagé" },
  PAID: { plural: "versées", singular: "versé" },
};

// ───────────────────────── Execution reports ─────────────────────────

export const REPORT_STATUSES = ["DRAFT", "SUBMITTED", "SENT_BACK", "ADOPTED"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "En rédaction",
  SUBMITTED: "Soumis, en cours de validation",
  SENT_BACK: "Renvoyé au département",
  ADOPTED: "Adopté",
};

/** The three signatories; the State and the ARS approve, the department writes and submits. */
export type ReportParty = "DEPARTMENT" | "STATE" | "ARS";
export type ApprovingParty = Exclude<ReportParty, "DEPARTMENT">;
/** As a name, at the start of a cell or a line: "État". */
export const REPORT_PARTY_LABELS: Record<ReportParty, string> = { DEPARTMENT: "Département", STATE: "État", ARS: "ARS" };
/** Within a sentence, with its article: "l'État". */
export const REPORT_PARTY_NAMES: Record<ReportParty, string> = { DEPARTMENT: "le département", STATE: "l'État", ARS: "l'ARS" };
