"use server";

import { revalidatePath } from "next/cache";
import { updateAction } from "@/lib/actions/mutations";
import { actionFormValues } from "@/lib/actions/schemas";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function updateActionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await updateAction(await getViewer(), values.id ?? "", values);
  const stamp = Date.now();
  // The history beside the form, and every page showing this action, are drawn again.
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) return { status: "success", message: "Fiche action enregistrée.", values: actionFormValues(result.value, values.contractId ?? ""), stamp };
  if (result.code === "conflict") {
    const current = result.current as Record<string, string | number | null>;
    // Keep what was typed; the next save, made knowingly, applies to the current version.
    return { status: "conflict", message: result.message, values: { ...values, version: String(current.version) }, current, stamp };
  }
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
