// A labelled field with its error message next to it, announced to screen readers.
import type { FieldErrors } from "@/lib/forms";

type Common = { name: string; label: string; hint?: string; errors?: FieldErrors; required?: boolean; className?: string };

function describedBy(name: string, hint?: string, error?: string[]) {
  return [hint ? `${name}-aide` : null, error?.length ? `${name}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

function Wrapper({ name, label, hint, errors, required, className, children }: Common & { children: React.ReactNode }) {
  const error = errors?.[name];
  return (
    <div className={className}>
      <label htmlFor={name} className="block font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${name}-aide`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <p id={`${name}-erreur`} className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
        {error?.join(" ")}
      </p>
    </div>
  );
}

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

export function TextField(props: Common & { defaultValue?: string | null; type?: string; autoComplete?: string; inputMode?: "numeric" | "decimal"; min?: number; max?: number; step?: string }) {
  const { name, defaultValue, type = "text", errors, hint, required, autoComplete, inputMode, min, max, step } = props;
  return (
    <Wrapper {...props}>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        aria-invalid={errors?.[name]?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors?.[name])}
        className={inputClass}
      />
    </Wrapper>
  );
}

export function TextArea(props: Common & { defaultValue?: string | null; rows?: number }) {
  const { name, defaultValue, errors, hint, rows = 3 } = props;
  return (
    <Wrapper {...props}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.[name]?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors?.[name])}
        className={inputClass}
      />
    </Wrapper>
  );
}

export function SelectField(props: Common & { defaultValue?: string | null; options: { value: string; label: string }[]; placeholder?: string }) {
  const { name, defaultValue, errors, hint, options, placeholder, required } = props;
  return (
    <Wrapper {...props}>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={errors?.[name]?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors?.[name])}
        className={inputClass}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** The form-level message: success, error or conflict, in a live region. */
export function FormMessage({ status, message }: { status: string; message?: string }) {
  const styles: Record<string, string> = {
    success: "border-green-700 bg-green-50 text-green-900",
    error: "border-red-700 bg-red-50 text-red-900",
    conflict: "border-orange-700 bg-orange-50 text-orange-950",
  };
  return (
    <div role="status" aria-live="polite" className={message ? `rounded border-l-4 p-3 ${styles[status] ?? ""}` : ""}>
      {message}
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: React.ReactNode; pending: boolean }) {
  return (
    <button type="submit" disabled={pending} className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
      {pending ? "Enregistrement…" : children}
    </button>
  );
}
