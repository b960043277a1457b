// A cache instance as each Next server process builds it (lib/server/cache/handler), on the test
// database: tests that check what a write invalidates read through one or more of these. Their tag
// registries are closed after the file's tests.
import { afterAll } from "vitest";
import { watchInvalidations } from "../../lib/server/cache/cache";
import { ClusterCache } from "../../lib/server/cache/handler/index.mjs";
import { TagRegistry } from "../../lib/server/cache/handler/tag-registry.mjs";

const registries: TagRegistry[] = [];
afterAll(async () => {
  for (const registry of registries.splice(0)) await registry.close();
});

/** A new cache instance (another server process) sharing the test database's tag registry. */
export function cacheInstance(): ClusterCache {
  const registry = new TagRegistry({ connectionString: process.env.DATABASE_URL!, queryTimeoutMs: 2000, log: () => {} });
  registries.push(registry);
  return new ClusterCache({ registry });
}

/** A cached read stored as Next stores an `unstable_cache` entry (kind FETCH, JSON body, its tags). */
export const storedThrough =
  (cache: ClusterCache) =>
  async <T>(key: string[], tags: string[], fill: () => Promise<T>): Promise<T> => {
    const name = JSON.stringify(key);
    const hit = await cache.get(name, { kind: "FETCH", tags });
    if (hit) return JSON.parse((hit.value as unknown as { data: { body: string } }).data.body);
    const value = await fill();
    await cache.set(name, { kind: "FETCH", data: { headers: {}, body: JSON.stringify(value), status: 200, url: "" }, revalidate: 3600 }, { fetchCache: true, tags });
    return value;
  };

/** Runs a write and sends its revalidations through `writer` (another instance), as Next does at the end of the request. */
export async function writeThrough<T extends { ok: boolean }>(writer: ClusterCache, run: () => Promise<T>): Promise<T> {
  const tags: string[] = [];
  const stop = watchInvalidations((_, revalidated) => tags.push(...revalidated));
  try {
    return await run();
  } finally {
    stop();
    await writer.revalidateTag(tags, { expire: 0 });
  }
}
