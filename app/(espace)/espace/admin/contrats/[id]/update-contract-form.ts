"use server";

import { revalidatePath } from "next/cache";
import { updateContract } from "@/lib/admin/contracts/mutations";
import { toFormValues } from "@/lib/admin/contracts/schemas";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function updateContractForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await updateContract(await getViewer(), values.id ?? "", values);
  const stamp = Date.now();
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) return { status: "success", message: "Contrat enregistré.", values: toFormValues(result.value), stamp };
  if (result.code === "conflict") {
    const current = result.current as Record<string, string | number | null>;
    // Keep what was typed; the next save, made knowingly, applies to the current version.
    return { status: "conflict", message: result.message, values: { ...values, version: String(current.version) }, current, stamp };
  }
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
