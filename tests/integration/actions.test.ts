import { describe, expect, it } from "vitest";
import { archiveAction, createAction, updateAction } from "../../lib/actions/mutations";
import { getActionForEdit } from "../../lib/actions/queries";
import { PUBLIC_VIEWER, getDepartmentDashboard } from "../../lib/contracts/queries";
import { listDepartmentActivity, listEntityHistory } from "../../lib/history/queries";
import { db } from "../../lib/server/db";
import { actionForm } from "../factories/action-form";
import { signedInViewer } from "../factories/users";
import { itDeniesEachNonEditor } from "../support/denial-matrix";

const T77 = { departmentCode: "77", regionCode: "11" };
/** The 2020-2022 contract of 77, now an earlier contract of the department (its public page names it by id). */
const EARLIER_77 = { departmentCode: "77", wave: 2020 };

async function action77(reference = "FA-03") {
  return db().action.findFirstOrThrow({ where: { reference, contract: EARLIER_77 } });
}

describe("updateAction", () => {
  it("saves an editor's change with its audit row, and the public page shows it at once", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const before = await action77();
    const result = await updateAction(editor, before.id, actionForm(before, { progress: "90", partners: "ARS Île-de-France, MDPH, CAF" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.progress).toBe(90);
    expect(result.value.version).toBe(before.version + 1);

    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Action", entityId: before.id, operation: "update" }, orderBy: { id: "desc" } });
    expect(audit.actorEmail).toBe(editor.user.email);
    expect(audit.actorRole).toBe("DEPARTMENT_EDITOR");
    expect(audit.scopeDepartmentCode).toBe("77");
    expect(audit.before).toEqual({ progress: before.progress, partners: before.partners });
    expect(audit.after).toEqual({ progress: 90, partners: "ARS Île-de-France, MDPH, CAF" });

    const publicPage = await getDepartmentDashboard(PUBLIC_VIEWER, "77", before.contractId);
    expect(publicPage!.contract!.actions.find((a) => a.id === before.id)!.progress).toBe(90);

    const history = await listEntityHistory(editor, T77, "Action", before.id);
    expect(history[0].after).toMatchObject({ progress: 90 });
    const activity = await listDepartmentActivity(editor, T77);
    expect(activity[0].entityId).toBe(before.id);
  });

  it("refuses a stale version and returns the current values, overwriting nothing", async () => {
    const first = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const second = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const loaded = await action77("FA-04");
    const a = await updateAction(first, loaded.id, actionForm(loaded, { progress: "70" }));
    expect(a.ok).toBe(true);
    const b = await updateAction(second, loaded.id, actionForm(loaded, { progress: "20", title: "Titre écrasé" }));
    expect(b.ok).toBe(false);
    if (b.ok || b.code !== "conflict") throw new Error("expected a conflict");
    expect(b.current).toMatchObject({ progress: 70, title: loaded.title, version: loaded.version + 1 });
    const now = await action77("FA-04");
    expect(now.progress).toBe(70);
    expect(now.title).toBe(loaded.title);
  });

  it("returns every field error in French and writes nothing", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const loaded = await action77("FA-05");
    const auditsBefore = await db().auditLog.count();
    const result = await updateAction(editor, loaded.id, actionForm(loaded, { title: "", progress: "120", endDate: "2000-01-01" }));
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.title?.[0]).toMatch(/au moins 3 caractères/);
    expect(result.fieldErrors.progress?.[0]).toMatch(/100/);
    expect(await db().auditLog.count()).toBe(auditsBefore);
    expect((await action77("FA-05")).version).toBe(loaded.version);
  });

  it("refuses an objective the contract does not take", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const loaded = await action77("FA-05");
    const foreign = await db().objective.findFirstOrThrow({ where: { code: "O5", commitment: { framework: { code: "2025-2027" } } } });
    const result = await updateAction(editor, loaded.id, actionForm(loaded, { objectiveId: foreign.id }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { objectiveId: ["Cet objectif n'est pas retenu par le contrat."] } });
  });

  itDeniesEachNonEditor(T77, ", with a denied audit row and nothing changed", async ({ viewer, refusal }) => {
      const loaded = await action77("FA-02");
      const result = await updateAction(viewer, loaded.id, actionForm(loaded, { title: "Modification interdite" }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(refusal);
      const denied = await db().auditLog.findFirst({ where: { entityId: loaded.id, operation: "denied", actorId: viewer.user.id } });
      expect(denied).not.toBeNull();
      expect((await action77("FA-02")).title).toBe(loaded.title);
  });

  it("hides another department's action from an editor's edit view", async () => {
    const editor63 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const editor77 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const loaded = await action77("FA-01");
    const mine = await getActionForEdit(editor77, loaded.id);
    expect(mine?.canEdit).toBe(true);
    const theirs = await getActionForEdit(editor63, loaded.id);
    // The contract is public, so it can be read, but never edited.
    expect(theirs?.canEdit ?? false).toBe(false);
  });
});

describe("createAction and archiveAction", () => {
  it("numbers a new action after the last one, then archives it out of the public page", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await db().contract.findFirstOrThrow({ where: EARLIER_77 });
    const created = await createAction(editor, contract.id, { title: "Accueil de jour pour adolescents", status: "NOT_STARTED", progress: "0" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.reference).toBe("FA-08");
    let page = await getDepartmentDashboard(PUBLIC_VIEWER, "77", contract.id);
    expect(page!.contract!.actions.some((a) => a.id === created.value.id)).toBe(true);

    const archived = await archiveAction(editor, created.value.id, created.value.version);
    expect(archived.ok).toBe(true);
    page = await getDepartmentDashboard(PUBLIC_VIEWER, "77", contract.id);
    expect(page!.contract!.actions.some((a) => a.id === created.value.id)).toBe(false);
    const ops = (await db().auditLog.findMany({ where: { entityId: created.value.id }, orderBy: { id: "asc" } })).map((r) => r.operation);
    expect(ops).toEqual(["create", "archive"]);
  });

  it("does not let an editor add an action to another department's contract", async () => {
    const editor63 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const contract = await db().contract.findFirstOrThrow({ where: EARLIER_77 });
    const count = await db().action.count({ where: { contractId: contract.id } });
    const result = await createAction(editor63, contract.id, { title: "Intrusion", status: "NOT_STARTED", progress: "0" });
    expect(result.ok).toBe(false);
    expect(await db().action.count({ where: { contractId: contract.id } })).toBe(count);
  });
});
