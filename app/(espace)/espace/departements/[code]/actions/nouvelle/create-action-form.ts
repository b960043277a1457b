"use server";

import { redirect } from "next/navigation";
import { createAction } from "@/lib/actions/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function createActionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await createAction(await getViewer(), values.contractId ?? "", values);
  if (!result.ok) return toFormState(result, values, { success: "" });
  redirect(`/espace/departements/${encodeURIComponent(values.departmentCode ?? "")}/actions/${result.value.id}?creee=1`);
}
