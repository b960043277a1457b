// Where a report stands and who must act: pure, shared by the mutations and the screens.
import type { ApprovalDecision, ApprovingParty, ReportParty, ReportStatus } from "./schemas";

export type ApprovalLite = { party: ApprovingParty | "DEPARTMENT" | "OTHER"; decision: ApprovalDecision; createdAt: Date | string };

const time = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).getTime();

/** The decisions of the current round: those made after the last submission. */
export function currentRound<T extends ApprovalLite>(approvals: T[], submittedAt: Date | string | null): T[] {
  if (!submittedAt) return [];
  return approvals.filter((a) => time(a.createdAt) > time(submittedAt));
}

/** Who must act next: the department while it writes; the State and/or the ARS while submitted; nobody once adopted. */
export function partiesToAct(status: ReportStatus, round: ApprovalLite[]): ReportParty[] {
  if (status === "DRAFT" || status === "SENT_BACK") return ["DEPARTMENT"];
  if (status === "ADOPTED") return [];
  return (["STATE", "ARS"] as const).filter((p) => !round.some((a) => a.party === p && a.decision === "APPROVED"));
}

/** The status after a party's decision on a submitted report. */
export function statusAfterDecision(round: ApprovalLite[], party: ApprovingParty, decision: ApprovalDecision): ReportStatus {
  if (decision === "SENT_BACK") return "SENT_BACK";
  const other: ApprovingParty = party === "STATE" ? "ARS" : "STATE";
  return round.some((a) => a.party === other && a.decision === "APPROVED") ? "ADOPTED" : "SUBMITTED";
}

export const canEditNarrative = (status: ReportStatus) => status === "DRAFT" || status === "SENT_BACK";
