"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAmendment } from "@/lib/admin/contracts/amendment-mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function createAmendmentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const contractId = values.contractId ?? "";
  const result = await createAmendment(await getViewer(), contractId, values);
  if (!result.ok) {
    return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp: Date.now() };
  }
  revalidatePath("/", "layout");
  redirect(`/espace/admin/contrats/${encodeURIComponent(contractId)}?avenant=${result.value.year}`);
}
