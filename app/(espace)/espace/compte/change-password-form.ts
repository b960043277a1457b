"use server";

import { changePassword } from "@/lib/auth/mutations";
import { getViewer, requestMeta, setSessionCookie } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function changePasswordForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const { currentPassword = "", newPassword = "", confirmation = "" } = formValues(formData);
  const result = await changePassword(await getViewer(), { currentPassword, newPassword, confirmation }, await requestMeta());
  if (result.ok) await setSessionCookie(result.value.token, result.value.expiresAt);
  // Passwords are never sent back to the browser.
  return { ...toFormState(result, {}, { success: "Mot de passe changé. Vos autres sessions ont été fermées." }), values: undefined };
}
