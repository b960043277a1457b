"use server";

import { updateAction } from "@/lib/actions/mutations";
import { actionFormValues } from "@/lib/actions/schemas";
import { getViewer } from "@/lib/auth/web";
import { keepTypedOnCurrentVersion } from "@/lib/core/form-state";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { refreshOnConflict } from "@/lib/form-action";

export async function updateActionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await updateAction(await getViewer(), values.id ?? "", values));
  return toFormState(result, values, {
    success: "Fiche action enregistrée.",
    successValues: (action) => actionFormValues(action, values.contractId ?? ""),
    conflict: keepTypedOnCurrentVersion,
  });
}
