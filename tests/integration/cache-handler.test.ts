// The cluster cache handler (lib/server/cache/handler/) on a real PostgreSQL: two caches stand for two
// instances of the app on one database, each with its own memory.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ClusterCache, type CacheValue } from "../../lib/server/cache/handler/index.mjs";
import { TagRegistry } from "../../lib/server/cache/handler/tag-registry.mjs";

const url = process.env.DATABASE_URL!;
const registries: TagRegistry[] = [];
const quiet = () => {};

function instance(connectionString: string | null = url) {
  const registry = new TagRegistry({ connectionString, queryTimeoutMs: 1000, retryAfterMs: 200, log: quiet });
  registries.push(registry);
  return new ClusterCache({ registry });
}

async function sql(text: string, connectionString = url) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const page = (html: string, tags: string[]): CacheValue => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });
const data = (body: string): CacheValue => ({ kind: "FETCH", data: { headers: {}, body, status: 200, url: "" }, revalidate: 3600, tags: [] });
const unique = (name: string) => `${name}:${Math.random().toString(36).slice(2, 8)}`;

afterAll(async () => {
  for (const registry of registries) await registry.close();
});

describe("two instances on one database", () => {
  it("a tag revalidated on one is a miss on the other at its next read, pages and data alike", async () => {
    const [a, b] = [instance(), instance()];
    const tag = unique("public:department");
    await b.get("/departements/77");
    await b.set("/departements/77", page("<p>avancement 75</p>", ["_N_T_/layout", tag]), { cacheControl: { revalidate: 3600 } });
    await b.get("unstable-cache-key");
    await b.set("unstable-cache-key", data('{"progress":75}'), { fetchCache: true, tags: [tag] });
    await b.set("other-department", page("<p>63</p>", [unique("public:department")]), {});
    expect((await b.get("/departements/77"))?.value).toMatchObject({ html: "<p>avancement 75</p>" });

    await a.revalidateTag([tag]);

    expect(await b.get("/departements/77")).toBeNull();
    expect(await b.get("unstable-cache-key", { kind: "FETCH", tags: [tag] })).toBeNull();
    expect(await b.get("other-department")).not.toBeNull();
    const [row] = await sql(`SELECT version FROM "CacheTagRevalidation" WHERE tag = '${tag}'`);
    expect(Number(row.version)).toBeGreaterThan(0);
  });

  it("an entry rebuilt after the revalidation is served again, on both", async () => {
    const [a, b] = [instance(), instance()];
    const tag = unique("public:national");
    await a.revalidateTag(tag);
    expect(await b.get("/")).toBeNull();
    await b.set("/", page("<p>après</p>", [tag]), {});
    expect((await b.get("/"))?.value).toMatchObject({ html: "<p>après</p>" });
    await a.get("/");
    await a.set("/", page("<p>après</p>", [tag]), {});
    expect((await a.get("/"))?.value).toMatchObject({ html: "<p>après</p>" });
  });

  it("a data entry is also dropped when the page reading it is revalidated (its implicit tags)", async () => {
    const [a, b] = [instance(), instance()];
    const pathTag = unique("_N_T_/departements/63");
    await b.get("k");
    await b.set("k", data("{}"), { fetchCache: true, tags: ["public"] });
    expect(await b.get("k", { kind: "FETCH", tags: ["public"], softTags: [pathTag] })).not.toBeNull();
    await a.revalidateTag(pathTag);
    expect(await b.get("k", { kind: "FETCH", tags: ["public"], softTags: [pathTag] })).toBeNull();
  });

  it("a revalidation with a lifetime keeps the entry, marked old enough to be rebuilt in the background", async () => {
    const [a, b] = [instance(), instance()];
    const tag = unique("scope");
    await b.get("p");
    await b.set("p", page("<p>v1</p>", [tag]), { cacheControl: { revalidate: 3600 } });
    await a.revalidateTag(tag, { expire: 300 });
    const stale = await b.get("p");
    expect(stale?.value).toMatchObject({ html: "<p>v1</p>" });
    expect(Date.now() - stale!.lastModified).toBeGreaterThan(3600 * 1000);
  });

  it("a new instance knows the revalidations made before it started", async () => {
    const a = instance();
    const tag = unique("public:department");
    await a.revalidateTag(tag);
    const late = instance();
    await late.get("x");
    expect(late.registry.tags.get(tag)?.version).toBeGreaterThan(0);
  });
});

describe("when the database is restored to an earlier point", () => {
  it("drops everything the instance held, since versions started again below what it had seen", async () => {
    const [a, b] = [instance(), instance()];
    const tag = unique("public:department");
    await a.revalidateTag(unique("public:national"));
    await b.get("page");
    await b.set("page", page("<p>données d'après la sauvegarde</p>", [tag]), {});
    expect(await b.get("page")).not.toBeNull();

    // As after a restore of a backup taken before those revalidations.
    await sql(`DELETE FROM "CacheTagRevalidation"; ALTER SEQUENCE "CacheTagRevalidation_version_seq" RESTART WITH 1`);
    expect(await b.get("page")).toBeNull();
    await b.set("page", page("<p>reconstruite</p>", [tag]), {});
    await a.revalidateTag(tag);
    expect(await b.get("page")).toBeNull();
  });
});

describe("when the database does not answer", () => {
  it("keeps serving what it holds, never throws, and records its revalidations when the database is back", async () => {
    const database = new URL(url).pathname.slice(1);
    const { adminUrl } = inject("testDatabases");
    const b = instance();
    const tag = unique("public:department");
    await b.get("page");
    await b.set("page", page("<p>en cache</p>", [tag]), {});
    const other = unique("public:department");

    await sql(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`, adminUrl);
    try {
      await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND application_name = 'tripartite-cache-tags'`, adminUrl);
      expect((await b.get("page"))?.value).toMatchObject({ html: "<p>en cache</p>" });
      await expect(b.revalidateTag(other)).resolves.toBeUndefined();
      expect(b.registry.pending.has(other)).toBe(true);
    } finally {
      await sql(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`, adminUrl);
    }

    await new Promise((r) => setTimeout(r, 250)); // past the pause after a failure
    await b.get("page");
    expect(b.registry.pending.size).toBe(0);
    const [row] = await sql(`SELECT count(*)::int AS n FROM "CacheTagRevalidation" WHERE tag = '${other}'`);
    expect(row.n).toBe(1);
  });

  it("with no database configured, is the memory cache of one instance", async () => {
    const solo = instance(null);
    const tag = unique("public");
    await solo.get("p");
    await solo.set("p", page("<p>seul</p>", [tag]), {});
    expect(await solo.get("p")).not.toBeNull();
    await solo.revalidateTag(tag);
    expect(await solo.get("p")).toBeNull();
  });
});
