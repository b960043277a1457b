// What a write invalidates, end to end but for the rendering: real mutations on the real database say
// which tags they revalidate (watchInvalidations), those revalidations go through the cluster cache
// handler as Next sends them at the end of a request (instance A), and another instance (B) holds the
// cached copies the readers build, each with the tags its reads carry. A copy that B still serves after
// the write is untouched; a copy B answers as a miss is rendered again at its next request.
import { beforeEach, describe, expect, it } from "vitest";
import { assignRole, removeRole } from "../../lib/admin/users/mutations";
import { addContractComment } from "../../lib/comments/mutations";
import { createFundingLine, updateFundingLine } from "../../lib/funding/mutations";
import { watchInvalidations } from "../../lib/server/cache/cache";
import type { CacheValue, ClusterCache } from "../../lib/server/cache/handler/index.mjs";
import {
  NATIONAL_TAG,
  PEER_MEDIANS_TAG,
  PUBLIC_TAG,
  SCOPE_NATIONAL_TAG,
  SCOPE_TAG,
  departmentTag,
  scopeDepartmentTag,
  scopeRegionTag,
  type WriteScope,
} from "../../lib/server/cache/cache-tags";
import { db } from "../../lib/server/db";
import { cacheInstance } from "../support/cluster-cache";
import { createUser, signedInViewer } from "../factories/users";

const instance = cacheInstance;

const page = (name: string, tags: string[]): CacheValue => ({ kind: "APP_PAGE", html: `<p>${name}</p>`, rscData: Buffer.from(name), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

// The copies, with the tags their cached reads give them (lib/opendata/cached.ts, lib/oversight,
// lib/workspace): a department's public page and widget read its bundle; its API answer, its own part;
// its workspace copy, its dashboard and alerts and the national medians beside them; the national page,
// the parts of every department; a region's view, its region and the national figures.
const publicPage = (code: string) => [PUBLIC_TAG, departmentTag(code)];
const COPIES: Record<string, string[]> = {
  "/departements/63": publicPage("63"),
  "/widget/departements/63": publicPage("63"),
  "/api/v1/departements/63": publicPage("63"),
  "/vues-en-cache/department:63": [SCOPE_TAG, scopeDepartmentTag("63"), PEER_MEDIANS_TAG],
  "/departements/77": publicPage("77"),
  "/widget/departements/77": publicPage("77"),
  "/api/v1/departements/77": publicPage("77"),
  "/vues-en-cache/department:77": [SCOPE_TAG, scopeDepartmentTag("77"), PEER_MEDIANS_TAG],
  "/": [PUBLIC_TAG, NATIONAL_TAG, departmentTag("63"), departmentTag("77"), departmentTag("93")],
  "/api/v1/financements": [PUBLIC_TAG, departmentTag("63"), departmentTag("77"), departmentTag("93")],
  "/vues-en-cache/national": [SCOPE_TAG, SCOPE_NATIONAL_TAG],
  "/vues-en-cache/region:11": [SCOPE_TAG, scopeRegionTag("11"), SCOPE_NATIONAL_TAG],
};

let writer: ClusterCache;
let reader: ClusterCache;

beforeEach(async () => {
  [writer, reader] = [instance(), instance()];
  for (const [key, tags] of Object.entries(COPIES)) {
    await reader.get(key);
    await reader.set(key, page(key, tags), { cacheControl: { revalidate: 3600 } });
  }
});

/** Runs a write, sends its revalidations through instance A as Next does, and says which of B's copies are still served. */
async function afterWrite(write: () => Promise<{ ok: boolean }>) {
  const scopes: WriteScope[] = [];
  const tags: string[] = [];
  const stop = watchInvalidations((scope, revalidated) => {
    scopes.push(scope);
    tags.push(...revalidated);
  });
  try {
    expect(await write()).toMatchObject({ ok: true });
  } finally {
    stop();
  }
  await writer.revalidateTag(tags, { expire: 0 });
  const served: string[] = [];
  const refreshed: string[] = [];
  for (const key of Object.keys(COPIES)) ((await reader.get(key)) ? served : refreshed).push(key);
  return { scopes, served, refreshed };
}

const contract77 = () => db().contract.findFirstOrThrow({ where: { departmentCode: "77" }, include: { actions: { orderBy: { reference: "asc" } } } });

describe("a write invalidates what it changed, and only that", () => {
  it("a funding line saved in 77 leaves 63's page, widget, API answer and workspace copy served, and refreshes 77's, region 11's and the national ones", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await contract77();
    const created = await createFundingLine(editor, contract.id, { actionId: contract.actions[0].id, funder: "STATE_P304", year: "2021", stage: "PLANNED", amount: "1 000" });
    if (!created.ok) throw new Error(created.message);

    const { scopes, served, refreshed } = await afterWrite(() =>
      updateFundingLine(editor, created.value.id, { actionId: created.value.actionId ?? "", funder: "STATE_P304", year: "2021", stage: "PLANNED", amount: "1 250", version: String(created.value.version) }),
    );

    expect(scopes).toEqual([{ kind: "department", departmentCode: "77", regionCode: "11" }]);
    expect(served.sort()).toEqual(["/departements/63", "/vues-en-cache/department:63", "/widget/departements/63", "/api/v1/departements/63"].sort());
    expect(refreshed).toEqual(
      expect.arrayContaining(["/departements/77", "/widget/departements/77", "/api/v1/departements/77", "/vues-en-cache/department:77", "/", "/api/v1/financements", "/vues-en-cache/national", "/vues-en-cache/region:11"]),
    );
  });

  it("a comment on 77's contract refreshes only 77's workspace copy: no public page, no national view", async () => {
    const official = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const contract = await contract77();
    const { scopes, refreshed } = await afterWrite(() => addContractComment(official, contract.id, { body: "Point d'étape du comité de suivi." }));
    expect(scopes).toEqual([{ kind: "department-workspace", departmentCode: "77", regionCode: "11" }]);
    expect(refreshed).toEqual(["/vues-en-cache/department:77"]);
  });

  it("an account's role given, then taken away, refreshes no public page and no view", async () => {
    const admin = await signedInViewer("ADMIN");
    const person = await createUser("DEPARTMENT_READER", { departmentCode: "63" });
    let assignmentId = "";
    const given = await afterWrite(async () => {
      const result = await assignRole(admin, person.id, { role: "DEPARTMENT_EDITOR", departmentCode: "63" });
      if (result.ok) assignmentId = result.value.id;
      return result;
    });
    expect(given.scopes).toEqual([{ kind: "accounts", userIds: [person.id] }]);
    expect(given.refreshed).toEqual([]);

    const taken = await afterWrite(() => removeRole(admin, assignmentId));
    expect(taken.scopes).toEqual([{ kind: "accounts", userIds: [person.id] }]);
    expect(taken.refreshed).toEqual([]);
  });
});
