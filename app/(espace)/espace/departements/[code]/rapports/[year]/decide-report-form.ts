"use server";

import { getViewer } from "@/lib/auth/web";
import { refreshOnConflict } from "@/lib/form-action";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { REPORT_FORM } from "@/lib/reports/form-state";
import { decideReport } from "@/lib/reports/mutations";

/** The State's or the ARS's decision; the party is checked against the viewer's permission in decideReport. */
export async function decideReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const party = values.party === "STATE" ? "STATE" : "ARS";
  const result = refreshOnConflict(await decideReport(await getViewer(), values.contractId ?? "", Number(values.year), party, values));
  const success = (r: { status: string }) =>
    r.status === "ADOPTED" ? "Rapport adopté par les trois signataires." : values.decision === "SENT_BACK" ? "Rapport renvoyé au département." : "Approbation enregistrée.";
  return toFormState(result, values, { success, ...REPORT_FORM });
}
