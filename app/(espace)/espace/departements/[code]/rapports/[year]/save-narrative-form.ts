"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { reportChanged, reportFormState } from "@/lib/reports/form-state";
import { saveReportNarrative } from "@/lib/reports/mutations";

export async function saveNarrativeForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await saveReportNarrative(await getViewer(), v.contractId ?? "", Number(v.year), v);
  if (reportChanged(result)) revalidatePath("/espace", "layout");
  return reportFormState(result, "Texte du rapport enregistré.", v, (r) => ({ version: String(r.version) }));
}
