"use server";

import { assignRole } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function assignRoleForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await assignRole(await getViewer(), values.userId ?? "", values);
  // After a success the form starts empty again.
  return toFormState(result, values, { success: "Rôle attribué.", successValues: () => ({}) });
}
