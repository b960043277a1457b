import "server-only";
// The write skeleton: authorize → load with its scope → diff → one transaction with the audit row →
// invalidate the scope (cache-tags.ts). The caches are invalidated here, in the data layer, never in
// `app/`: a form only parses its fields, calls the mutation and returns `toFormState`
// (lib/core/form-state.ts). A mutation keeps only what is its own: how to find the record's place, how
// to check its input, and the write itself.
import { auditDenied } from "./audit";
import { can, type Permission, type Territory, type Viewer } from "./authz";
import { invalidate } from "./cache/cache";
import type { WriteScope } from "./cache/cache-tags";
import { db } from "./db";
import { forbidden, notFound, type Failure, type Result } from "./errors";
import type { Prisma } from "./generated/prisma/client";

export type WriteSteps<L extends { territory: Territory }, P, T, C> = {
  viewer: Viewer;
  permission: Permission;
  /** The audited entity and id, also on a refusal's audit row. */
  entity: string;
  entityId: string;
  /** The record in the "not found" message ("Cette ligne de financement"). */
  what: string;
  /** Finds the record and where it sits (its permission's target); null when there is none. */
  locate: () => Promise<L | null>;
  /** Checks the input against what was found, once the viewer may write: the values to write, or field errors. */
  prepare: (located: L) => Promise<{ ok: true; value: P } | Failure>;
  /** The write and its audit row, in one transaction (version guards included). */
  write: (tx: Prisma.TransactionClient, located: L, input: P) => Promise<Result<T, C>>;
  /** What a success changed (cache-tags.ts), invalidated after the commit. */
  scope: (territory: Territory) => WriteScope;
};

/**
 * One write. A viewer who may not write gets a refusal with its own audit row, and "not found" when
 * they may not even read the record (nothing tells them it exists).
 */
export async function runWrite<L extends { territory: Territory }, P, T, C = never>(steps: WriteSteps<L, P, T, C>): Promise<Result<T, C>> {
  const located = await steps.locate();
  if (!located) return notFound(steps.what);
  if (!can(steps.viewer, steps.permission, located.territory)) {
    await auditDenied(steps.viewer, steps.permission, located.territory, steps.entity, steps.entityId);
    return can(steps.viewer, "contract.read", located.territory) ? forbidden() : notFound(steps.what);
  }
  const input = await steps.prepare(located);
  if (!input.ok) return input;
  const result = await db().$transaction((tx) => steps.write(tx, located, input.value));
  if (result.ok) invalidate(steps.scope(located.territory));
  return result;
}

/** The fields that changed, before and after, for the audit row and the history. */
export function diff<V extends Record<string, unknown>>(before: V, after: V): { before: Partial<V>; after: Partial<V> } {
  const keys = (Object.keys(after) as (keyof V)[]).filter((k) => before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<V>, after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<V> };
}
