"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton } from "@/components/forms/field";
import { ROLES, ROLE_LABELS, ROLE_SCOPE, type Role, type ScopeOptions } from "@/lib/admin/users/schemas";
import { IDLE } from "@/lib/forms";
import type { ServerAction } from "./types";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Gives a role; only the scope field the chosen role needs is shown (and sent). */
export function RoleAssignForm({ action, userId, scopes }: { action: ServerAction; userId: string; scopes: ScopeOptions }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.status === "success" ? {} : (state.values ?? {});
  const [role, setRole] = useState<Role | "">((values.role as Role) ?? "");
  const scope = role ? ROLE_SCOPE[role] : "none";
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate key={state.stamp ?? 0} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <label htmlFor="role" className="block font-medium">
          Rôle<span aria-hidden="true"> *</span>
        </label>
        <select
          id="role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role | "")}
          required
          aria-invalid={errors?.role?.length ? true : undefined}
          aria-describedby={errors?.role?.length ? "role-erreur" : undefined}
          className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
        >
          <option value="">— Choisir un rôle —</option>
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <p id="role-erreur" className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
          {errors?.role?.join(" ")}
        </p>
      </div>
      {scope === "department" ? (
        <SelectField
          name="departmentCode"
          label="Département"
          required
          placeholder="— Choisir un département —"
          defaultValue={values.departmentCode}
          errors={errors}
          options={scopes.departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
        />
      ) : null}
      {scope === "region" ? (
        <SelectField
          name="regionCode"
          label="Région"
          required
          placeholder="— Choisir une région —"
          defaultValue={values.regionCode}
          errors={errors}
          options={scopes.regions.map((r) => ({ value: r.code, label: r.name }))}
        />
      ) : null}
      {role && scope === "none" ? <p className="text-sm text-slate-700">Ce rôle porte sur tout le territoire : aucun périmètre à choisir.</p> : null}
      <SubmitButton pending={pending}>Attribuer le rôle</SubmitButton>
    </form>
  );
}
