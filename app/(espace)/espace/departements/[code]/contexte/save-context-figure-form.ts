"use server";

import { getViewer } from "@/lib/auth/web";
import { createContextFigure, updateContextFigure } from "@/lib/context-figures/mutations";
import { contextFigureFormValues } from "@/lib/context-figures/schemas";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { refreshOnConflict } from "@/lib/form-action";

/** Adds a year (no id) or edits one (with its id and version). */
export async function saveContextFigureForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const viewer = await getViewer();
  const result = refreshOnConflict(values.id ? await updateContextFigure(viewer, values.id, values) : await createContextFigure(viewer, values.departmentCode ?? "", values));
  return toFormState(result, values, {
    success: (saved) => `Chiffres ${saved.year} enregistrés.`,
    successValues: (saved) => contextFigureFormValues(saved.departmentCode, saved),
    // Keep what was typed; the next save, made knowingly, applies to the current version of that year.
    conflict: (c) => ({
      values: { ...values, id: c.id, version: String(c.version), year: String(c.year) },
      current: {
        id: c.id,
        version: c.version,
        year: c.year,
        childProtectionBudgetCents: c.childProtectionBudgetCents,
        childrenFollowedByAse: c.childrenFollowedByAse,
        disabilitySharePercent: c.disabilitySharePercent,
        note: c.note,
        sourceUrl: c.sourceUrl,
      },
    }),
  });
}
