"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { saveIndicatorValue } from "@/lib/indicators/mutations";
import { indicatorValueFormValues } from "@/lib/indicators/schemas";
import { refreshOnConflict } from "@/lib/form-action";

export async function saveIndicatorValueForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await saveIndicatorValue(await getViewer(), values.contractId ?? "", values));
  return toFormState(result, values, {
    success: (saved) => `Valeurs ${saved.year} enregistrées.`,
    successValues: (saved) => indicatorValueFormValues(saved, saved),
    // Keep what was typed; the next save, made knowingly, applies to the current version.
    conflict: (c) => ({ values: { ...values, version: String(c.version) }, current: { version: c.version, baseline: c.baseline, target: c.target, actual: c.actual } }),
  });
}
