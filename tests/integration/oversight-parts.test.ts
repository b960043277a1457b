// The national and regional views are assembled from per-department parts, each cached under its
// department's tag. Here the parts go through the cluster cache handler (lib/server/cache/handler), as
// Next's data cache stores them in the app, on the real database; a real mutation names what it changed
// and its revalidations go through the tag registry in PostgreSQL as Next sends them. After a write in
// 77, the next national read recomputes 77's part only: every other department's, 63's included, is
// served from the cache, and the national totals still move by the amount written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFundingLine, updateFundingLine } from "../../lib/funding/mutations";
import { getOversightSummary, getOversightView, oversightCacheForTests, type ViewCache } from "../../lib/oversight/queries";
import { NO_FILTERS } from "../../lib/oversight/schemas";
import { invalidate } from "../../lib/server/cache/cache";
import type { ClusterCache } from "../../lib/server/cache/handler/index.mjs";
import { db } from "../../lib/server/db";
import { cacheInstance, storedThrough, writeThrough } from "../support/cluster-cache";
import { signedInViewer } from "../factories/users";

const instance = cacheInstance;

const through = (cache: ClusterCache): ViewCache => storedThrough(cache);


let computed: string[] = [];
let stopWatching: () => void = () => {};
let writer: ClusterCache;
beforeEach(() => {
  writer = instance();
  oversightCacheForTests.use(through(instance()));
  computed = [];
  stopWatching = oversightCacheForTests.watch((codes) => computed.push(...codes));
});
afterEach(() => {
  stopWatching();
  oversightCacheForTests.use(null);
});

const write = <T extends { ok: boolean }>(run: () => Promise<T>) => writeThrough(writer, run);

const running77 = () => db().contract.findFirstOrThrow({ where: { departmentCode: "77", periodEnd: { gte: new Date("2027-01-01") } }, include: { actions: { orderBy: { reference: "asc" } } } });

/**
 * The frame kept in memory, the parts never cached (every read of a part computes it, or joins a computation
 * under way); `batches` lists the departments of each computation, `firstBatch` settles when one starts.
 */
function partsNeverCached() {
  const frames = new Map<string, unknown>();
  oversightCacheForTests.use(async (key, _tags, read) => {
    if (key[0] !== "oversight-frame") return read();
    const name = JSON.stringify(key);
    if (!frames.has(name)) frames.set(name, await read());
    return frames.get(name) as Awaited<ReturnType<typeof read>>;
  });
  const batches: string[][] = [];
  let started!: () => void;
  const firstBatch = new Promise<void>((resolve) => (started = resolve));
  const stop = oversightCacheForTests.watch((codes) => {
    batches.push(codes);
    started();
  });
  return { batches, firstBatch, stop };
}

