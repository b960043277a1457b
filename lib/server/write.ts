import "server-only";
// The write skeleton: authorize → load with its scope → diff → one transaction with the audit row →
// invalidate the scope (cache-tags.ts). The caches are invalidated here, in the data layer, never in
// `app/`: a form only parses its fields, calls the mutation and returns `toFormState`
// (lib/core/form-state.ts). A mutation keeps only what is its own: how to find the record's place, how
// to check its input, and the write itself.
//
// Three shapes of write:
// - `runWrite`: a write under a permission on a territory (a department's records, the administration's).
//   Every refusal leaves its "denied" audit row.
// - `runBulkWrite`: many records at once under several permissions on one territory (the spreadsheet
//   import): the same authorization, one transaction with an audit row per record, all or nothing.
// - `runAccountWrite`: a signed-in person's write on their own account (password, calendar link). No
//   permission and no territory: being signed in is the whole authorization. Signing in itself is not a
//   write on anything the viewer is authorized for (lib/auth/mutations.ts counts attempts instead).
import type { z } from "zod";
import { versionField, zodFieldErrors } from "../core/fields";
import { auditDenied } from "./audit";
import { can, type Permission, type Territory, type Viewer } from "./authz";
import { invalidate } from "./cache/cache";
import type { WriteScope } from "./cache/cache-tags";
import { db } from "./db";
import { forbidden, invalid, notFound, type Failure, type Result } from "./errors";
import type { Prisma } from "./generated/prisma/client";
import { contractTerritory } from "./territory";

/** A checked input, or the failure to return as it is. */
export type Checked<P> = { ok: true; value: P } | Failure;
type Invalid = Extract<Failure, { code: "invalid" }>;
/** What a viewer who may not write, or a write on nothing, is told. */
type Refusal = Extract<Failure, { code: "forbidden" | "not_found" }>;
const refusedAsForbidden = () => forbidden() as Refusal;
const refusedAsNotFound = (what: string) => notFound(what) as Refusal;

export type WriteSteps<L extends { territory: Territory | null }, P, T, C> = {
  viewer: Viewer;
  permission: Permission;
  /** The audited entity, also on a refusal's audit row. */
  entity: string;
  /** Its id on a refusal's audit row (computed only then, from what was located, when it needs a look-up). */
  entityId: string | ((located: L | null) => string | Promise<string>);
  /** The record in the "not found" message ("Cette ligne de financement"). */
  what: string;
  /** Finds the record and where it sits (its permission's target); null when there is none. */
  locate: () => Promise<L | null>;
  /**
   * What a refused viewer is told:
   * - "hide" (default): "forbidden" to one who may read the record, "not found" to one who may not even
   *   read it (nothing tells them it exists); a missing record is "not found" before anything is checked.
   * - "forbid": always "forbidden" (a comment: who may not write it is told so).
   * - "forbid-first": the administration. The permission is checked before the record's existence, on
   *   the place located (or none), so a refused attempt reveals nothing; always "forbidden".
   */
  refusal?: "hide" | "forbid" | "forbid-first";
  /** Checks the input against what was found, once the viewer may write: the values to write, or a failure. */
  prepare: (located: L) => Promise<Checked<P>>;
  /** The write and its audit row, in one transaction (version guards included); `user` is who writes. */
  write: (tx: Prisma.TransactionClient, located: L, input: P, user: SignedIn["user"]) => Promise<Result<T, C>>;
  /** An error thrown by the transaction that is an answer, not a bug (a unique index); null: rethrown. */
  rescue?: (error: unknown, input: P) => Failure | null;
  /** What a success changed (cache-tags.ts), invalidated after the commit. */
  scope: (territory: L["territory"], input: P, value: T) => WriteScope;
};

/**
 * One write. A viewer who may not write gets a refusal with its own audit row, and "not found" when
 * they may not even read the record (nothing tells them it exists).
 */
export async function runWrite<L extends { territory: Territory | null }, P, T, C = never>(steps: WriteSteps<L, P, T, C>): Promise<Result<T, C>> {
  const allowed = await authorize(steps, [steps.permission]);
  if (!allowed.ok) return allowed;
  const input = await steps.prepare(allowed.located);
  if (!input.ok) return input;
  return commit(steps, allowed.located, input.value, allowed.user, { atomic: false });
}

