"use server";

import { getViewer } from "@/lib/auth/web";
import { addContractComment } from "@/lib/comments/mutations";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function addCommentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await addContractComment(await getViewer(), values.contractId ?? "", values);
  // Published: the form starts empty again (the mutation refreshed the workspace that lists it).
  return toFormState(result, values, { success: "Commentaire publié.", successValues: () => ({}) });
}
