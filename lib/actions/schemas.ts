// Fiche action vocabulary and form schemas, shared by the server and the client.
import { z } from "zod";

import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from "../core/vocabulary";
import { isoDay } from "../core/dates";
import { emptyToNull, optionalDate, optionalText, versionField } from "../core/fields";

// The vocabulary lives in lib/core; this domain's schemas name it too for its forms and DTOs.
export { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus };

/** "En retard" is computed, never typed: the end date has passed and the action is neither done nor abandoned. */
export function isActionLate(action: { status: ActionStatus; endDate: string | null }, today: Date = new Date()): boolean {
  if (!action.endDate || action.status === "DONE" || action.status === "ABANDONED") return false;
  return action.endDate < isoDay(today);
}


export const ActionFieldsSchema = z
  .object({
    title: z.string().trim().min(3, "L'intitulé doit compter au moins 3 caractères.").max(200, "200 caractères au plus."),
    objectiveId: z.preprocess(emptyToNull, z.string().nullable().default(null)),
    purpose: optionalText(2000),
    targetPublic: optionalText(300),
    lead: optionalText(300),
    partners: optionalText(500),
    startDate: optionalDate,
    endDate: optionalDate,
    status: z.enum(ACTION_STATUSES, { error: "Choisissez un statut dans la liste." }),
    progress: z.coerce
      .number({ error: "Saisissez un nombre entre 0 et 100." })
      .int("Saisissez un nombre entier.")
      .min(0, "L'avancement ne peut pas être négatif.")
      .max(100, "L'avancement ne dépasse pas 100 %."),
  })
  .refine((a) => !a.startDate || !a.endDate || a.startDate <= a.endDate, {
    path: ["endDate"],
    message: "La date de fin doit suivre la date de début.",
  })
  .refine((a) => a.status !== "DONE" || a.progress === 100, {
    path: ["progress"],
    message: "Une action réalisée est avancée à 100 %.",
  })
  .refine((a) => a.status !== "NOT_STARTED" || a.progress === 0, {
    path: ["progress"],
    message: "Une action non démarrée est avancée à 0 %.",
  });

export type ActionFields = z.infer<typeof ActionFieldsSchema>;

export const ActionVersionSchema = versionField;

/** What the edit form shows and what a conflict returns: the current values of an action. */
export type ActionEditValues = {
  id: string;
  reference: string;
  version: number;
  title: string;
  objectiveId: string | null;
  purpose: string | null;
  targetPublic: string | null;
  lead: string | null;
  partners: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ActionStatus;
  progress: number;
  archivedAt: string | null;
  updatedAt: string;
};

/** An action's values as the form's strings. */
export function actionFormValues(values: ActionEditValues, contractId: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...values, contractId }).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]),
  );
}
