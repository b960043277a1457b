"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { setReportDueDate } from "@/lib/reports/deadline-mutations";
import { reportChanged, reportFormState } from "@/lib/reports/form-state";

export async function setDueDateForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await setReportDueDate(await getViewer(), v.contractId ?? "", Number(v.year), v.dueOn);
  if (reportChanged(result)) revalidatePath("/espace", "layout");
  return reportFormState(result, "Date limite enregistrée.", v);
}
