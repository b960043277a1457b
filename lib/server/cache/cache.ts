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

/** A cache of reads by key and tags, as Next's data cache keeps them (`unstable_cache`): for the tests, which run outside Next. */
export type DataCache = <T>(key: string[], tags: string[], fill: () => Promise<T>) => Promise<T>;

/** The revalidations this process knows (lib/server/cache/handler/tag-registry.mjs), when the cluster cache handler runs here. */
type Registry = { stamp(): unknown; check(tags: Iterable<string>, stamp: unknown): "fresh" | "stale" | "expired" };
const clusterRegistry = (): Registry | undefined =>
  (globalThis as unknown as Record<symbol, { registry?: Registry } | undefined>)[Symbol.for("tripartite.clusterCache")]?.registry;

/** When a computation started, to tell later whether a write expired its tags since (`stillCurrent`). */
export type ComputationStart = { startedAt: number; stamp: unknown };
type Fill = ComputationStart & { promise: Promise<unknown> };
/** Fills under way in this process, by entry. */
const fills = new Map<string, Fill>();
/** When this process last invalidated each tag (`invalidate`), on performance.now()'s clock. */
const invalidatedAt = new Map<string, number>();
let testCache: DataCache | null = null;
const fillListeners = new Set<(key: string[]) => void>();

/**
 * For the tests, which run outside Next (where nothing is cached): the cache the public and signed-in
 * reads go through (null: none again), and a listener told each entry that is really computed (a fill
 * that joined another one under way is not).
 */
export const dataCacheForTests = {
  use(cache: DataCache | null) {
    testCache = cache;
  },
  watch(listener: (key: string[]) => void) {
    fillListeners.add(listener);
    return () => fillListeners.delete(listener);
  },
};

/** Marks the start of a computation that others may join while it runs (`stillCurrent`). */
export function computationStart(): ComputationStart {
  return { startedAt: performance.now(), stamp: clusterRegistry()?.stamp() };
}

/** True while no tag of the entry was invalidated since `fill` started: its result is as fresh as a new one. */
export function stillCurrent(fill: ComputationStart, tags: readonly string[]): boolean {
  if (tags.some((tag) => (invalidatedAt.get(tag) ?? -Infinity) >= fill.startedAt)) return false;
  const registry = clusterRegistry();
  return !registry || fill.stamp === undefined || registry.check(tags, fill.stamp) === "fresh";
}

/**
 * One computation per entry at a time in this process. Next's data cache does not share them: on a miss
 * `unstable_cache` calls the function for every request that misses, so after a write that expires a
 * national entry, every request under way at that moment computed it again at once (at 1,010 departments,
 * 32 readers of `/api/v1/contrats` took every pooled connection, and the writers got 503s). A miss joins
 * the computation under way for the same entry, unless one of its tags was invalidated since that
 * computation started (its result could predate the write): then it starts a new one, which the next
 * misses join.
 */
function sharedFill<T>(key: string[], tags: string[], compute: () => Promise<T>): Promise<T> {
  const name = JSON.stringify(key);
  const running = fills.get(name);
  if (running && stillCurrent(running, tags)) return running.promise as Promise<T>;
  const fill: Fill = { promise: Promise.resolve(), ...computationStart() };
  for (const listener of fillListeners) listener(key);
  fill.promise = compute().finally(() => {
    if (fills.get(name) === fill) fills.delete(name);
  });
  fills.set(name, fill);
  return fill.promise as Promise<T>;
}

/**
 * Results must be JSON-safe (Next stores them as JSON) and under 2 MB. Outside a Next server (tests,
 * scripts) the read simply runs. Never call one cached read inside another: Next then skips the inner
 * cache and recomputes it.
 */
async function cached<T>(family: string, baseTag: string, key: string[], tags: string[], read: () => Promise<T>, seconds = PUBLIC_REVALIDATE_SECONDS): Promise<T> {
  const entryKey = [family, ...key];
  const entryTags = [baseTag, ...tags];
  // Filled from the primary, even when asked inside readingFromReplica: a fill from a lagging replica
  // would keep old data cached after the write's revalidation.
  const fill = () => sharedFill(entryKey, entryTags, () => readingFromPrimary(read));
  if (testCache) return testCache(entryKey, entryTags, fill);
  if (!inNextServer()) return read();
  // Next keys an entry by the function's source text and `key`. That text is this line as each bundle
  // minified it: pages and route handlers are separate bundles with other local names (measured in the
  // production build: `()=>(0,f.$)(g)` in pages, `()=>(0,i.$)(o)` in routes), so the same read made by a
  // page and by a route (the national CSV export after the national view) never shared an entry. The
  // same text everywhere: the key alone names the entry.
  fill.toString = () => "tripartite-cached-read";
  const entry = unstable_cache(fill, entryKey, { tags: entryTags, revalidate: seconds });
  try {
    return await entry();
  } catch (error) {
    if (isMissingStore(error)) return read();
    throw error;
  }
}

/**
 * A public read in Next's data cache under `key`, tagged `tags` (and "public"); recomputed in the
 * background once `seconds` old (the previous value served meanwhile), or at once when a tag is revalidated.
 */
export function publicCached<T>(key: string[], tags: string[], read: () => Promise<T>, seconds?: number): Promise<T> {
  return cached("tripartite-public", PUBLIC_TAG, key, tags, read, seconds);
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
  const now = performance.now();
  for (const tag of tags) invalidatedAt.set(tag, now);
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
