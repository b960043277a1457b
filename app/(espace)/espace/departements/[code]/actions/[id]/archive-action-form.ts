"use server";

import { redirect } from "next/navigation";
import { archiveAction } from "@/lib/actions/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function archiveActionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await archiveAction(await getViewer(), values.id ?? "", values.version);
  // A button, not fields: only the message comes back.
  if (!result.ok) return { ...toFormState(result, values, { success: "" }), fieldErrors: undefined, values: undefined };
  redirect(`/espace/departements/${encodeURIComponent(values.departmentCode ?? "")}?archivee=${encodeURIComponent(result.value.reference)}`);
}