/** A write's failure of its own (a conflict, a file already applied): a message, nothing written. */
export type WriteFailure = { ok: false; code: string; message: string };

export type BulkWriteSteps<L extends { territory: Territory }, P, T, F extends WriteFailure> = Pick<WriteSteps<L, P, T, never>, "viewer" | "entity" | "entityId" | "what" | "locate" | "refusal"> & {
  /** Every permission the write needs on the one territory located; the first one refused leaves its audit row. */
  permissions: readonly Permission[];
  /**
   * Checks the input against what was found, once the viewer holds every permission: the values to write,
   * a failure of its own, or `done`, an answer that writes nothing (a preview, a file that changes nothing).
   */
  prepare: (located: L) => Promise<{ ok: true; value: P } | { ok: true; done: T } | F>;
  /**
   * The writes and their audit rows, all in one transaction: a failure returned (a conflict found midway,
   * between two statements) rolls back everything written before it.
   */
  write: (tx: Prisma.TransactionClient, located: L, input: P, user: SignedIn["user"]) => Promise<{ ok: true; value: T } | F>;
  /** An error thrown by the transaction that is an answer, not a bug (a unique index); null: rethrown. */
  rescue?: (error: unknown, input: P) => Promise<F | null>;
  /** What a success changed (cache-tags.ts), invalidated after the commit. */
  scope: (territory: L["territory"], input: P, value: T) => WriteScope;
  /** How long the transaction may wait for a connection and run (ms): a bulk write may take longer than a form's. */
  transaction?: { maxWait: number; timeout: number };
};

/**
 * Many records written at once under several permissions on one territory (the spreadsheet import):
 * the same authorization as `runWrite` (a refusal per attempt, with its audit row), then one
 * transaction, all or nothing, and the territory's scope invalidated after the commit.
 */
export async function runBulkWrite<L extends { territory: Territory }, P, T, F extends WriteFailure>(steps: BulkWriteSteps<L, P, T, F>): Promise<{ ok: true; value: T } | F | Refusal> {
  const allowed = await authorize(steps, steps.permissions);
  if (!allowed.ok) return allowed;
  const input = await steps.prepare(allowed.located);
  if (!input.ok) return input;
  if ("done" in input) return { ok: true, value: input.done };
  return commit(steps, allowed.located, input.value, allowed.user, { atomic: true });
}

/**
 * Finds the record, then checks each permission on its place: the first one refused is audited and
 * answered as `refusal` says. Only then is a missing record "not found" (with "forbid-first").
 */
async function authorize<L extends { territory: Territory | null }>(
  steps: Pick<WriteSteps<L, unknown, unknown, never>, "viewer" | "entity" | "entityId" | "what" | "locate" | "refusal">,
  permissions: readonly Permission[],
): Promise<{ ok: true; located: L; user: SignedIn["user"] } | Refusal> {
  const refusal = steps.refusal ?? "hide";
  const located = await steps.locate();
  if (!located && refusal !== "forbid-first") return refusedAsNotFound(steps.what);
  const territory = located?.territory ?? null;
  const refused = permissions.find((permission) => !can(steps.viewer, permission, territory));
  if (refused) {
    const entityId = typeof steps.entityId === "function" ? await steps.entityId(located) : steps.entityId;
    await auditDenied(steps.viewer, refused, territory, steps.entity, entityId);
    return refusal === "hide" && !can(steps.viewer, "contract.read", territory) ? refusedAsNotFound(steps.what) : refusedAsForbidden();
  }
  if (!located) return refusedAsNotFound(steps.what);
  // Only a signed-in user holds a permission (can()); this keeps the type honest.
  const user = steps.viewer.kind === "user" ? steps.viewer.user : null;
  if (!user) return refusedAsForbidden();
  return { ok: true, located, user };
}

/** A failure that rolls its transaction back, returned once the transaction has ended. */
class RolledBack extends Error {
  constructor(readonly failure: unknown) {
    super("rolled back");
  }
}

/**
 * The write in one transaction; an error that is an answer is returned as such; the scope is invalidated
 * after the commit, on success only. `atomic`: a failure the write returns rolls it back too.
 */
