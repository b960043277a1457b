"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { updateFundingLine } from "@/lib/funding/mutations";
import { fundingLineFormValues } from "@/lib/funding/schemas";

export async function updateFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await updateFundingLine(await getViewer(), values.id ?? "", values);
  const stamp = Date.now();
  // The history beside the form, the ledger and every total are drawn again.
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) {
    return { status: "success", message: "Ligne de financement enregistrée.", values: { ...fundingLineFormValues(result.value), departmentCode: values.departmentCode ?? "" }, stamp };
  }
  if (result.code === "conflict") {
    const current = result.current as Record<string, string | number | null>;
    // Keep what was typed; the next save, made knowingly, applies to the current version.
    return { status: "conflict", message: result.message, values: { ...values, version: String(current.version) }, current, stamp };
  }
  // A missing version has no field to show its error next to: it becomes the form's message.
  const message = result.code === "invalid" && result.fieldErrors.version ? result.fieldErrors.version.join(" ") : result.message;
  return { status: "error", message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
