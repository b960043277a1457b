"use server";

import { updateContract } from "@/lib/admin/contracts/mutations";
import { toFormValues } from "@/lib/admin/contracts/schemas";
import { getViewer } from "@/lib/auth/web";
import { keepTypedOnCurrentVersion } from "@/lib/core/form-state";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { refreshOnConflict } from "@/lib/form-action";

export async function updateContractForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await updateContract(await getViewer(), values.id ?? "", values));
  return toFormState(result, values, { success: "Contrat enregistré.", successValues: toFormValues, conflict: keepTypedOnCurrentVersion });
}
