"use client";
// The report page's forms: each posts to one server action and shows its errors next to the fields.
import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

export function NarrativeForm({ action, hidden, initial }: { action: Action; hidden: Record<string, string>; initial: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = { ...initial, ...state.values };
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={{ ...hidden, version: values.version ?? hidden.version }} />
      <TextArea name="highlights" label="Faits marquants" rows={5} defaultValue={values.highlights} errors={state.fieldErrors} />
      <TextArea name="difficulties" label="Difficultés rencontrées" rows={5} defaultValue={values.difficulties} errors={state.fieldErrors} />
      <TextArea name="outlook" label="Perspectives" rows={5} defaultValue={values.outlook} errors={state.fieldErrors} />
      <p className="text-sm text-slate-700">Données agrégées uniquement : rien sur un enfant ou une famille.</p>
      <SubmitButton pending={pending}>Enregistrer le texte</SubmitButton>
    </form>
  );
}

export function SubmitForm({ action, hidden }: { action: Action; hidden: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={hidden} />
      <p className="text-sm text-slate-700">Les chiffres seront figés à la soumission ; l&apos;État et l&apos;ARS valideront cette version.</p>
      <SubmitButton pending={pending}>Soumettre le rapport à l&apos;État et à l&apos;ARS</SubmitButton>
    </form>
  );
}

export function DecisionForm({ action, hidden, partyLabel }: { action: Action; hidden: Record<string, string>; partyLabel: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={hidden} />
      <TextArea name="comment" label="Commentaire" hint="Obligatoire pour renvoyer le rapport au département." rows={3} defaultValue={state.values?.comment} errors={state.fieldErrors} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="APPROVED" disabled={pending} className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          Approuver au nom de {partyLabel}
        </button>
        <button type="submit" name="decision" value="SENT_BACK" disabled={pending} className="rounded border border-red-800 bg-white px-4 py-2 font-medium text-red-900 disabled:opacity-60">
          Renvoyer au département
        </button>
      </div>
    </form>
  );
}

export function DueDateForm({ action, hidden, dueOn }: { action: Action; hidden: Record<string, string>; dueOn: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={hidden} />
      <TextField name="dueOn" label="Date limite d'adoption" type="date" defaultValue={state.values?.dueOn ?? dueOn} errors={state.fieldErrors} />
      <SubmitButton pending={pending}>Changer la date limite</SubmitButton>
    </form>
  );
}

export function DeadlineForm({ action, hidden }: { action: Action; hidden: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={hidden} />
      <SelectField name="kind" label="Type" defaultValue={state.values?.kind ?? "CUSTOM"} options={[{ value: "CUSTOM", label: "Échéance" }, { value: "AMENDMENT", label: "Avenant" }]} errors={state.fieldErrors} />
      <TextField name="label" label="Libellé" defaultValue={state.values?.label} errors={state.fieldErrors} />
      <TextField name="dueOn" label="Date" type="date" defaultValue={state.values?.dueOn} errors={state.fieldErrors} />
      <SubmitButton pending={pending}>Ajouter l&apos;échéance</SubmitButton>
    </form>
  );
}

export function CalendarTokenForm({ action, hasToken }: { action: Action; hasToken: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" key={state.stamp}>
      {state.status === "success" && state.values?.url ? (
        <div role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          <p>Voici votre lien d&apos;abonnement, affiché une seule fois : copiez-le dans votre agenda.</p>
          <input readOnly value={state.values.url} aria-label="Lien d'abonnement" className="mt-2 block w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm" />
        </div>
      ) : (
        <FormMessage status={state.status} message={state.message} />
      )}
      <SubmitButton pending={pending}>{hasToken ? "Générer un nouveau lien (l'ancien cessera de fonctionner)" : "Générer mon lien d'agenda"}</SubmitButton>
    </form>
  );
}
