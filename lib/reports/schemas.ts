// Execution report vocabulary, form schemas and the frozen snapshot's shape (safe for the client).
import { z } from "zod";
import type { ActionStatus } from "../actions/schemas";
import type { Funder, StageTotals } from "../funding/schemas";
import type { IndicatorDirection, IndicatorKind } from "../indicators/schemas";

import { REPORT_PARTY_LABELS, REPORT_PARTY_NAMES, REPORT_STATUSES, REPORT_STATUS_LABELS, type ApprovingParty, type ReportParty, type ReportStatus } from "../core/vocabulary";
import { emptyToNull, isoDayField, optionalVersionField } from "../core/fields";

// The vocabulary lives in lib/core; this domain's schemas name it too for its forms and DTOs.
export { REPORT_PARTY_LABELS, REPORT_PARTY_NAMES, REPORT_STATUSES, REPORT_STATUS_LABELS, type ApprovingParty, type ReportParty, type ReportStatus };


export type ApprovalDecision = "APPROVED" | "SENT_BACK";
export const DECISION_LABELS: Record<ApprovalDecision, string> = { APPROVED: "approuvé", SENT_BACK: "renvoyé au département" };

const narrative = z.preprocess(emptyToNull, z.string().trim().max(10_000, "10 000 caractères au plus.").nullable().default(null));

export const NarrativeSchema = z.object({ highlights: narrative, difficulties: narrative, outlook: narrative });
export type Narrative = z.infer<typeof NarrativeSchema>;

/** 0 (or blank) means "no report saved yet" (the first save creates it); otherwise a version, counted from 1. */
export const ReportVersionSchema = z.preprocess((v) => (v === 0 || v === "0" ? null : v), optionalVersionField).transform((v) => v ?? 0);

export const DecisionSchema = z
  .object({
    decision: z.enum(["APPROVED", "SENT_BACK"], { error: "Choisissez : approuver ou renvoyer." }),
    comment: z.preprocess(emptyToNull, z.string().trim().max(2000, "2 000 caractères au plus.").nullable().default(null)),
  })
  .refine((d) => d.decision !== "SENT_BACK" || d.comment !== null, { path: ["comment"], message: "Dites au département ce qui est à reprendre." });

export const YearSchema = z.coerce.number().int().min(2000).max(2100);

/** A deadline's day (the one day field of lib/core: a real day within the plausible range). */
export const isoDay = isoDayField;

export const DEADLINE_KINDS = ["REPORT_DUE", "AMENDMENT", "CUSTOM"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = { REPORT_DUE: "Rapport d'exécution", AMENDMENT: "Avenant", CUSTOM: "Autre échéance" };

export const DeadlineFieldsSchema = z.object({
  kind: z.enum(["AMENDMENT", "CUSTOM"], { error: "Choisissez un type d'échéance." }),
  label: z.string().trim().min(3, "Le libellé doit compter au moins 3 caractères.").max(200, "200 caractères au plus."),
  dueOn: isoDay,
});

/** A report whose due date has passed without adoption, for the oversight views. */
export type OverdueReportRow = { contractId: string; departmentCode: string; departmentName: string; year: number; dueOn: string; daysLate: number; status: ReportStatus; toAct: ReportParty[] };

// ───────────────────────── The snapshot: every figure the report shows ─────────────────────────

export type SnapshotAction = { reference: string; title: string; status: ActionStatus; progress: number; endDate: string | null; isLate: boolean };
export type SnapshotFunding = { funder: Funder } & StageTotals;
export type SnapshotIndicator = {
  code: string;
  label: string;
  unit: string;
  /** Absent from the first snapshots taken: read from the unit then (see indicatorDisplay). */
  kind?: IndicatorKind;
  direction?: IndicatorDirection;
  baseline: number | null;
  target: number | null;
  actual: number | null;
};
export type SnapshotContext = { childProtectionBudgetCents: number | null; childrenFollowedByAse: number | null; disabilitySharePercent: number | null } | null;

export type ReportSnapshot = {
  schema: 1;
  takenAt: string;
  year: number;
  department: { code: string; name: string; regionName: string };
  contract: { id: string; frameworkCode: string; wave: number; periodStart: string; periodEnd: string };
  actions: SnapshotAction[];
  actionCounts: Record<ActionStatus, number>;
  /** Funding lines of the report's year, funder × stage, in cents. */
  funding: SnapshotFunding[];
  fundingTotals: StageTotals;
  indicators: SnapshotIndicator[];
  context: SnapshotContext;
};

/** What changed since the last adopted report. */
export type SnapshotDiff = {
  sinceYear: number;
  actions: { reference: string; title: string; before: { status: ActionStatus; progress: number } | null; after: { status: ActionStatus; progress: number } | null }[];
  /** This report's totals minus the previous one's, per stage. */
  fundingTotals: StageTotals;
  previousFundingTotals: StageTotals;
  indicators: { code: string; label: string; unit: string; kind?: IndicatorKind; before: number | null; after: number | null }[];
};
