// Fiche action vocabulary shared by the server and the client.
export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "POSTPONED", "ABANDONED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: "Non démarrée",
  IN_PROGRESS: "En cours",
  DONE: "Réalisée",
  POSTPONED: "Reportée",
  ABANDONED: "Abandonnée",
};

/** "En retard" is computed, never typed: the end date has passed and the action is neither done nor abandoned. */
export function isActionLate(action: { status: ActionStatus; endDate: string | null }, today: Date = new Date()): boolean {
  if (!action.endDate || action.status === "DONE" || action.status === "ABANDONED") return false;
  return action.endDate < today.toISOString().slice(0, 10);
}
