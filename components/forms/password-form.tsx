"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";

export function PasswordForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <TextField name="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required errors={state.fieldErrors} />
      <TextField name="newPassword" label="Nouveau mot de passe" hint="12 caractères au moins." type="password" autoComplete="new-password" required errors={state.fieldErrors} />
      <TextField name="confirmation" label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required errors={state.fieldErrors} />
      <SubmitButton pending={pending}>Changer le mot de passe</SubmitButton>
    </form>
  );
}
