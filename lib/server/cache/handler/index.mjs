// Next's incremental cache for several instances on one PostgreSQL (next.config.ts `cacheHandler`).
// Rendered pages (ISR), route answers and unstable_cache reads stay in this process's memory (an
// LRU bounded by `cacheMaxMemorySize`), but a revalidated tag is recorded in the database
// (tag-registry.mjs): an entry one of whose tags was revalidated after it was built is a miss on
// every instance, from the next request on.
//
// Loaded by Next with a plain `import()` at run time (not bundled), hence JavaScript, and only what
// Node resolves from node_modules. Next builds a new handler per request: the state is per process.
// Without DATABASE_URL (`next build`, or a single instance without database) it is a memory cache.
import { LRUCache } from "lru-cache";
import { TagRegistry } from "./tag-registry.mjs";

const TAGS_HEADER = "x-next-cache-tags";
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const MAX_PENDING_STAMPS = 10_000;
/** TRIPARTITE_LOG_CACHE=1 (`npm run bench` diagnostics): evictions, and why a data entry was a miss. */
const LOG = process.env.TRIPARTITE_LOG_CACHE === "1";
const describe = (entry) => `${entry?.value?.kind ?? "?"} [${(entry?.tags ?? []).filter((t) => !t.startsWith("_N_T_")).join(",")}]`;

/**
 * @typedef {import("./tag-registry.mjs").Stamp} Stamp
 * @typedef {{ value: any, lastModified: number, cacheControl?: unknown, tags: string[], stamp: Stamp }} Entry
 */

/** The tags an entry depends on: a page's or route's are in its headers; a data entry's are given. */
export function entryTags(value, tags = []) {
  if (value && (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE" || value.kind === "PAGES")) {
    const header = value.headers?.[TAGS_HEADER];
    return typeof header === "string" && header ? header.split(",") : [];
  }
  return [...new Set([...tags, ...(value?.tags ?? [])])];
}

/** Rough size in bytes, as Next's own memory cache counts it. */
export function entrySize(key, value) {
  let size = 25;
  if (value?.kind === "APP_PAGE") {
    size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.postponed?.length ?? 0);
    for (const [path, buffer] of value.segmentData ?? []) size += path.length + (buffer?.length ?? 0);
  } else if (value?.kind === "APP_ROUTE") size = value.body?.length ?? 0;
  else if (value?.kind === "FETCH") size = typeof value.data?.body === "string" ? value.data.body.length : JSON.stringify(value.data ?? "").length;
  else if (value) size = JSON.stringify(value).length;
  return key.length + Math.max(1, size);
}

/** The lifetime Next compares `lastModified` with, in seconds, or null when it never goes stale. */
function revalidateSeconds(entry, ctx) {
  const seconds = entry.value?.kind === "FETCH" ? ctx?.revalidate || entry.value.revalidate : entry.cacheControl?.revalidate;
  return typeof seconds === "number" && seconds > 0 ? seconds : null;
}

export class ClusterCache {
  /** @param {{ registry: TagRegistry, maxBytes?: number }} options */
  constructor({ registry, maxBytes = DEFAULT_MAX_BYTES }) {
    this.registry = registry;
    // The database went back in time (a restore): nothing held here can be trusted any more.
    registry.onReset = () => {
      this.entries.clear();
      this.pendingStamps.clear();
    };
    /** @type {LRUCache<string, Entry>} */
    this.entries = new LRUCache({
      maxSize: Math.max(maxBytes, 1024 * 1024),
      sizeCalculation: (entry, key) => entrySize(key, entry.value),
      dispose: (entry, key, reason) => {
        if (LOG && reason === "evict") console.error(`[cache] evicted ${describe(entry)} ${entrySize(key, entry.value)} B`);
      },
    });
    /** When a miss was seen, per key: the entry that follows is built from data at least that recent. */
    this.pendingStamps = new Map();
  }

  async get(key, ctx) {
    // Strict: whatever was revalidated anywhere before this request is known before answering.
    await this.registry.sync();
    const entry = this.entries.get(key);
    if (!entry) {
      if (LOG && ctx?.kind === "FETCH") console.error(`[cache] miss (absent) FETCH ${key.slice(0, 8)} [${(ctx.tags ?? []).join(",")}]`);
      return this.miss(key);
    }
    const tags = ctx?.kind === "FETCH" ? [...entry.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : entry.tags;
    const state = this.registry.check(tags, entry.stamp);
    if (state === "fresh") return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    const seconds = revalidateSeconds(entry, ctx);
    if (state === "expired" || seconds === null) {
      if (LOG) console.error(`[cache] miss (${state}: ${[...new Set(tags)].filter((t) => this.registry.check([t], entry.stamp) !== "fresh").join(",")}) ${describe(entry)}`);
      this.entries.delete(key);
      return this.miss(key);
    }
    // Stale (revalidateTag with a lifetime): old enough for Next to serve it and rebuild it in the background.
    this.remember(key);
    return { lastModified: Date.now() - seconds * 1000 - 1, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    const stamp = this.pendingStamps.get(key) ?? this.registry.stamp();
    this.pendingStamps.delete(key);
    if (LOG && value?.kind === "FETCH") console.error(`[cache] set FETCH ${key.slice(0, 8)} [${(ctx?.tags ?? []).join(",")}] ${entrySize(key, value)} B`);
    this.entries.set(key, {
      value,
      lastModified: Date.now(),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
      tags: entryTags(value, ctx?.tags),
      stamp,
    });
  }

  async revalidateTag(tags, durations) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    await this.registry.revalidate(list, durations?.expire ?? null);
  }

  miss(key) {
    this.remember(key);
    return null;
  }

  remember(key) {
    if (this.pendingStamps.has(key)) return;
    if (this.pendingStamps.size >= MAX_PENDING_STAMPS) this.pendingStamps.clear();
    this.pendingStamps.set(key, this.registry.stamp());
  }
}

// One cache per process, whatever the number of times Next imports this file or builds a handler.
const PROCESS_KEY = Symbol.for("tripartite.clusterCache");

function processCache(maxBytes) {
  const holder = /** @type {Record<symbol, ClusterCache | undefined>} */ (/** @type {unknown} */ (globalThis));
  if (!holder[PROCESS_KEY]) {
    const building = process.env.NEXT_PHASE === "phase-production-build";
    const connectionString = building ? null : process.env.DATABASE_URL || null;
    if (!building && !connectionString) console.warn("[cache] DATABASE_URL absent : cache en mémoire de cette instance seulement.");
    holder[PROCESS_KEY] = new ClusterCache({ registry: new TagRegistry({ connectionString, maxLagMs: Number(process.env.CACHE_TAGS_MAX_LAG_MS) || 0 }), maxBytes: maxBytes || DEFAULT_MAX_BYTES });
  }
  return holder[PROCESS_KEY];
}

/** What Next instantiates (per request): a thin face on the process's cache. */
export default class CacheHandler {
  constructor(options = {}) {
    this.cache = processCache(options.maxMemoryCacheSize);
  }

  get(key, ctx) {
    return this.cache.get(key, ctx);
  }

  set(key, value, ctx) {
    return this.cache.set(key, value, ctx);
  }

  revalidateTag(tags, durations) {
    return this.cache.revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
