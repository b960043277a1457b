// What a report form's server action returns, from its mutation's result (pure: the actions revalidate).
import type { FormState } from "../forms";
import type { Result } from "../server/errors";

export const REPORT_CONFLICT_MESSAGE = "Le rapport a changé entre-temps : rechargez la page pour voir son état actuel.";

/** Whether the page must be rendered again: the report moved (a success, or someone else's change). */
export const reportChanged = (result: Result<unknown>) => result.ok || result.code === "conflict";

export function reportFormState<T>(result: Result<T>, success: string, values: Record<string, string>, extra?: (value: T) => Record<string, string>): FormState {
  const stamp = Date.now();
  if (result.ok) return { status: "success", message: success, values: { ...values, ...(extra ? extra(result.value) : {}) }, stamp };
  if (result.code === "conflict") return { status: "conflict", message: REPORT_CONFLICT_MESSAGE, values, stamp };
  return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
}
