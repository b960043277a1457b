"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/field";
import { MIN_PASSWORD_LENGTH, type SignInMode } from "@/lib/admin/users/schemas";
import { IDLE } from "@/lib/forms";
import type { ServerAction } from "./types";

/** A new account: e-mail, name, and an initial password or OIDC sign-in only. */
export function UserCreateForm({ action }: { action: ServerAction }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? { signIn: "password" };
  const [mode, setMode] = useState<SignInMode>((values.signIn as SignInMode) ?? "password");
  const errors = state.fieldErrors;
  const signInError = errors?.signIn;

  return (
    <form action={formAction} noValidate key={state.stamp ?? 0} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <TextField name="email" label="Adresse électronique" type="email" autoComplete="off" required defaultValue={values.email} errors={errors} />
      <TextField name="displayName" label="Nom affiché" hint="Nom et fonction, par exemple « Jeanne Martin (DDETS de l'Ain) »." required defaultValue={values.displayName} errors={errors} />
      <fieldset aria-describedby={signInError?.length ? "signIn-erreur" : undefined}>
        <legend className="font-medium">Mode de connexion</legend>
        <div className="mt-1 space-y-1">
          <label className="flex items-center gap-2">
            <input type="radio" name="signIn" value="password" checked={mode === "password"} onChange={() => setMode("password")} />
            Mot de passe initial, à changer par la personne dans « Mon compte »
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="signIn" value="oidc" checked={mode === "oidc"} onChange={() => setMode("oidc")} />
            Connexion par le fournisseur d&apos;identité (OIDC) seulement, sans mot de passe
          </label>
        </div>
        <p id="signIn-erreur" className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
          {signInError?.join(" ")}
        </p>
      </fieldset>
      {mode === "password" ? (
        <TextField
          name="password"
          label="Mot de passe initial"
          hint={`${MIN_PASSWORD_LENGTH} caractères au moins. Il n'est jamais réaffiché : transmettez-le par un canal sûr.`}
          type="password"
          autoComplete="new-password"
          required
          errors={errors}
        />
      ) : null}
      <SubmitButton pending={pending}>Créer le compte</SubmitButton>
    </form>
  );
}
