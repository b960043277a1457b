"use server";

import { getViewer } from "@/lib/auth/web";
import { refreshOnConflict } from "@/lib/form-action";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { REPORT_FORM } from "@/lib/reports/form-state";
import { saveReportNarrative } from "@/lib/reports/mutations";

export async function saveNarrativeForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await saveReportNarrative(await getViewer(), values.contractId ?? "", Number(values.year), values));
  return toFormState(result, values, { success: "Texte du rapport enregistré.", successValues: (r) => ({ ...values, version: String(r.version) }), ...REPORT_FORM });
}
