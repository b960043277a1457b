// Reading a form's fields. What an action returns to its form: lib/core/form-state.ts.
export { IDLE, toFormState, type FieldErrors, type FormState } from "./core/form-state";

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
