"use server";

import { revalidatePath } from "next/cache";
import { updateAmendment } from "@/lib/admin/contracts/amendment-mutations";
import { toFormValues } from "@/lib/admin/contracts/schemas";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function updateAmendmentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await updateAmendment(await getViewer(), values.id ?? "", values);
  const stamp = Date.now();
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) return { status: "success", message: "Avenant enregistré.", values: toFormValues(result.value), stamp };
  if (result.code === "conflict") {
    const current = result.current as Record<string, string | number | null>;
    return { status: "conflict", message: result.message, values: { ...values, version: String(current.version) }, current, stamp };
  }
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
