import "server-only";
// Reads are cached by scope and every write invalidates what it touched. One mechanism: Next's data
// cache (`unstable_cache`) with tags, invalidated by `revalidateTag`, so that the shared cache handler
// (several instances, lib/server/cache/handler) sees the same tags. The tags, the scope each follows and
// which write invalidates which: lib/server/cache/cache-tags.ts. Pages rendered by Next (ISR) collect the tags
// of the cached reads they make, so a tag revalidated here regenerates the pages too.
//
// Signed-in reads are cached only behind the permission check, and keyed by the reader
// (lib/server/reader.ts): two viewers share an entry only when the same rows are theirs to read.
import { revalidateTag, unstable_cache } from "next/cache";
import { PUBLIC_TAG, SCOPE_TAG, tagsOf, type WriteScope } from "./cache-tags";
import { readingFromPrimary } from "../db";

export { NATIONAL_TAG, PUBLIC_TAG, SCOPE_NATIONAL_TAG, SCOPE_TAG, departmentTag, scopeDepartmentTag, scopeRegionTag } from "./cache-tags";

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
async function cached<T>(family: string, baseTag: string, key: string[], tags: string[], read: () => Promise<T>, seconds = PUBLIC_REVALIDATE_SECONDS): Promise<T> {
  if (!inNextServer()) return read();
  // Filled from the primary, even when asked inside readingFromReplica: a fill from a lagging replica
  // would keep old data cached after the write's revalidation.
  const fill = () => readingFromPrimary(read);
  // Next keys an entry by the function's source text and `key`. That text is this line as each bundle
  // minified it: pages and route handlers are separate bundles with other local names (measured in the
  // production build: `()=>(0,f.$)(g)` in pages, `()=>(0,i.$)(o)` in routes), so the same read made by a
  // page and by a route (the national CSV export after the national view) never shared an entry. The
  // same text everywhere: the key alone names the entry.
  fill.toString = () => "tripartite-cached-read";
  const entry = unstable_cache(fill, [family, ...key], { tags: [baseTag, ...tags], revalidate: seconds });
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
export function scopeCached<T>(key: string[], tags: string[], read: () => Promise<T>, seconds?: number): Promise<T> {
  return cached("tripartite-scope", SCOPE_TAG, key, tags, read, seconds);
}

type InvalidationListener = (scope: WriteScope, tags: string[]) => void;
const listeners = new Set<InvalidationListener>();

/**
 * Calls `listener` with every invalidation of this process (scope and tags), in a Next server or not:
 * for logs and for the tests, which run the mutations outside Next. Returns the unsubscribe.
 */
export function watchInvalidations(listener: InvalidationListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * After a successful write of `scope`: the tags it maps to (cache-tags.ts) expire at once on every
 * instance, so the next request recomputes them (never served stale). In a server action this also
 * refreshes the page the form is on. Does nothing to Next's cache outside a Next request (integration
 * tests call the mutations directly).
 */
export function invalidate(scope: WriteScope): void {
  const tags = tagsOf(scope);
  for (const listener of listeners) listener(scope, tags);
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!inNextServer() || isMissingStore(error)) return;
      throw error;
    }
  }
}

/** For a mutation's `$transaction(…).then(…)`: invalidates `scope` when the write succeeded. */
export function invalidateOnSuccess(scope: WriteScope) {
  return <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) invalidate(scope);
    return result;
  };
}

/**
 * @deprecated Kept for callers not yet moved to `invalidate(scope)` (the spreadsheet import is being
 * rewritten beside this change): a department's public data changed, known by its code only.
 */
export function invalidatePublicData(departmentCode: string): void {
  invalidate({ kind: "department", departmentCode, regionCode: "" });
}
