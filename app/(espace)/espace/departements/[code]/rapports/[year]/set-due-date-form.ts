"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { setReportDueDate } from "@/lib/reports/deadline-mutations";
import { reportFormState } from "@/lib/reports/form-state";
import { refreshOnConflict } from "@/lib/form-action";

export async function setDueDateForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await setReportDueDate(await getViewer(), v.contractId ?? "", Number(v.year), v.dueOn);
  refreshOnConflict(result);
  return reportFormState(result, "Date limite enregistrée.", v);
}
