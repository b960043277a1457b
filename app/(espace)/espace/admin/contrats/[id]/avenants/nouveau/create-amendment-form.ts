"use server";

import { redirect } from "next/navigation";
import { createAmendment } from "@/lib/admin/contracts/amendment-mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function createAmendmentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const contractId = values.contractId ?? "";
  const result = await createAmendment(await getViewer(), contractId, values);
  if (!result.ok) return toFormState(result, values, { success: "" });
  redirect(`/espace/admin/contrats/${encodeURIComponent(contractId)}?avenant=${result.value.year}`);
}
