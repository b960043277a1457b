"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/forms/field";
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  FUNDING_PARTIES,
  PARTY_LABELS,
  partyField,
  toFormValues,
  type ContractStatus,
  type FrameworkOption,
} from "@/lib/admin/contracts/schemas";
import { IDLE } from "@/lib/forms";
import { AmountsFieldset } from "./amounts-fieldset";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import type { ServerAction } from "./types";

type Values = Record<string, string>;

const STATUS_OPTIONS = CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }));
const AMOUNT_FIELDS = FUNDING_PARTIES.map((p) => ({ name: partyField(p), label: PARTY_LABELS[p] }));

type CreateMode = { mode: "create"; departments: { code: string; name: string }[]; frameworks: FrameworkOption[] };
type EditMode = { mode: "edit"; departmentLabel: string; frameworkLabel: string };

/** Create a contract, or edit its header and amounts. On a conflict it shows what someone else saved, and keeps what was typed. */
export function ContractForm({ action, initial, submitLabel, ...mode }: { action: ServerAction; initial: Values; submitLabel: string } & (CreateMode | EditMode)) {
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
      {mode.mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={values.id ?? ""} />
          <input type="hidden" name="version" value={values.version ?? ""} />
        </>
      ) : null}

      <fieldset className="space-y-4 rounded border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Contrat</legend>
        {mode.mode === "create" ? (
          <CreateIdentity departments={mode.departments} frameworks={mode.frameworks} values={values} errors={errors} />
        ) : (
          <dl className="grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-700">Département</dt>
              <dd>{mode.departmentLabel}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">Cadre national</dt>
              <dd>{mode.frameworkLabel}</dd>
            </div>
          </dl>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="wave" label="Vague (année)" hint="Année de sélection : 2020, 2021, 2022…" inputMode="numeric" required defaultValue={values.wave} errors={errors} />
          <SelectField name="status" label="Statut" required defaultValue={values.status} errors={errors} options={STATUS_OPTIONS} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="periodStart" label="Début de la période" type="date" required defaultValue={values.periodStart} errors={errors} />
          <TextField name="periodEnd" label="Fin de la période" type="date" required defaultValue={values.periodEnd} errors={errors} />
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Signature</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="signedOn" label="Date de signature" type="date" defaultValue={values.signedOn} errors={errors} />
          <TextField name="signedPlace" label="Lieu de signature" defaultValue={values.signedPlace} errors={errors} />
        </div>
        <p className="text-sm text-slate-700">Les signataires sont désignés par leur fonction, jamais par leur nom.</p>
        <TextField name="stateSignatory" label="Signataire pour l'État" required defaultValue={values.stateSignatory} errors={errors} />
        <TextField name="arsSignatory" label="Signataire pour l'ARS" required defaultValue={values.arsSignatory} errors={errors} />
        <TextField name="departmentSignatory" label="Signataire pour le département" required defaultValue={values.departmentSignatory} errors={errors} />
      </fieldset>

      <AmountsFieldset legend="Montants inscrits au contrat, pour toute la période" fields={AMOUNT_FIELDS} values={values} errors={errors} />

      <fieldset className="space-y-4 rounded border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Présentation et source</legend>
        <TextArea name="summary" label="Résumé" hint="Ce que le contrat prévoit, sans aucune information sur un enfant ou une famille." rows={4} defaultValue={values.summary} errors={errors} />
        <TextField name="sourceUrl" label="Source publique (facultatif)" hint="Adresse https du document ou du communiqué." type="url" defaultValue={values.sourceUrl} errors={errors} />
      </fieldset>

      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

function CreateIdentity({
  departments,
  frameworks,
  values,
  errors,
}: {
  departments: { code: string; name: string }[];
  frameworks: FrameworkOption[];
  values: Values;
  errors?: Record<string, string[] | undefined>;
}) {
  const [frameworkId, setFrameworkId] = useState(values.frameworkId ?? "");
  const framework = frameworks.find((f) => f.id === frameworkId);
  const ticked = new Set((values.optionalObjectiveIds ?? "").split(",").filter(Boolean));
  const objectiveError = errors?.optionalObjectiveIds;
  const frameworkError = errors?.frameworkId;
  return (
    <>
      <SelectField
        name="departmentCode"
        label="Département"
        required
        placeholder="— Choisir un département —"
        defaultValue={values.departmentCode}
        errors={errors}
        options={departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
      />
      <div>
        <label htmlFor="frameworkId" className="block font-medium">
          Cadre national<span aria-hidden="true"> *</span>
        </label>
        <select
          id="frameworkId"
          name="frameworkId"
          value={frameworkId}
          onChange={(e) => setFrameworkId(e.target.value)}
          required
          aria-invalid={frameworkError?.length ? true : undefined}
          aria-describedby={frameworkError?.length ? "frameworkId-erreur" : undefined}
          className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
        >
          <option value="">— Choisir un cadre —</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.code} — {f.name}
            </option>
          ))}
        </select>
        <p id="frameworkId-erreur" className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
          {frameworkError?.join(" ")}
        </p>
      </div>
      {framework ? (
        <fieldset className="rounded border border-slate-200 p-3" aria-describedby={objectiveError?.length ? "optionalObjectiveIds-erreur" : undefined}>
          <legend className="px-1 font-medium">Objectifs retenus</legend>
          <p className="text-sm text-slate-700">Les objectifs fondamentaux sont repris d&apos;office ; cochez les objectifs optionnels retenus.</p>
          <ul className="mt-2 space-y-1 text-sm">
            {framework.objectives.map((o) =>
              o.isMandatory ? (
                <li key={o.id} className="flex gap-2">
                  <span aria-hidden="true">✓</span>
                  <span>
                    {o.code} — {o.title} <span className="text-slate-700">(fondamental)</span>
                  </span>
                </li>
              ) : (
                <li key={o.id}>
                  <label className="flex gap-2">
                    <input type="checkbox" name="optionalObjectiveIds" value={o.id} defaultChecked={ticked.has(o.id)} />
                    <span>
                      {o.code} — {o.title} <span className="text-slate-700">(optionnel)</span>
                    </span>
                  </label>
                </li>
              ),
            )}
          </ul>
          <p id="optionalObjectiveIds-erreur" className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
            {objectiveError?.join(" ")}
          </p>
        </fieldset>
      ) : null}
    </>
  );
}

function conflictRows(current: Record<string, string | number | null>): [string, string][] {
  const shown = toFormValues(current);
  return [
    ["Statut", CONTRACT_STATUS_LABELS[current.status as ContractStatus] ?? String(current.status)],
    ["Vague", shown.wave],
    ["Période", `${shown.periodStart} → ${shown.periodEnd}`],
    ["Signature", [shown.signedOn, shown.signedPlace].filter(Boolean).join(", ") || "—"],
    ...FUNDING_PARTIES.map((p): [string, string] => [PARTY_LABELS[p], shown[partyField(p)] ? `${shown[partyField(p)]} €` : "—"]),
    ["Résumé", shown.summary || "—"],
  ];
}
