// What a server action returns to its form: React 19 resets a form after its action, so the values
// typed come back with the errors and are shown again as default values.
export type FieldErrors = Record<string, string[] | undefined>;

export type FormState = {
  status: "idle" | "success" | "error" | "conflict";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** On a conflict: the values someone else saved, to show and to edit from. */
  current?: Record<string, string | number | null>;
  /** Changes on every submission, so forms remount with the values returned. */
  stamp?: number;
};

export const IDLE: FormState = { status: "idle" };

/** A text field's value ("" for a file or nothing). NUL characters are dropped: nobody types one, and PostgreSQL refuses them in text. */
export function formText(value: FormDataEntryValue | null | undefined): string {
  return typeof value === "string" ? value.replaceAll("\u0000", "") : "";
}

/** The form's text fields. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = formText(value);
  return values;
}
