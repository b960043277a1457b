"use server";

import { reactivateUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function reactivateUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await reactivateUser(await getViewer(), values.userId ?? "");
  return { ...toFormState(result, values, { success: "Compte réactivé." }), values: undefined };
}
