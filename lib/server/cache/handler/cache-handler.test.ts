import { describe, expect, it } from "vitest";
import { entrySize, entryTags } from "./index.mjs";
import { TagRegistry } from "./tag-registry.mjs";

describe("entryTags", () => {
  it("reads a page's tags from its cache header, and a data entry's from its context and value", () => {
    expect(entryTags({ kind: "APP_PAGE", headers: { "x-next-cache-tags": "_N_T_/layout,public:department:77" } })).toEqual(["_N_T_/layout", "public:department:77"]);
    expect(entryTags({ kind: "APP_ROUTE", headers: {} })).toEqual([]);
    expect(entryTags({ kind: "FETCH", tags: ["public", "public:national"] }, ["public"])).toEqual(["public", "public:national"]);
    expect(entryTags(null)).toEqual([]);
  });

  it("counts an entry's size from its payload", () => {
    expect(entrySize("k", { kind: "APP_PAGE", html: "x".repeat(1000), rscData: Buffer.alloc(500) })).toBe(1501);
    expect(entrySize("k", { kind: "FETCH", data: { body: "y".repeat(10) } })).toBe(11);
  });
});

/** A registry whose database rounds the test resolves by hand. */
class ManualRegistry extends TagRegistry {
  rounds: Array<(ok: boolean) => void> = [];
  constructor() {
    super({ connectionString: "postgresql://unused", log: () => {} });
  }
  override round(): Promise<boolean> {
    return new Promise((resolve) => this.rounds.push(resolve));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("TagRegistry.sync", () => {
  it("shares one round among the callers that arrive while a round is under way, and never reuses a round that started before a caller", async () => {
    const registry = new ManualRegistry();
    const first = registry.sync();
    expect(registry.rounds).toHaveLength(1);
    // Arrive during round 1: they must wait for a round that starts after them, one for all.
    const second = registry.sync();
    const third = registry.sync();
    expect(registry.rounds).toHaveLength(1);
    registry.rounds[0](true);
    expect(await first).toBe(true);
    await tick();
    expect(registry.rounds).toHaveLength(2);
    registry.rounds[1](true);
    expect(await second).toBe(true);
    expect(await third).toBe(true);
    await tick();
    // Nothing under way: the next caller starts a round at once.
    registry.sync();
    expect(registry.rounds).toHaveLength(3);
  });
});

describe("TagRegistry.check", () => {
  it("is fresh until one of the entry's tags gets a newer version or a newer local revalidation", async () => {
    const registry = new TagRegistry({ connectionString: null });
    const before = registry.stamp();
    expect(registry.check(["a", "b"], before)).toBe("fresh");
    await registry.revalidate(["b"], null);
    expect(registry.check(["a", "b"], before)).toBe("expired");
    expect(registry.check(["a"], before)).toBe("fresh");
    expect(registry.check(["a", "b"], registry.stamp())).toBe("fresh");
  });

  it("with a lifetime, is stale until the lifetime has passed", async () => {
    const registry = new TagRegistry({ connectionString: null });
    const before = registry.stamp();
    await registry.revalidate(["a"], 60);
    expect(registry.check(["a"], before)).toBe("stale");
    registry.tags.get("a")!.revalidatedAt -= 61_000;
    expect(registry.check(["a"], before)).toBe("expired");
  });
});
