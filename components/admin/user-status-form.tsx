"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { IDLE } from "@/lib/forms";
import type { ServerAction } from "./types";

/** Deactivates (and signs out everywhere) or reactivates an account; accounts are never deleted. */
export function UserStatusForm({ action, userId, isActive, isSelf }: { action: ServerAction; userId: string; isActive: boolean; isSelf: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (isActive && !window.confirm("Désactiver ce compte ? Toutes ses sessions seront fermées immédiatement.")) e.preventDefault();
      }}
      className="space-y-2"
    >
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="userId" value={userId} />
      {isSelf && isActive ? (
        <p className="text-sm text-slate-700">Vous ne pouvez pas désactiver votre propre compte.</p>
      ) : (
        <button
          type="submit"
          disabled={pending}
          className={
            isActive
              ? "rounded border border-red-800 px-4 py-2 text-red-800 hover:bg-red-50 disabled:opacity-60"
              : "rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
          }
        >
          {isActive ? "Désactiver le compte" : "Réactiver le compte"}
        </button>
      )}
    </form>
  );
}