describe("views assembled from per-department parts", () => {
  it("after a write in 77, the next national read recomputes 77's part only, and its totals move by the amount written", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await running77();
    const created = await write(() => createFundingLine(editor, contract.id, { actionId: contract.actions[0].id, funder: "STATE_P304", year: "2025", stage: "NOTIFIED", amount: "1 000" }));
    if (!created.ok) throw new Error(created.message);

    const first = (await getOversightSummary(national, { kind: "national" }, NO_FILTERS))!;
    expect(new Set(computed)).toEqual(new Set(first.departments.map((d) => d.code)));
    expect(computed).toContain("63");

    computed = [];
    const again = (await getOversightSummary(national, { kind: "national" }, NO_FILTERS))!;
    expect(computed).toEqual([]);
    expect(again).toEqual(first);

    const updated = await write(() =>
      updateFundingLine(editor, created.value.id, { actionId: created.value.actionId ?? "", funder: "STATE_P304", year: "2025", stage: "NOTIFIED", amount: "1 250", version: String(created.value.version) }),
    );
    expect(updated).toMatchObject({ ok: true });

    computed = [];
    const after = (await getOversightSummary(national, { kind: "national" }, NO_FILTERS))!;
    expect(computed).toEqual(["77"]);
    expect(after.totals.funding.NOTIFIED - first.totals.funding.NOTIFIED).toBe(250_00);
    const row = (view: typeof first, code: string) => view.departments.find((d) => d.code === code)!;
    expect(row(after, "77").funding.NOTIFIED - row(first, "77").funding.NOTIFIED).toBe(250_00);
    expect(after.contracts.find((c) => c.contractId === contract.id)!.funding.NOTIFIED - first.contracts.find((c) => c.contractId === contract.id)!.funding.NOTIFIED).toBe(250_00);
    expect(row(after, "63")).toEqual(row(first, "63"));

    // The same as computing the whole view afresh, without any cache.
    oversightCacheForTests.use(null);
    const { alerts, ...fresh } = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    expect(after).toMatchObject(fresh);
    expect(after.alerts.total).toBe(alerts.length);
  });

  it("a regional view reads the same parts: after a write in 77, region 84's view (63, 03…) recomputes nothing", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await running77();
    await getOversightSummary(national, { kind: "national" }, NO_FILTERS);
    const before = (await getOversightSummary(national, { kind: "region", regionCode: "84" }, NO_FILTERS))!;
    expect(before.departments.map((d) => d.code)).toEqual(expect.arrayContaining(["03", "63"]));

    const created = await write(() => createFundingLine(editor, contract.id, { actionId: contract.actions[0].id, funder: "DEPARTMENT", year: "2025", stage: "PLANNED", amount: "500" }));
    expect(created).toMatchObject({ ok: true });

    computed = [];
    const region = (await getOversightSummary(national, { kind: "region", regionCode: "84" }, NO_FILTERS))!;
    expect(computed).toEqual([]);
    expect(region.departments).toEqual(before.departments);
    const idf = (await getOversightSummary(national, { kind: "region", regionCode: "11" }, NO_FILTERS))!;
    expect(computed).toEqual(["77"]);
    expect(idf.departments.map((d) => d.code)).toContain("77");
  });

  it("the national view caches the alerts of every part it computed, shown or not: no regional view computes a part again", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const cache = through(instance());
    const stored = new Set<string>();
    oversightCacheForTests.use((key, tags, read) => cache(key, tags, () => read().finally(() => stored.add(`${key[0]} ${key[1]}`))));
    const view = (await getOversightSummary(national, { kind: "national" }, NO_FILTERS))!;
    expect(new Set(computed)).toEqual(new Set(view.departments.map((d) => d.code)));
    // At national scale the page lists the first 50 alerts only, from the first departments listed: the
    // alerts of every other part are stored all the same, or a regional view would compute its parts again.
    for (const { code } of view.departments) expect(stored).toContain(`oversight-part-alerts ${code}`);

    computed = [];
    for (const region of view.options.regions) {
      const regional = (await getOversightSummary(national, { kind: "region", regionCode: region.code }, NO_FILTERS))!;
      expect(regional.departments.length).toBeGreaterThan(0);
    }
    expect(computed).toEqual([]);
  });

  it("computes the parts a read misses together, and shares the parts under way with a second identical read", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const { batches, firstBatch, stop } = partsNeverCached();
    try {
      const a = getOversightSummary(national, { kind: "national" }, NO_FILTERS);
      await firstBatch;
      // A second read of the same view while the first one's parts are being computed.
      const b = getOversightSummary(national, { kind: "national" }, NO_FILTERS);
      const [viewA, viewB] = await Promise.all([a, b]);
      expect(viewB).toEqual(viewA);
      // One computation of every department's part, for both reads.
      expect(batches).toEqual([expect.arrayContaining(["63", "77"])]);
      expect(batches[0]).toHaveLength(viewA!.departments.length);
    } finally {
      stop();
    }
  });

  it("a read made after a write in 77 does not join 77's part computed before it (the other parts are shared)", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const { batches, firstBatch, stop } = partsNeverCached();
    try {
      const a = getOversightSummary(national, { kind: "national" }, NO_FILTERS);
      await firstBatch;
      // A write in 77 lands while the first read computes its parts: 77's may predate it.
      invalidate({ kind: "department", departmentCode: "77", regionCode: "11" });
      const b = getOversightSummary(national, { kind: "national" }, NO_FILTERS);
      await Promise.all([a, b]);
      expect(batches).toHaveLength(2);
      expect(batches[1]).toEqual(["77"]);
    } finally {
      stop();
    }
  });
});
