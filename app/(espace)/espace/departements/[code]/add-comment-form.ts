"use server";

import { getViewer } from "@/lib/auth/web";
import { addContractComment } from "@/lib/comments/mutations";
import { formValues, type FormState } from "@/lib/forms";

export async function addCommentForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await addContractComment(await getViewer(), values.contractId ?? "", values);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp: Date.now() };
  // The mutation revalidated the department's workspace (and so this page, in the action's answer).
  return { status: "success", message: "Commentaire publié.", stamp: Date.now() };
}
