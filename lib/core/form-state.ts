// What a server action returns to its form, from its mutation's result: one mapping for every form.
// React 19 resets a form after its action, so the values typed come back with the errors and are shown
// again as default values. Pure: the write (lib/server/write.ts) has already invalidated what it changed.

export type FieldErrors = Record<string, string[] | undefined>;

/** Someone else saved first: what is stored now, typed by the mutation that found it. */
export type Conflict<T> = { ok: false; code: "conflict"; message: string; current: T };

/** The shape of a mutation's result (lib/server/errors.ts), with its conflict's type. */
export type Outcome<T, C = unknown> =
  | { ok: true; value: T }
  | { ok: false; code: "forbidden"; message: string }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | Conflict<C>;

/** The stored values shown beside a form after a conflict. */
export type CurrentValues = Record<string, string | number | null>;

export type FormState = {
  status: "idle" | "success" | "error" | "conflict";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** On a conflict: the values someone else saved, to show and to edit from. */
  current?: CurrentValues;
  /** Changes on every submission, so forms remount with the values returned. */
  stamp?: number;
};

export const IDLE: FormState = { status: "idle" };

export type FormStateOptions<T, C> = {
  /** The message of a success, or how to word it from the saved value. */
  success: string | ((value: T) => string);
  /** The form's values after a success (default: as typed). */
  successValues?: (value: T) => Record<string, string>;
  /** The values after a conflict, and the stored ones to show (default: as typed, no stored values). */
  conflict?: (current: C, values: Record<string, string>) => { values?: Record<string, string>; current?: CurrentValues; message?: string };
  /** A failure's message (default: the mutation's). */
  failureMessage?: (failure: Exclude<Outcome<T, C>, { ok: true }>) => string;
  /** The values after a failure (default: as typed). */
  failureValues?: Record<string, string>;
};

/** The form state of a mutation's result; `values` are the fields as typed. */
export function toFormState<T, C>(result: Outcome<T, C>, values: Record<string, string>, options: FormStateOptions<T, C>, stamp = Date.now()): FormState {
  if (result.ok) {
    const message = typeof options.success === "function" ? options.success(result.value) : options.success;
    return { status: "success", message, values: options.successValues ? options.successValues(result.value) : values, stamp };
  }
  const message = options.failureMessage ? options.failureMessage(result) : result.message;
  if (result.code === "conflict") {
    const shown = options.conflict?.(result.current, values) ?? {};
    return { status: "conflict", message: shown.message ?? message, values: shown.values ?? values, ...(shown.current ? { current: shown.current } : {}), stamp };
  }
  return { status: "error", message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values: options.failureValues ?? values, stamp };
}

/** After a conflict on a versioned record: keep what was typed, on the stored version, and show what is stored. */
export function keepTypedOnCurrentVersion<C extends { version: number }>(current: C, values: Record<string, string>) {
  return { values: { ...values, version: String(current.version) }, current: current as unknown as CurrentValues };
}
