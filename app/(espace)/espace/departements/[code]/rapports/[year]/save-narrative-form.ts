"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { reportFormState } from "@/lib/reports/form-state";
import { refreshOnConflict } from "@/lib/form-action";
import { saveReportNarrative } from "@/lib/reports/mutations";

export async function saveNarrativeForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await saveReportNarrative(await getViewer(), v.contractId ?? "", Number(v.year), v);
  refreshOnConflict(result);
  return reportFormState(result, "Texte du rapport enregistré.", v, (r) => ({ version: String(r.version) }));
}
