"use server";

import { redirect } from "next/navigation";
import { signInRefusal, signInWithPassword } from "@/lib/auth/mutations";
import { requestMeta, setSessionCookie } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function signInForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const { email = "", password = "" } = formValues(formData);
  const result = await signInWithPassword({ email, password }, await requestMeta());
  // Only the e-mail comes back: a password is never sent back to the browser.
  if (!result.ok) return toFormState(signInRefusal(result), { email }, { success: "" });
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/espace");
}
