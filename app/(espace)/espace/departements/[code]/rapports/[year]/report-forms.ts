"use server";
// The report page's server actions: parse the form, call one mutation, map the result.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { addDeadline, setReportDueDate } from "@/lib/reports/deadlines";
import { decideReport, saveReportNarrative, submitReport } from "@/lib/reports/mutations";
import type { Result } from "@/lib/reports/mutations";

function toState<T>(result: Result<T>, success: string, values: Record<string, string>, extra?: (v: T) => Record<string, string>): FormState {
  const stamp = Date.now();
  if (result.ok || result.code === "conflict") revalidatePath("/espace", "layout");
  if (result.ok) return { status: "success", message: success, values: { ...values, ...(extra ? extra(result.value) : {}) }, stamp };
  if (result.code === "conflict") return { status: "conflict", message: "Le rapport a changé entre-temps : rechargez la page pour voir son état actuel.", values, stamp };
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}

export async function saveNarrativeForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const result = await saveReportNarrative(await getViewer(), v.contractId ?? "", Number(v.year), v);
  return toState(result, "Texte du rapport enregistré.", v, (r) => ({ version: String(r.version) }));
}

export async function submitReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  return toState(await submitReport(await getViewer(), v.contractId ?? "", Number(v.year), v.version), "Rapport soumis : l'État et l'ARS sont invités à le valider.", v);
}

export async function decideReportForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const party = v.party === "STATE" ? "STATE" : "ARS";
  const result = await decideReport(await getViewer(), v.contractId ?? "", Number(v.year), party, v);
  const message = result.ok && result.value.status === "ADOPTED" ? "Rapport adopté par les trois signataires." : v.decision === "SENT_BACK" ? "Rapport renvoyé au département." : "Approbation enregistrée.";
  return toState(result, message, v);
}

export async function setDueDateForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  return toState(await setReportDueDate(await getViewer(), v.contractId ?? "", Number(v.year), v.dueOn), "Date limite enregistrée.", v);
}

export async function addDeadlineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  return toState(await addDeadline(await getViewer(), v.contractId ?? "", v), "Échéance ajoutée.", {});
}
