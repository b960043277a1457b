"use client";

import { ConflictPanel as SharedConflictPanel } from "@/components/forms/conflict-panel";
import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/actions/schemas";
import { IDLE, type FormState } from "@/lib/forms";

type Values = Record<string, string>;
type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

/** Create or edit a fiche action. On a conflict it shows what someone else saved, and keeps what was typed. */
export function ActionEditor({
  action,
  initial,
  objectives,
  submitLabel,
}: {
  action: ServerAction;
  initial: Values;
  objectives: { id: string; label: string }[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [reloaded, setReloaded] = useState<{ values: Values; stamp: number } | null>(null);
  const useCurrent = reloaded && reloaded.stamp === state.stamp;
  const values: Values = useCurrent ? reloaded.values : (state.values ?? initial);
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate key={`${state.stamp ?? 0}-${useCurrent ? "current" : "typed"}`} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      {state.status === "conflict" && state.current ? (
        <ConflictPanel current={state.current} onUseCurrent={() => setReloaded({ values: toValues(state.current!), stamp: state.stamp ?? 0 })} />
      ) : null}
      <input type="hidden" name="id" value={values.id ?? ""} />
      <input type="hidden" name="contractId" value={values.contractId ?? ""} />
      <input type="hidden" name="version" value={values.version ?? ""} />
      <input type="hidden" name="departmentCode" value={values.departmentCode ?? ""} />
      <TextField name="title" label="Intitulé" required defaultValue={values.title} errors={errors} />
      <SelectField name="objectiveId" label="Objectif du cadre national" defaultValue={values.objectiveId} errors={errors} placeholder="— Aucun —" options={objectives.map((o) => ({ value: o.id, label: o.label }))} />
      <TextArea name="purpose" label="Finalité" hint="Ce que l'action change, sans aucune information sur un enfant ou une famille." defaultValue={values.purpose} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="targetPublic" label="Public cible" defaultValue={values.targetPublic} errors={errors} />
        <TextField name="lead" label="Pilote" defaultValue={values.lead} errors={errors} />
      </div>
      <TextField name="partners" label="Partenaires" defaultValue={values.partners} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" label="Début" type="date" defaultValue={values.startDate} errors={errors} />
        <TextField name="endDate" label="Fin" type="date" defaultValue={values.endDate} errors={errors} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="status" label="Statut" required defaultValue={values.status} errors={errors} options={STATUS_OPTIONS} />
        <TextField name="progress" label="Avancement (%)" type="number" inputMode="numeric" min={0} max={100} required defaultValue={values.progress} errors={errors} />
      </div>
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

function toValues(current: Record<string, string | number | null>): Values {
  return Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : String(v)]));
}

function ConflictPanel({ current, onUseCurrent }: { current: Record<string, string | number | null>; onUseCurrent: () => void }) {
  const rows: [string, string][] = [
    ["Intitulé", String(current.title ?? "")],
    ["Statut", ACTION_STATUS_LABELS[current.status as ActionStatus] ?? String(current.status)],
    ["Avancement", `${current.progress} %`],
    ["Début", String(current.startDate ?? "—")],
    ["Fin", String(current.endDate ?? "—")],
    ["Pilote", String(current.lead ?? "—")],
    ["Partenaires", String(current.partners ?? "—")],
  ];
  return <SharedConflictPanel rows={rows} onUseCurrent={onUseCurrent} />;
}
