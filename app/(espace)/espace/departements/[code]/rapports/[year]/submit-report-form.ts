"use server";

import { getViewer } from "@/lib/auth/web";
import { refreshOnConflict } from "@/lib/form-action";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { REPORT_FORM } from "@/lib/reports/form-state";
import { submitReportAsShown } from "@/lib/reports/mutations";

export async function submitReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const { result, version } = await submitReportAsShown(await getViewer(), values.contractId ?? "", Number(values.year), values);
  // If the text was saved but the submission refused, the form goes on from the saved version.
  return toFormState(refreshOnConflict(result), { ...values, version }, { success: "Rapport soumis : l'État et l'ARS sont invités à se prononcer.", ...REPORT_FORM });
}
