"use server";

import { removeRole } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function removeRoleForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await removeRole(await getViewer(), values.assignmentId ?? "");
  return { ...toFormState(result, values, { success: "Rôle retiré." }), values: undefined };
}
