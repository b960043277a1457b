import { TextField } from "@/components/forms/field";
import type { FieldErrors } from "@/lib/forms";

/** One euro field per party or funder, typed the French way ("8 400 000" or "1 234,56"). */
export function AmountsFieldset({
  legend,
  fields,
  values,
  errors,
}: {
  legend: string;
  fields: { name: string; label: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <fieldset aria-describedby="montants-aide" className="rounded border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <p id="montants-aide" className="text-sm text-slate-700">
        En euros, par exemple « 8 400 000 » ou « 1 234,56 ». Laissez vide quand il n&apos;y a pas de montant.
      </p>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <TextField key={f.name} name={f.name} label={`${f.label} (€)`} inputMode="decimal" autoComplete="off" defaultValue={values[f.name]} errors={errors} />
        ))}
      </div>
    </fieldset>
  );
}
