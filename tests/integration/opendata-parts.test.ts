// The national collections of the open data API (and of `/`) are put together from cached parts of a
// few departments each; here the reads go through the cluster cache handler (lib/server/cache/handler),
// as Next's data cache stores them in the app, on the real database, and a real mutation's
// revalidations go through the tag registry as Next sends them. After a write in 77, the national
// collection read by many requests at once recomputes the list of departments and 77's part of the
// contracts, each once; 77's own answers show the write's date at once, the national date follows it
// within NATIONAL_FRESHNESS_SECONDS (lib/opendata/cached.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFundingLine } from "../../lib/funding/mutations";
import { getPublicActions, getPublicContracts, getPublicFreshness, getPublicFunding, getPublicIndicators } from "../../lib/opendata/cached";
import { respondCollection } from "../../lib/opendata/http";
import { readActions, readContracts, readFreshness, readFunding, readIndicators } from "../../lib/opendata/queries";
import { dataCacheForTests, invalidate, type DataCache } from "../../lib/server/cache/cache";
import type { ClusterCache } from "../../lib/server/cache/handler/index.mjs";
import { db } from "../../lib/server/db";
import { cacheInstance, storedThrough, writeThrough } from "../support/cluster-cache";
import { signedInViewer } from "../factories/users";

const through = (cache: ClusterCache): DataCache => storedThrough(cache);


/** What an entry's key says it holds: "departments", "contracts part 75,77,…", "freshness part …". */
const label = (key: string[]) => key.slice(1).join(" ");

let computed: string[] = [];
let stopWatching: () => void = () => {};
let writer: ClusterCache;
beforeEach(() => {
  writer = cacheInstance();
  dataCacheForTests.use(through(cacheInstance()));
  computed = [];
  stopWatching = dataCacheForTests.watch((key) => computed.push(label(key)));
});
afterEach(() => {
  stopWatching();
  dataCacheForTests.use(null);
});

const write = <T extends { ok: boolean }>(run: () => Promise<T>) => writeThrough(writer, run);

const running77 = () => db().contract.findFirstOrThrow({ where: { departmentCode: "77", periodEnd: { gte: new Date("2027-01-01") } }, include: { actions: { orderBy: { reference: "asc" } } } });
const contractsApi = (department?: string) => respondCollection(new Request(`http://localhost/api/v1/contrats?par_page=1000${department ? `&departement=${department}` : ""}`), "contrats");

describe("national open data collections assembled from per-department parts", () => {
  it("after a write in 77, twelve concurrent reads of /api/v1/contrats compute 77's part once; 77's answers show the write's date at once", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await running77();
    const before = await (await contractsApi()).json();
    expect(computed).toEqual(expect.arrayContaining(["departments", "freshness *"]));
    await (await contractsApi("77")).json();

    computed = [];
    expect(await (await contractsApi()).json()).toEqual(before);
    expect(computed).toEqual([]);

    const created = await write(() => createFundingLine(editor, contract.id, { actionId: contract.actions[0].id, funder: "STATE_P304", year: "2025", stage: "NOTIFIED", amount: "1 000" }));
    if (!created.ok) throw new Error(created.message);
    const line = await db().fundingLine.findUniqueOrThrow({ where: { id: created.value.id }, select: { updatedAt: true } });

    computed = [];
    const answers = await Promise.all(Array.from({ length: 12 }, () => contractsApi().then((r) => r.json())));
    // Each entry the write expired, once for the twelve: the list of departments (national) and the
    // part of the contracts that holds 77. The national date is not one of them: it follows by time.
    expect(computed).toHaveLength(2);
    expect(computed).toEqual(expect.arrayContaining(["departments", expect.stringMatching(/^contracts part .*\b77\b/)]));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0].meta.dataUpdatedAt).toBe(before.meta.dataUpdatedAt);

    // 77's own answer, and its own date, at once.
    computed = [];
    const own = await (await contractsApi("77")).json();
    expect(own.meta.dataUpdatedAt).toBe(line.updatedAt.toISOString());
    expect(computed).toEqual(expect.arrayContaining(["contracts 77", "freshness 77"]));
    expect(await getPublicFreshness("77")).toBe(line.updatedAt.toISOString());
    // Computed afresh, the national date is the write's.
    dataCacheForTests.use(null);
    expect(await getPublicFreshness()).toBe(line.updatedAt.toISOString());
    expect(await readFreshness()).toBe(line.updatedAt.toISOString());
  });

  it("a national collection put together from parts read a few departments at a time is the collection read at once", async () => {
    expect(await getPublicContracts()).toEqual(await readContracts());
    expect(await getPublicActions()).toEqual(await readActions());
    expect(await getPublicFunding()).toEqual(await readFunding());
    expect(await getPublicIndicators()).toEqual(await readIndicators());
  });

  it("a read joins the computation of the same entry under way, unless a write invalidated the entry since it started", async () => {
    // Nothing is ever stored: each read is a miss and computes, or joins a computation under way.
    dataCacheForTests.use((_key, _tags, fill) => fill());
    const [a, b] = await Promise.all([getPublicFreshness("63"), getPublicFreshness("63")]);
    expect(b).toBe(a);
    expect(computed).toEqual(["freshness 63"]);

    computed = [];
    const first = getPublicFreshness("63");
    // A write in 63 lands while the first read computes: its result may predate the write.
    invalidate({ kind: "department", departmentCode: "63", regionCode: "84" });
    const second = getPublicFreshness("63");
    // A write elsewhere does not: a third read joins the second.
    invalidate({ kind: "department", departmentCode: "77", regionCode: "11" });
    const third = getPublicFreshness("63");
    await Promise.all([first, second, third]);
    expect(computed).toEqual(["freshness 63", "freshness 63"]);
  });
});
