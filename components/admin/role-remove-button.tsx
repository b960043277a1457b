"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { IDLE } from "@/lib/forms";
import type { ServerAction } from "./types";

export function RoleRemoveButton({ action, assignmentId, userId, label }: { action: ServerAction; assignmentId: string; userId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(`Retirer le rôle « ${label} » ?`)) e.preventDefault();
      }}
      className="space-y-1"
    >
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="rounded border border-red-800 px-2 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
        Retirer<span className="sr-only"> le rôle {label}</span>
      </button>
      {state.status === "error" ? <FormMessage status={state.status} message={state.message} /> : null}
    </form>
  );
}
