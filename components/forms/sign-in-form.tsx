"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";

export function SignInForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <TextField name="email" label="Adresse électronique" type="email" autoComplete="username" required defaultValue={state.values?.email} errors={state.fieldErrors} />
      <TextField name="password" label="Mot de passe" type="password" autoComplete="current-password" required errors={state.fieldErrors} />
      <SubmitButton pending={pending}>Se connecter</SubmitButton>
    </form>
  );
}
