"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import { FUNDERS, FUNDER_LABELS, funderField, toFormValues } from "@/lib/admin/contracts/schemas";
import { IDLE } from "@/lib/forms";
import { AmountsFieldset } from "./amounts-fieldset";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import type { ServerAction } from "./types";

type Values = Record<string, string>;

const AMOUNT_FIELDS = FUNDERS.map((f) => ({ name: funderField(f), label: FUNDER_LABELS[f] }));

/** Create or edit an avenant: the year's amounts per funder. */
export function AmendmentForm({ action, initial, submitLabel, period }: { action: ServerAction; initial: Values; submitLabel: string; period: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [reloaded, setReloaded] = useState<{ values: Values; stamp: number } | null>(null);
  const useCurrent = reloaded && reloaded.stamp === state.stamp;
  const values: Values = useCurrent ? reloaded.values : (state.values ?? initial);
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate key={`${state.stamp ?? 0}-${useCurrent ? "current" : "typed"}`} className="space-y-6">
      <FormMessage status={state.status} message={state.message} />
      {state.status === "conflict" && state.current ? (
        <ConflictPanel rows={conflictRows(state.current)} onUseCurrent={() => setReloaded({ values: toFormValues(state.current!), stamp: state.stamp ?? 0 })} />
      ) : null}
      <input type="hidden" name="id" value={values.id ?? ""} />
      <input type="hidden" name="contractId" value={values.contractId ?? ""} />
      <input type="hidden" name="version" value={values.version ?? ""} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="year" label="Année" hint={`Dans la période du contrat : ${period}.`} inputMode="numeric" required defaultValue={values.year} errors={errors} />
        <TextField name="number" label="Numéro de l'avenant" inputMode="numeric" required defaultValue={values.number} errors={errors} />
        <TextField name="signedOn" label="Date de signature" type="date" defaultValue={values.signedOn} errors={errors} />
      </div>
      <AmountsFieldset legend="Montants de l'année par financeur" fields={AMOUNT_FIELDS} values={values} errors={errors} />
      <TextArea name="note" label="Note" defaultValue={values.note} errors={errors} />
      <TextField name="sourceUrl" label="Source publique (facultatif)" hint="Adresse https de l'avenant ou du communiqué." type="url" defaultValue={values.sourceUrl} errors={errors} />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

function conflictRows(current: Record<string, string | number | null>): [string, string][] {
  const shown = toFormValues(current);
  return [
    ["Année", shown.year],
    ["Numéro", shown.number],
    ["Signature", shown.signedOn || "—"],
    ...FUNDERS.map((f): [string, string] => [FUNDER_LABELS[f], shown[funderField(f)] ? `${shown[funderField(f)]} €` : "—"]),
    ["Note", shown.note || "—"],
  ];
}
