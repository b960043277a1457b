"use client";
// The report page's forms: each posts to one server action and shows its errors next to the fields.
import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** The latest of several action states (one form, two buttons). */
const latest = (...states: FormState[]) => states.reduce((a, b) => ((b.stamp ?? 0) > (a.stamp ?? 0) ? b : a));

/**
 * The department's text, with "save" and, for whoever may submit, "submit": submitting sends the
 * text on screen (saved first), so nothing typed is lost.
 */
export function NarrativeForm({ save, submit, hidden, initial }: { save: Action; submit?: Action; hidden: Record<string, string>; initial: Record<string, string> }) {
  const [saved, saveAction, saving] = useActionState(save, IDLE);
  const [submitted, submitAction, submitting] = useActionState(submit ?? save, IDLE);
  const state = latest(saved, submitted);
  const values = { ...initial, ...state.values };
  const pending = saving || submitting;
  return (
    <form action={saveAction} className="space-y-4" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={{ ...hidden, version: values.version ?? hidden.version }} />
      <TextArea name="highlights" label="Faits marquants" rows={5} defaultValue={values.highlights} errors={state.fieldErrors} />
      <TextArea name="difficulties" label="Difficultés rencontrées" rows={5} defaultValue={values.difficulties} errors={state.fieldErrors} />
      <TextArea name="outlook" label="Perspectives" rows={5} defaultValue={values.outlook} errors={state.fieldErrors} />
      <p className="text-sm text-slate-700">Données agrégées uniquement : rien sur un enfant ou une famille.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Enregistrer le texte</SubmitButton>
        {submit ? (
          <button type="submit" formAction={submitAction} disabled={pending} className="rounded border-2 border-marianne bg-white px-4 py-2 font-medium text-marianne hover:bg-marianne-light disabled:opacity-60">
            {submitting ? "Soumission…" : "Soumettre le rapport à l'État et à l'ARS"}
          </button>
        ) : null}
      </div>
      {submit ? <p className="text-sm text-slate-700">La soumission enregistre le texte ci-dessus et fige les chiffres : l&apos;État et l&apos;ARS se prononcent sur cette version.</p> : null}
    </form>
  );
}

export function DecisionForm({ action, hidden, partyName }: { action: Action; hidden: Record<string, string>; partyName: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.stamp}>
      <FormMessage status={state.status} message={state.message} />
      <Hidden fields={hidden} />
      <TextArea name="comment" label={`Commentaire de ${partyName}`} hint="Obligatoire pour renvoyer le rapport au département ; facultatif pour l'approuver." rows={3} defaultValue={state.values?.comment} errors={state.fieldErrors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="APPROVED" disabled={pending} className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          Approuver au nom de {partyName}
        </button>
        <button type="submit" name="decision" value="SENT_BACK" disabled={pending} className="rounded border-2 border-red-800 bg-white px-4 py-2 font-medium text-red-900 hover:bg-red-50 disabled:opacity-60">
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
      <SelectField name="kind" label="Type" defaultValue={state.values?.kind ?? "CUSTOM"} options={[{ value: "CUSTOM", label: "Autre échéance" }, { value: "AMENDMENT", label: "Avenant" }]} errors={state.fieldErrors} />
      <TextField name="label" label="Libellé" hint="Par exemple : comité de suivi, transmission du projet d'avenant." defaultValue={state.values?.label} errors={state.fieldErrors} />
      <TextField name="dueOn" label="Date" type="date" defaultValue={state.values?.dueOn} errors={state.fieldErrors} />
      <SubmitButton pending={pending}>Ajouter l&apos;échéance</SubmitButton>
    </form>
  );
}

/** Copies a text to the clipboard and says so (in a live region). */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        className="rounded border-2 border-marianne bg-white px-3 py-1 text-sm font-medium text-marianne hover:bg-marianne-light"
      >
        Copier le lien
      </button>
      <span role="status" className="text-sm">
        {copied === true ? "Lien copié." : copied === false ? "Copie impossible : sélectionnez le lien et copiez-le." : ""}
      </span>
    </span>
  );
}

export function CalendarTokenForm({ action, hasToken }: { action: Action; hasToken: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const url = state.status === "success" ? state.values?.url : undefined;
  return (
    <form action={formAction} className="space-y-3" key={state.stamp}>
      {url ? (
        <div className="space-y-2 rounded border-l-4 border-green-700 bg-green-50 p-3">
          <p role="status">Voici votre lien d&apos;abonnement. Il n&apos;est affiché qu&apos;une fois : ajoutez-le maintenant à votre agenda.</p>
          <div>
            <label htmlFor="lien-agenda" className="block text-sm font-medium">
              Lien d&apos;abonnement
            </label>
            <textarea id="lien-agenda" readOnly rows={2} value={url} onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full resize-none rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm break-all" />
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <CopyButton text={url} />
            <a href={url.replace(/^https?:/, "webcal:")} className="text-sm text-marianne underline">
              Ouvrir dans mon application d&apos;agenda
            </a>
          </div>
          <p className="text-sm text-slate-700">
            Ou, dans votre agenda, choisissez « S&apos;abonner à un calendrier » ou « Ajouter un agenda à partir d&apos;une URL » et collez le lien. L&apos;agenda se met à jour de lui-même.
          </p>
        </div>
      ) : (
        <FormMessage status={state.status} message={state.message} />
      )}
      {hasToken && !url ? <p className="text-sm text-slate-700">Un lien est actif. Il ne peut pas être affiché de nouveau : en générer un nouveau désactive l&apos;ancien.</p> : null}
      <SubmitButton pending={pending}>{hasToken || url ? "Générer un nouveau lien (l'ancien cessera de fonctionner)" : "Générer mon lien d'agenda"}</SubmitButton>
    </form>
  );
}
