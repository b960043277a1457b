"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { addDeadline } from "@/lib/reports/deadline-mutations";
import { reportChanged, reportFormState } from "@/lib/reports/form-state";

export async function addDeadlineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await addDeadline(await getViewer(), v.contractId ?? "", v);
  if (reportChanged(result)) revalidatePath("/espace", "layout");
  // On success the form starts empty again, ready for the next deadline.
  return reportFormState(result, "Échéance ajoutée.", result.ok ? {} : v);
}
