"use server";

import { getViewer } from "@/lib/auth/web";
import { refreshOnConflict } from "@/lib/form-action";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { setReportDueDate } from "@/lib/reports/deadline-mutations";
import { REPORT_FORM } from "@/lib/reports/form-state";

export async function setDueDateForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await setReportDueDate(await getViewer(), values.contractId ?? "", Number(values.year), values.dueOn));
  return toFormState(result, values, { success: "Date limite enregistrée.", ...REPORT_FORM });
}
