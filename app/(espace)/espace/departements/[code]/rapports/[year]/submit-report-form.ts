"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { reportFormState } from "@/lib/reports/form-state";
import { refreshOnConflict } from "@/lib/form-action";
import { saveReportNarrative, submitReport } from "@/lib/reports/mutations";

/** Submits the report as shown: the text in the form is saved first (unchanged text writes nothing). */
export async function submitReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const viewer = await getViewer();
  const contractId = v.contractId ?? "";
  const year = Number(v.year);
  let version: string | number | undefined = v.version;
  if ("highlights" in v || "difficulties" in v || "outlook" in v) {
    const saved = await saveReportNarrative(viewer, contractId, year, v);
    if (!saved.ok) {
      refreshOnConflict(saved);
      return reportFormState(saved, "", v);
    }
    version = saved.value.version;
  }
  const result = await submitReport(viewer, contractId, year, version);
  refreshOnConflict(result);
  // If the text was saved but the submission refused, the form goes on from the saved version.
  return reportFormState(result, "Rapport soumis : l'État et l'ARS sont invités à se prononcer.", { ...v, version: String(version ?? "") });
}
