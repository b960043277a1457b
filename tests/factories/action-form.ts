// The edit form of a fiche action as the page fills it from the stored record: what a test posts to
// `updateAction`, with the fields it changes.
import type { Action } from "../../lib/server/generated/prisma/client";
type StoredAction = Pick<Action, "title" | "objectiveId" | "purpose" | "targetPublic" | "lead" | "partners" | "startDate" | "endDate" | "status" | "progress" | "version">;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? "";

export function actionForm(a: StoredAction, changes: Record<string, unknown> = {}) {
  return {
    title: a.title,
    objectiveId: a.objectiveId,
    purpose: a.purpose ?? "",
    targetPublic: a.targetPublic ?? "",
    lead: a.lead ?? "",
    partners: a.partners ?? "",
    startDate: day(a.startDate),
    endDate: day(a.endDate),
    status: a.status,
    progress: String(a.progress),
    version: String(a.version),
    ...changes,
  };
}
