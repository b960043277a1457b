// What a report form's server action returns, from its mutation's result (toFormState, with the
// report's own conflict message: the report moved, the page is drawn again).
import { toFormState, type FormState } from "../core/form-state";
import type { Result } from "../server/errors";

export const REPORT_CONFLICT_MESSAGE = "Le rapport a changé entre-temps : rechargez la page pour voir son état actuel.";

export function reportFormState<T>(result: Result<T>, success: string, values: Record<string, string>, extra?: (value: T) => Record<string, string>): FormState {
  return toFormState(result, values, {
    success,
    successValues: (value) => ({ ...values, ...(extra ? extra(value) : {}) }),
    conflict: () => ({ message: REPORT_CONFLICT_MESSAGE }),
  });
}
