"use client";

import { ConflictPanel as SharedConflictPanel } from "@/components/forms/conflict-panel";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import { toFrenchInput } from "@/lib/core/decimal";
import { centsToInput as centsToFrenchInput } from "@/lib/core/money";
import { formatEuros, formatNumber, formatPercent } from "@/lib/core/format";
import { IDLE, type FormState } from "@/lib/forms";

type Values = Record<string, string>;
type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;
type Current = Record<string, string | number | null>;

const num = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? null : Number(v));

/** Add a year of figures, or edit one. On a conflict it shows what someone else saved, and keeps what was typed. */
export function ContextFigureForm({ action, initial, isDemo, onClose }: { action: ServerAction; initial: Values; isDemo: boolean; onClose: () => void }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [reloaded, setReloaded] = useState<{ values: Values; stamp: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const useCurrent = reloaded && reloaded.stamp === state.stamp;
  const values: Values = useCurrent ? reloaded.values : (state.values ?? initial);
  const errors = state.fieldErrors;
  const isNew = !values.id;
  const hidden = ["version"].flatMap((k) => errors?.[k] ?? []);

  return (
    <section aria-labelledby="saisie-contexte" className="mt-4 rounded-lg border border-marianne bg-white p-5">
      <h2 id="saisie-contexte" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {isNew ? "Ajouter une année" : `Modifier les chiffres ${values.year}`}
      </h2>
      <form action={formAction} noValidate key={`${state.stamp ?? 0}-${useCurrent ? "current" : "typed"}`} className="mt-4 space-y-4">
        <FormMessage status={state.status} message={state.message} />
        {hidden.length ? <p className="text-sm font-medium text-red-800">{hidden.join(" ")}</p> : null}
        {state.status === "conflict" && state.current ? (
          <ConflictPanel current={state.current} onUseCurrent={() => setReloaded({ values: { ...values, ...fromCurrent(state.current!) }, stamp: state.stamp ?? 0 })} />
        ) : null}
        <input type="hidden" name="departmentCode" value={values.departmentCode ?? ""} />
        <input type="hidden" name="id" value={values.id ?? ""} />
        <input type="hidden" name="version" value={values.version ?? ""} />
        {isNew ? (
          <TextField name="year" label="Année" required inputMode="numeric" autoComplete="off" defaultValue={values.year} errors={errors} className="max-w-xs" />
        ) : (
          <input type="hidden" name="year" value={values.year ?? ""} />
        )}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="childProtectionBudget"
            label="Budget protection de l'enfance (€)"
            hint="En euros, par exemple 72 000 000 ou 1 234,56."
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.childProtectionBudget}
            errors={errors}
          />
          <TextField
            name="childrenFollowedByAse"
            label="Enfants suivis par l'ASE"
            hint="Nombre entier pour tout le département."
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.childrenFollowedByAse}
            errors={errors}
          />
          <TextField
            name="disabilitySharePercent"
            label="Part en situation de handicap (%)"
            hint="Entre 0 et 100, deux décimales au plus (33,33)."
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.disabilitySharePercent}
            errors={errors}
          />
        </div>
        <TextArea
          name="note"
          label="Note (facultative)"
          hint="Sur les chiffres du département seulement : aucune information sur un enfant ou une famille (ni nom, ni date, ni situation)."
          defaultValue={values.note}
          errors={errors}
          rows={2}
        />
        <TextField
          name="sourceUrl"
          label="Source (facultative)"
          type="url"
          hint={`Adresse https de la publication d'où viennent ces chiffres.${isDemo && !isNew ? " Une fois enregistrés par vous, ces chiffres ne sont plus marqués « donnée de démonstration »." : ""}`}
          autoComplete="url"
          defaultValue={values.sourceUrl}
          errors={errors}
        />
        <div className="flex flex-wrap gap-3">
          <SubmitButton pending={pending}>Enregistrer</SubmitButton>
          <button type="button" onClick={onClose} className="rounded border border-slate-500 bg-white px-4 py-2">
            Fermer
          </button>
        </div>
      </form>
    </section>
  );
}

function fromCurrent(current: Current): Values {
  return {
    id: String(current.id ?? ""),
    version: String(current.version ?? ""),
    year: String(current.year ?? ""),
    childProtectionBudget: centsToFrenchInput(num(current.childProtectionBudgetCents)),
    childrenFollowedByAse: current.childrenFollowedByAse === null ? "" : String(current.childrenFollowedByAse ?? ""),
    disabilitySharePercent: toFrenchInput(num(current.disabilitySharePercent)),
    note: String(current.note ?? ""),
    sourceUrl: String(current.sourceUrl ?? ""),
  };
}

function ConflictPanel({ current, onUseCurrent }: { current: Current; onUseCurrent: () => void }) {
  const budget = num(current.childProtectionBudgetCents);
  const children = num(current.childrenFollowedByAse);
  const share = num(current.disabilitySharePercent);
  const rows: [string, string][] = [
    ["Budget protection de l'enfance", budget === null ? "—" : formatEuros(budget)],
    ["Enfants suivis par l'ASE", children === null ? "—" : formatNumber(children)],
    ["Part en situation de handicap", share === null ? "—" : formatPercent(share)],
    ["Note", String(current.note ?? "—")],
    ["Source", String(current.sourceUrl ?? "—")],
  ];
  return <SharedConflictPanel rows={rows} onUseCurrent={onUseCurrent} headingLevel={3} />;
}
