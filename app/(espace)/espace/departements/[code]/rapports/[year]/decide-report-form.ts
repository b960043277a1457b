"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { reportFormState } from "@/lib/reports/form-state";
import { refreshOnConflict } from "@/lib/form-action";
import { decideReport } from "@/lib/reports/mutations";

/** The State's or the ARS's decision; the party is checked against the viewer's permission in decideReport. */
export async function decideReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const party = v.party === "STATE" ? "STATE" : "ARS";
  const result = await decideReport(await getViewer(), v.contractId ?? "", Number(v.year), party, v);
  refreshOnConflict(result);
  const message = result.ok && result.value.status === "ADOPTED" ? "Rapport adopté par les trois signataires." : v.decision === "SENT_BACK" ? "Rapport renvoyé au département." : "Approbation enregistrée.";
  return reportFormState(result, message, v);
}
