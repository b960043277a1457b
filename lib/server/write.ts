import "server-only";
// The write skeleton every mutation follows: authorize → load with its scope → diff → one transaction
// with the audit row → invalidate the scope (cache-tags.ts). The caches are invalidated here, in the
// data layer, never in `app/`: a form only parses its fields, calls the mutation and returns
// `toFormState` (lib/core/form-state.ts).
import type { Prisma } from "./generated/prisma/client";
import { can, type Permission, type Territory, type Viewer } from "./authz";
import { invalidate } from "./cache";
import type { WriteScope } from "./cache-tags";
import { db } from "./db";
import { forbidden, notFound, type Result } from "./errors";

/** What a write loaded: where the record sits (its permission's target) and anything else it needs. */
export type Loaded<L> = { territory: Territory; record: L };

export type WriteSteps<L, T, C> = {
  viewer: Viewer;
  permission: Permission;
  /** Reads the record inside the transaction (locking it when the write must), or null when there is none. */
  load: (tx: Prisma.TransactionClient) => Promise<Loaded<L> | null>;
  /** What the write changes, once allowed: the rows, their diff and the audit row, in the same transaction. */
  apply: (tx: Prisma.TransactionClient, loaded: Loaded<L>) => Promise<Result<T, C>>;
  /** The scope a success changed, invalidated after the commit. */
  scope: (loaded: Loaded<L>) => WriteScope;
  /** The name of the record in the "not found" message ("Cette ligne de financement"). */
  what?: string;
};

/**
 * One write in one transaction: load, check the permission on what was loaded, apply (with its audit
 * row), commit, then invalidate the scope. A record the viewer may not act on answers "not found" when
 * it may not even read it, else "forbidden" (as every mutation did by hand).
 */
export async function runWrite<L, T, C = unknown>(steps: WriteSteps<L, T, C>): Promise<Result<T, C>> {
  let scope: WriteScope | null = null;
  const result = await db().$transaction(async (tx): Promise<Result<T, C>> => {
    const loaded = await steps.load(tx);
    if (!loaded) return notFound(steps.what);
    if (!can(steps.viewer, steps.permission, loaded.territory)) return forbidden();
    const applied = await steps.apply(tx, loaded);
    if (applied.ok) scope = steps.scope(loaded);
    return applied;
  });
  if (scope) invalidate(scope);
  return result;
}