async function commit<L extends { territory: Territory | null }, P, T, F extends { ok: false }>(
  steps: {
    write: (tx: Prisma.TransactionClient, located: L, input: P, user: SignedIn["user"]) => Promise<{ ok: true; value: T } | F>;
    rescue?: (error: unknown, input: P) => F | null | Promise<F | null>;
    scope: (territory: L["territory"], input: P, value: T) => WriteScope;
    transaction?: { maxWait: number; timeout: number };
  },
  located: L,
  input: P,
  user: SignedIn["user"],
  options: { atomic: boolean },
): Promise<{ ok: true; value: T } | F> {
  let result: { ok: true; value: T } | F;
  try {
    result = await db().$transaction(async (tx) => {
      const written = await steps.write(tx, located, input, user);
      if (options.atomic && !written.ok) throw new RolledBack(written);
      return written;
    }, steps.transaction);
  } catch (error) {
    if (error instanceof RolledBack) return error.failure as F;
    const answer = await steps.rescue?.(error, input);
    if (answer) return answer;
    throw error;
  }
  if (result.ok) invalidate(steps.scope(located.territory, input, result.value));
  return result;
}

/** The place of a contract, for `locate`; null when there is no such contract. */
export async function locateContract(contractId: string): Promise<{ territory: Territory } | null> {
  const territory = await contractTerritory(db(), contractId);
  return territory ? { territory } : null;
}

export type SignedIn = Extract<Viewer, { kind: "user" }>;

export type AccountWriteSteps<P, T> = {
  viewer: Viewer;
  /** What someone who is not signed in is told. */
  signedOut: () => Failure;
  /** Checks the input (a password against the stored one…): the values to write, or a failure. */
  prepare: (viewer: SignedIn) => Promise<Checked<P>>;
  /** The write and its audit row (permission null, territory null), in one transaction. */
  write: (tx: Prisma.TransactionClient, viewer: SignedIn, input: P) => Promise<Result<T, never>>;
  /** What a success changed (cache-tags.ts), if anything cached shows it. */
  scope?: (viewer: SignedIn, value: T) => WriteScope;
};

/** A signed-in person's write on their own account: no permission, no territory, no refusal row. */
export async function runAccountWrite<P, T>(steps: AccountWriteSteps<P, T>): Promise<Result<T, never>> {
  const viewer = steps.viewer;
  if (viewer.kind !== "user") return steps.signedOut();
  const input = await steps.prepare(viewer);
  if (!input.ok) return input;
  const result = await db().$transaction((tx) => steps.write(tx, viewer, input.value));
  if (result.ok && steps.scope) invalidate(steps.scope(viewer, result.value));
  return result;
}

/** A form's fields parsed by `schema`, or the field errors next to each field. */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | Invalid {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : (invalid(zodFieldErrors(parsed.error)) as Invalid);
}

/**
 * The version a form was loaded with, one rule for every record: an integer from 1 (a stale one is a
 * conflict, found by the write, not an error here). `none` is for a record that may not exist yet: a
 * blank field means "none yet" and gives `none` (an indicator value: null, a creation; a report: 0, the
 * version of the report before its first save, which may also be sent as "0").
 */
export function parseVersion(value: unknown): { ok: true; value: number } | Invalid;
export function parseVersion<N extends number | null>(value: unknown, options: { none: N }): { ok: true; value: number | N } | Invalid;
export function parseVersion(value: unknown, options?: { none: number | null }): { ok: true; value: number | null } | Invalid {
  if (options) {
    const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (blank || (options.none !== null && String(value).trim() === String(options.none))) return { ok: true, value: options.none };
  }
  const parsed = versionField.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : (invalid({ version: parsed.error.issues.map((i) => i.message) }) as Invalid);
}

/** The fields that changed, before and after, for the audit row and the history. `same` compares two values (default: ===). */
export function diff<V extends Record<string, unknown>>(
  before: V,
  after: V,
  options: { ignore?: readonly (keyof V)[]; same?: (a: unknown, b: unknown) => boolean } = {},
): { before: Partial<V>; after: Partial<V> } {
  const same = options.same ?? ((a, b) => a === b);
  const keys = (Object.keys(after) as (keyof V)[]).filter((k) => !options.ignore?.includes(k) && !same(before[k], after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<V>, after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<V> };
}

/** Same JSON: for values that are objects or arrays (the administration's records). */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether anything changed. */
export const changed = (d: { after: object }) => Object.keys(d.after).length > 0;
