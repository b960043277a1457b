// The skeleton's bulk write (runBulkWrite, lib/server/write.ts), which the spreadsheet import runs on:
// every permission checked on the one territory (the first refused leaves its audit row, nothing is
// written), one transaction all or nothing, the scope invalidated after the commit only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeAudit } from "../../lib/server/audit";
import type { Permission, Viewer } from "../../lib/server/authz";
import { watchInvalidations } from "../../lib/server/cache/cache";
import { departmentScope, type WriteScope } from "../../lib/server/cache/cache-tags";
import { db } from "../../lib/server/db";
import { departmentTerritory } from "../../lib/server/territory";
import { runBulkWrite } from "../../lib/server/write";
import { signedInViewer } from "../factories/users";

type Failure = { ok: false; code: "conflict"; message: string };
const CONFLICT: Failure = { ok: false, code: "conflict", message: "Des données ont changé : rien n'a été écrit." };

let scopes: WriteScope[] = [];
let stop: () => void = () => {};
beforeEach(() => {
  scopes = [];
  stop = watchInvalidations((scope) => scopes.push(scope));
});
afterEach(() => stop());

/** A bulk write of `records` audit rows named `entityId` in 77; `then` decides how the transaction ends once they are written. */
function bulk(viewer: Viewer, entityId: string, options: { permissions?: Permission[]; records?: number; then?: "commit" | "fail" | "throw"; done?: boolean } = {}) {
  let writes = 0;
  const result = runBulkWrite<{ territory: NonNullable<Awaited<ReturnType<typeof departmentTerritory>>> }, number, number, Failure>({
    viewer,
    permissions: options.permissions ?? ["action.edit", "funding.edit", "indicator.edit"],
    entity: "Department",
    entityId: "77",
    what: "Ce département",
    locate: async () => {
      const territory = await departmentTerritory(db(), "77");
      return territory ? { territory } : null;
    },
    prepare: async () => (options.done ? { ok: true, done: 0 } : { ok: true, value: options.records ?? 3 }),
    write: async (tx, { territory }, records) => {
      writes += 1;
      for (let i = 0; i < records; i++) await writeAudit(tx, { viewer, permission: "action.edit", territory, entity: "Action", entityId, operation: "create" });
      if (options.then === "throw") throw new Error("the database went away");
      return options.then === "fail" ? CONFLICT : { ok: true, value: records };
    },
    scope: (territory) => departmentScope(territory),
    transaction: { timeout: 60_000, maxWait: 10_000 },
  });
  return { result, writes: () => writes };
}

const written = (entityId: string) => db().auditLog.count({ where: { entityId } });
const denials = (viewer: Extract<Viewer, { kind: "user" }>) =>
  db().auditLog.findMany({ where: { actorId: viewer.user.id, operation: "denied" }, select: { entity: true, entityId: true, scopeDepartmentCode: true, after: true } });

describe("runBulkWrite", () => {
  it("writes every record in one transaction and invalidates the territory once, after the commit", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const run = bulk(viewer, "bulk-commit", { records: 4 });
    expect(await run.result).toEqual({ ok: true, value: 4 });
    expect(await written("bulk-commit")).toBe(4);
    expect(run.writes()).toBe(1);
    expect(scopes).toEqual([{ kind: "department", departmentCode: "77", regionCode: "11" }]);
  });

  it("refuses a viewer missing one of the permissions, with that permission's denied audit row, and writes nothing", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const run = bulk(viewer, "bulk-refused", { permissions: ["action.edit", "comment.create", "admin.users"] });
    expect(await run.result).toEqual({ ok: false, code: "forbidden", message: "Vous n'avez pas les droits nécessaires pour cette opération." });
    expect(run.writes()).toBe(0);
    expect(await written("bulk-refused")).toBe(0);
    expect(await denials(viewer)).toEqual([{ entity: "Department", entityId: "77", scopeDepartmentCode: "77", after: { permission: "comment.create" } }]);
    expect(scopes).toEqual([]);
  });

  it("tells a viewer of another department that the territory is not there, with the denied audit row", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const run = bulk(viewer, "bulk-elsewhere");
    expect(await run.result).toEqual({ ok: false, code: "not_found", message: "Ce département n'existe pas ou n'est pas accessible." });
    expect(await written("bulk-elsewhere")).toBe(0);
    expect(await denials(viewer)).toEqual([{ entity: "Department", entityId: "77", scopeDepartmentCode: "77", after: { permission: "action.edit" } }]);
  });

  it("rolls back what was written before a failure the write returns, answers that failure and invalidates nothing", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    expect(await bulk(viewer, "bulk-conflict", { then: "fail" }).result).toEqual(CONFLICT);
    expect(await written("bulk-conflict")).toBe(0);
    expect(scopes).toEqual([]);
  });

  it("rolls back everything when the write throws, rethrows and invalidates nothing", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    await expect(bulk(viewer, "bulk-throw", { then: "throw" }).result).rejects.toThrow("the database went away");
    expect(await written("bulk-throw")).toBe(0);
    expect(scopes).toEqual([]);
  });

  it("answers without a transaction what needs no write (a preview), after the same authorization", async () => {
    const viewer = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const run = bulk(viewer, "bulk-preview", { done: true });
    expect(await run.result).toEqual({ ok: true, value: 0 });
    expect(run.writes()).toBe(0);
    expect(scopes).toEqual([]);
    const reader = await signedInViewer("DEPARTMENT_READER", { departmentCode: "77" });
    expect(await bulk(reader, "bulk-preview", { done: true }).result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await denials(reader)).toHaveLength(1);
  });
});
