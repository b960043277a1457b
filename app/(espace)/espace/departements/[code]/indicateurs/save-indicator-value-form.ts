"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { saveIndicatorValue } from "@/lib/indicators/mutations";
import { indicatorValueFormValues, type IndicatorValueEditValues } from "@/lib/indicators/schemas";

export async function saveIndicatorValueForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await saveIndicatorValue(await getViewer(), values.contractId ?? "", values);
  const stamp = Date.now();
  // The tables, the workspace's activity and every page showing these values are drawn again.
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (result.ok) return { status: "success", message: `Valeurs ${result.value.year} enregistrées.`, values: indicatorValueFormValues(result.value, result.value), stamp };
  if (result.code === "conflict") {
    const current = result.current as IndicatorValueEditValues;
    // Keep what was typed; the next save, made knowingly, applies to the current version.
    return {
      status: "conflict",
      message: result.message,
      values: { ...values, version: String(current.version) },
      current: { version: current.version, baseline: current.baseline, target: current.target, actual: current.actual },
      stamp,
    };
  }
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
