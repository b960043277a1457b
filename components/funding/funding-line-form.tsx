"use client";

import { ConflictPanel as SharedConflictPanel } from "@/components/forms/conflict-panel";
import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";
import { centsToInput } from "@/lib/core/money";
import { FUNDERS, FUNDER_LABELS, FUNDING_STAGES, STAGE_LABELS, type ActionOption, type Funder, type FundingStage } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";

type Values = Record<string, string>;
type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;

const FUNDER_OPTIONS = FUNDERS.map((f) => ({ value: f, label: FUNDER_LABELS[f] }));
const STAGE_OPTIONS = FUNDING_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/** Add or edit a ledger line. On a conflict it shows what someone else saved, and keeps what was typed. */
export function FundingLineForm({
  action,
  initial,
  actions,
  years,
  submitLabel,
}: {
  action: ServerAction;
  initial: Values;
  actions: ActionOption[];
  years: number[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [reloaded, setReloaded] = useState<{ values: Values; stamp: number } | null>(null);
  const useCurrent = reloaded && reloaded.stamp === state.stamp;
  const values: Values = useCurrent ? reloaded.values : (state.values ?? initial);
  const errors = state.fieldErrors;
  // An archived action stays selectable only on the line that already has it.
  const actionOptions = actions.filter((a) => !a.archived || a.id === values.actionId).map((a) => ({ value: a.id, label: a.label }));
  const labelOf = (actionId: string | number | null | undefined) => actions.find((a) => a.id === actionId)?.label ?? "Niveau du contrat";

  return (
    <form action={formAction} noValidate key={`${state.stamp ?? 0}-${useCurrent ? "current" : "typed"}`} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      {state.status === "conflict" && state.current ? (
        <ConflictPanel current={state.current} actionLabel={labelOf(state.current.actionId)} onUseCurrent={() => setReloaded({ values: toValues(state.current!), stamp: state.stamp ?? 0 })} />
      ) : null}
      <input type="hidden" name="id" value={values.id ?? ""} />
      <input type="hidden" name="contractId" value={values.contractId ?? ""} />
      <input type="hidden" name="version" value={values.version ?? ""} />
      <input type="hidden" name="departmentCode" value={values.departmentCode ?? ""} />
      <SelectField name="actionId" label="Fiche action" hint="Laissez « Niveau du contrat » pour une ligne qui ne relève d'aucune fiche." defaultValue={values.actionId} errors={errors} placeholder="— Niveau du contrat —" options={actionOptions} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="funder" label="Financeur" required defaultValue={values.funder} errors={errors} placeholder="— Choisir —" options={FUNDER_OPTIONS} />
        <SelectField name="year" label="Année" required defaultValue={values.year} errors={errors} placeholder="— Choisir —" options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="stage" label="Étape" required defaultValue={values.stage} errors={errors} placeholder="— Choisir —" options={STAGE_OPTIONS} />
      </div>
      <TextField name="amount" label="Montant (€)" hint="En euros, centimes après la virgule : 1 234,56" inputMode="decimal" autoComplete="off" required defaultValue={values.amount} errors={errors} />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

function toValues(current: Record<string, string | number | null>): Values {
  const values = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : String(v)]));
  return { ...values, amount: centsToInput(Number(current.amountCents ?? 0)) };
}

function ConflictPanel({ current, actionLabel, onUseCurrent }: { current: Record<string, string | number | null>; actionLabel: string; onUseCurrent: () => void }) {
  const rows: [string, string][] = [
    ["Fiche action", actionLabel],
    ["Financeur", FUNDER_LABELS[current.funder as Funder] ?? String(current.funder)],
    ["Année", String(current.year ?? "—")],
    ["Étape", STAGE_LABELS[current.stage as FundingStage] ?? String(current.stage)],
    ["Montant", formatEuros(Number(current.amountCents ?? 0))],
  ];
  return <SharedConflictPanel rows={rows} onUseCurrent={onUseCurrent} />;
}
