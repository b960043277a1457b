// Where a report stands and who must act: pure, shared by the mutations and the screens.
import { REPORT_PARTY_LABELS, REPORT_PARTY_NAMES, type ApprovalDecision, type ApprovingParty, type ReportParty, type ReportStatus } from "./schemas";

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

/** Who must act, as one sentence: "En attente de la décision de l'État et de l'ARS." */
export function nextStepText(status: ReportStatus, toAct: ReportParty[]): string {
  if (status === "ADOPTED") return "Adopté par les trois signataires : plus aucune action attendue.";
  if (status === "SENT_BACK") return "Au département de reprendre le rapport et de le soumettre à nouveau.";
  if (status === "DRAFT") return "Au département de rédiger le rapport, puis de le soumettre à l'État et à l'ARS.";
  return `En attente de la décision ${toAct.map((p) => `de ${REPORT_PARTY_NAMES[p]}`).join(" et ")}.`;
}

/** Who must act, for a table cell: "État et ARS", or "—" once adopted. */
export const toActCell = (toAct: ReportParty[]) => (toAct.length ? toAct.map((p) => REPORT_PARTY_LABELS[p]).join(" et ") : "—");

export type StepState = "done" | "current" | "upcoming";
export type ReportStep = { party: ReportParty | null; label: string; state: StepState };

/** The steps of the circuit and where each stands: write and submit; the State and the ARS (in either order); adoption. */
export function reportSteps(status: ReportStatus, toAct: ReportParty[]): ReportStep[] {
  const submitted = status === "SUBMITTED" || status === "ADOPTED";
  const approval = (party: ApprovingParty): StepState => (status === "ADOPTED" || (status === "SUBMITTED" && !toAct.includes(party)) ? "done" : status === "SUBMITTED" ? "current" : "upcoming");
  return [
    { party: "DEPARTMENT", label: status === "SENT_BACK" ? "Le département reprend et soumet à nouveau" : "Le département rédige et soumet", state: submitted ? "done" : "current" },
    { party: "STATE", label: "L'État approuve", state: approval("STATE") },
    { party: "ARS", label: "L'ARS approuve", state: approval("ARS") },
    { party: null, label: "Rapport adopté", state: status === "ADOPTED" ? "done" : "upcoming" },
  ];
}
