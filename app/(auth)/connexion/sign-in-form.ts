"use server";

import { redirect } from "next/navigation";
import { signInWithPassword } from "@/lib/auth/mutations";
import { formValues, type FormState } from "@/lib/forms";
import { requestMeta, setSessionCookie } from "@/lib/auth/web";

export async function signInForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await signInWithPassword({ email: values.email ?? "", password: values.password ?? "" }, await requestMeta());
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? "Trop de tentatives de connexion : réessayez dans 15 minutes."
        : result.fieldErrors
          ? "Certains champs sont à corriger."
          : "Adresse électronique ou mot de passe incorrect.";
    return { status: "error", message, fieldErrors: result.fieldErrors, values: { email: values.email ?? "" }, stamp: Date.now() };
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/espace");
}
