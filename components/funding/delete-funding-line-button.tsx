"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { IDLE, type FormState } from "@/lib/forms";

/** Deletes a ledger line at the version shown; a change made meanwhile is reported, not overwritten. */
export function DeleteFundingLineButton({
  action,
  id,
  version,
  departmentCode,
}: {
  action: (p: FormState, d: FormData) => Promise<FormState>;
  id: string;
  version: string;
  departmentCode: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm("Supprimer cette ligne de financement ? Elle restera visible dans l'historique.")) e.preventDefault();
      }}
      className="space-y-2"
    >
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="departmentCode" value={departmentCode} />
      <button type="submit" disabled={pending} className="rounded border border-red-800 px-4 py-2 text-red-800 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Suppression…" : "Supprimer la ligne"}
      </button>
    </form>
  );
}
