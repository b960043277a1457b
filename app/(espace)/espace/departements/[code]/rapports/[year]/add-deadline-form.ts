"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { addDeadline } from "@/lib/reports/deadline-mutations";
import { reportFormState } from "@/lib/reports/form-state";
import { refreshOnConflict } from "@/lib/form-action";

export async function addDeadlineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await addDeadline(await getViewer(), v.contractId ?? "", v);
  refreshOnConflict(result);
  // On success the form starts empty again, ready for the next deadline.
  return reportFormState(result, "Échéance ajoutée.", result.ok ? {} : v);
}
