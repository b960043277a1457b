"use server";

import { updateAmendment } from "@/lib/admin/contracts/amendment-mutations";
import { toFormValues } from "@/lib/admin/contracts/schemas";
import { getViewer } from "@/lib/auth/web";
import { keepTypedOnCurrentVersion } from "@/lib/core/form-state";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { refreshOnConflict } from "@/lib/form-action";

export async function updateAmendmentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await updateAmendment(await getViewer(), values.id ?? "", values));
  return toFormState(result, values, { success: "Avenant enregistré.", successValues: toFormValues, conflict: keepTypedOnCurrentVersion });
}
