"use server";

import { changePassword } from "@/lib/auth/mutations";
import { getViewer, requestMeta, setSessionCookie } from "@/lib/auth/web";
import type { FormState } from "@/lib/forms";

export async function changePasswordForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmation: String(formData.get("confirmation") ?? ""),
  };
  const result = await changePassword(await getViewer(), input, await requestMeta());
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, stamp: Date.now() };
  await setSessionCookie(result.value.token, result.value.expiresAt);
  return { status: "success", message: "Mot de passe changé. Vos autres sessions ont été fermées.", stamp: Date.now() };
}
