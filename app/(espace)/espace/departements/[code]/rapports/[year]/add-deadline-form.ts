"use server";

import { getViewer } from "@/lib/auth/web";
import { refreshOnConflict } from "@/lib/form-action";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { addDeadline } from "@/lib/reports/deadline-mutations";
import { REPORT_FORM } from "@/lib/reports/form-state";

export async function addDeadlineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await addDeadline(await getViewer(), values.contractId ?? "", values));
  // On success the form starts empty again, ready for the next deadline.
  return toFormState(result, values, { success: "Échéance ajoutée.", successValues: () => ({}), ...REPORT_FORM });
}
