"use server";

import { redirect } from "next/navigation";
import { createContract } from "@/lib/admin/contracts/mutations";
import { getViewer } from "@/lib/auth/web";
import { formText, formValues, toFormState, type FormState } from "@/lib/forms";

export async function createContractForm(_prev: FormState, formData: FormData): Promise<FormState> {
  // The ticked optional objectives are several values of one field: kept as a list, and as one string for the form.
  const optionalObjectiveIds = formData.getAll("optionalObjectiveIds").map(formText);
  const values = { ...formValues(formData), optionalObjectiveIds: optionalObjectiveIds.join(",") };
  const result = await createContract(await getViewer(), { ...values, optionalObjectiveIds });
  if (!result.ok) return toFormState(result, values, { success: "" });
  redirect(`/espace/admin/contrats/${result.value.id}?cree=1`);
}
