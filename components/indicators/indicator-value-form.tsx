"use client";

import { ConflictPanel } from "@/components/forms/conflict-panel";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/forms/field";
import { toFrenchInput } from "@/lib/core/decimal";
import type { IndicatorKind, IndicatorRow } from "@/lib/indicators/schemas";
import { formatIndicatorValue } from "@/lib/indicators/status";
import { IDLE, type FormState } from "@/lib/forms";

type Values = Record<string, string>;
type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;
type Current = Record<string, string | number | null>;

const FIELDS = [
  ["baseline", "Valeur de référence"],
  ["target", "Cible"],
  ["actual", "Réalisé"],
] as const;

const HINTS: Record<IndicatorKind, string> = {
  RATE: "Pourcentages entre 0 et 100, deux décimales au plus, avec une virgule (par exemple 72,5).",
  COUNT: "Nombres entiers, 0 ou plus (par exemple 1 200).",
  DELAY_DAYS: "Délais en jours entiers, 0 ou plus.",
  MILESTONE: "Jalon atteint (oui) ou non.",
  AMOUNT: "Montants en euros, centimes après la virgule (par exemple 150 000 ou 1 234,56).",
};

const unitSuffix = (kind: IndicatorKind) => (kind === "RATE" ? " (%)" : kind === "AMOUNT" ? " (€)" : kind === "DELAY_DAYS" ? " (jours)" : "");

/** Baseline, target and actual of one indicator for one year. On a conflict it shows what someone else saved, and keeps what was typed. */
export function IndicatorValueForm({
  action,
  indicator,
  year,
  initial,
  onClose,
}: {
  action: ServerAction;
  indicator: Pick<IndicatorRow, "id" | "label" | "kind" | "unit">;
  year: number;
  initial: Values;
  onClose: () => void;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [reloaded, setReloaded] = useState<{ values: Values; stamp: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const useCurrent = reloaded && reloaded.stamp === state.stamp;
  const values: Values = useCurrent ? reloaded.values : (state.values ?? initial);
  const errors = state.fieldErrors;
  // Errors on fields the form does not show (the year, the indicator, the version) are listed at the top.
  const hidden = ["indicatorId", "year", "version"].flatMap((k) => errors?.[k] ?? []);
  const show = (v: string | number | null | undefined) => formatIndicatorValue(indicator.kind, indicator.unit, v === null || v === undefined || v === "" ? null : Number(v));

  return (
    <section aria-labelledby="saisie-indicateur" className="mt-3 rounded border border-marianne bg-marianne-light/40 p-4">
      <h4 id="saisie-indicateur" ref={heading} tabIndex={-1} className="font-semibold">
        Valeurs {year} — {indicator.label}
      </h4>
      <form action={formAction} noValidate key={`${state.stamp ?? 0}-${useCurrent ? "current" : "typed"}`} className="mt-3 space-y-4">
        <FormMessage status={state.status} message={state.message} />
        {hidden.length ? (
          <ul className="list-disc pl-5 text-sm font-medium text-red-800">
            {hidden.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {state.status === "conflict" && state.current ? (
          <ConflictPanel
            headingLevel={5}
            rows={FIELDS.map(([name, label]) => [label, show(state.current![name])])}
            onUseCurrent={() => setReloaded({ values: { ...values, ...fromCurrent(state.current!) }, stamp: state.stamp ?? 0 })}
          />
        ) : null}
        <input type="hidden" name="contractId" value={values.contractId ?? ""} />
        <input type="hidden" name="indicatorId" value={values.indicatorId ?? indicator.id} />
        <input type="hidden" name="year" value={values.year ?? String(year)} />
        <input type="hidden" name="version" value={values.version ?? ""} />
        <p id="saisie-indicateur-aide" className="text-sm text-slate-700">
          {HINTS[indicator.kind]} Laissez vide une valeur inconnue.
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          {FIELDS.map(([name, label]) =>
            indicator.kind === "MILESTONE" ? (
              <SelectField
                key={name}
                name={name}
                label={label}
                defaultValue={values[name]}
                errors={errors}
                placeholder="— Non renseigné —"
                options={[
                  { value: "1", label: "Oui" },
                  { value: "0", label: "Non" },
                ]}
              />
            ) : (
              <TextField
                key={name}
                name={name}
                label={`${label}${unitSuffix(indicator.kind)}`}
                defaultValue={values[name]}
                errors={errors}
                inputMode={indicator.kind === "COUNT" || indicator.kind === "DELAY_DAYS" ? "numeric" : "decimal"}
                autoComplete="off"
              />
            ),
          )}
        </div>
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
    version: String(current.version ?? ""),
    baseline: toFrenchInput(current.baseline),
    target: toFrenchInput(current.target),
    actual: toFrenchInput(current.actual),
  };
}
