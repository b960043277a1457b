import "server-only";
// Reads are cached by scope and every write invalidates what it touched (ARCHITECTURE.md). One mechanism:
// Next's data cache (`unstable_cache`) with tags, invalidated by `revalidateTag`, so that a shared cache
// handler (several instances) sees the same tags. Tags:
//   "public"                  everything the public can see
//   "public:national"         national public collections and totals (any department's change touches them)
//   "public:department:77"    one department's public page, widget and API answers
//   "scope"                   everything a signed-in reader sees (non-public data included)
//   "scope:national"          figures over several departments: the national view, every region's view
//                             (their medians and spending-gap alerts are national) and the peer medians
//   "scope:department:77"     one department's workspace: dashboard, activity, its own alerts
// A department's write invalidates its department and the national tags, public and signed-in alike:
// that covers its region too, whose views carry the national tag. Pages rendered by Next (ISR) collect
// the tags of the cached reads they make, so a tag revalidated here regenerates the pages too.
//
// Signed-in reads are cached only behind the permission check, and keyed by the reader
// (lib/server/reader.ts): two viewers share an entry only when the same rows are theirs to read.
import { revalidateTag, unstable_cache } from "next/cache";
import { readingFromPrimary } from "./db";

export const PUBLIC_TAG = "public";
export const NATIONAL_TAG = "public:national";
export const departmentTag = (code: string) => `public:department:${code}`;

export const SCOPE_TAG = "scope";
export const SCOPE_NATIONAL_TAG = "scope:national";
export const scopeDepartmentTag = (code: string) => `scope:department:${code}`;

/** Safety net: "late" actions depend on today's date, so nothing stays cached longer than this. */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

/** True inside code compiled by Next for its Node.js server (Next defines NEXT_RUNTIME there). */
function inNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

const isMissingStore = (error: unknown) => /incrementalCache missing|static generation store missing/i.test(String(error));

/**
 * Results must be JSON-safe (Next stores them as JSON) and under 2 MB. Outside a Next server (tests,
 * scripts) the read simply runs. Never call one cached read inside another: Next then skips the inner
 * cache and recomputes it.
 */
async function cached<T>(family: string, baseTag: string, key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  if (!inNextServer()) return read();
  // Filled from the primary, even when asked inside readingFromReplica: a fill from a lagging replica
  // would keep old data cached after the write's revalidation.
  const entry = unstable_cache(() => readingFromPrimary(read), [family, ...key], { tags: [baseTag, ...tags], revalidate: PUBLIC_REVALIDATE_SECONDS });
  try {
    return await entry();
  } catch (error) {
    if (isMissingStore(error)) return read();
    throw error;
  }
}

/** A public read in Next's data cache under `key`, tagged `tags` (and "public"). */
export function publicCached<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  return cached("tripartite-public", PUBLIC_TAG, key, tags, read);
}

/**
 * A signed-in read, tagged `tags` (and "scope"). Call it only after the permission check, with the
 * reader's key (lib/server/reader.ts) in `key` whenever the rows depend on who reads.
 */
export function scopeCached<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  return cached("tripartite-scope", SCOPE_TAG, key, tags, read);
}

/**
 * After a successful write: the department's public page, widget and API answers, its workspace, and
 * every view over several departments are recomputed on their next request (never served stale).
 * Without a department: everything. Does nothing outside a Next request (integration tests call the
 * mutations directly).
 */
export function invalidatePublicData(departmentCode?: string): void {
  revalidate(departmentCode ? [departmentTag(departmentCode), NATIONAL_TAG, scopeDepartmentTag(departmentCode), SCOPE_NATIONAL_TAG] : [PUBLIC_TAG, SCOPE_TAG]);
}

/**
 * After a successful write that only signed-in views show (execution reports, their due dates): the
 * department's workspace and every view over several departments (their overdue reports).
 */
export function scopeDataChanged(departmentCode: string) {
  return <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) revalidate([scopeDepartmentTag(departmentCode), SCOPE_NATIONAL_TAG]);
    return result;
  };
}

/**
 * After a successful write only the department's own workspace shows (comments, custom deadlines): its
 * pages and activity, nothing national.
 */
export function workspaceDataChanged(departmentCode: string) {
  return <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) revalidate([scopeDepartmentTag(departmentCode)]);
    return result;
  };
}

function revalidate(tags: string[]): void {
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!inNextServer() || isMissingStore(error)) return;
      throw error;
    }
  }
}

/** For a mutation's `$transaction(…).then(…)`: invalidates the cached reads when the write succeeded. */
export function publicDataChanged(departmentCode: string | undefined) {
  return <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) invalidatePublicData(departmentCode);
    return result;
  };
}
