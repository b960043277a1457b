"use server";

import { deactivateUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function deactivateUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await deactivateUser(await getViewer(), values.userId ?? "");
  return { ...toFormState(result, values, { success: ({ revokedSessions: n }) => `Compte désactivé. ${n} session${n > 1 ? "s fermées" : " fermée"}.` }), values: undefined };
}
