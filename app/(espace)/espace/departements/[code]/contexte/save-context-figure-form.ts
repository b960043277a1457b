"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { createContextFigure, updateContextFigure } from "@/lib/context-figures/mutations";
import { contextFigureFormValues, type ContextFigureValues } from "@/lib/context-figures/schemas";
import { formValues, type FormState } from "@/lib/forms";

/** Adds a year (no id) or edits one (with its id and version). */
export async function saveContextFigureForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const viewer = await getViewer();
  const result = values.id ? await updateContextFigure(viewer, values.id, values) : await createContextFigure(viewer, values.departmentCode ?? "", values);
  const stamp = Date.now();
  // The table, the public department page and the workspace's activity are drawn again.
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) {
    return { status: "success", message: `Chiffres ${result.value.year} enregistrés.`, values: contextFigureFormValues(result.value.departmentCode, result.value), stamp };
  }
  if (result.code === "conflict") {
    const current = result.current as ContextFigureValues;
    // Keep what was typed; the next save, made knowingly, applies to the current version of that year.
    return {
      status: "conflict",
      message: result.message,
      values: { ...values, id: current.id, version: String(current.version), year: String(current.year) },
      current: {
        id: current.id,
        version: current.version,
        year: current.year,
        childProtectionBudgetCents: current.childProtectionBudgetCents,
        childrenFollowedByAse: current.childrenFollowedByAse,
        disabilitySharePercent: current.disabilitySharePercent,
        note: current.note,
        sourceUrl: current.sourceUrl,
      },
      stamp,
    };
  }
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
