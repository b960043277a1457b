// A cache instance as each Next server process builds it (lib/server/cache/handler), on the test
// database: tests that check what a write invalidates read through one or more of these. Their tag
// registries are closed after the file's tests.
import { afterAll } from "vitest";
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
