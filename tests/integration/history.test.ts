import { describe, expect, it } from "vitest";
import { listDepartmentActivity, listEntityHistory } from "../../lib/history/queries";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";

const T77 = { departmentCode: "77", regionCode: "11" };

describe("a department's activity and a record's history", () => {
  it("list the newest change first, even when an older change was recorded later", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const actor = { actorId: editor.kind === "user" ? editor.user.id : null, actorEmail: "historique@exemple.fr", scopeDepartmentCode: "77", scopeRegionCode: "11" };
    const entityId = "history-order-test";
    // Recorded first, dated today; then a change dated a year earlier (a year entered afterwards).
    await db().auditLog.create({ data: { ...actor, entity: "Action", entityId, operation: "update", at: new Date(), after: { progress: 80 } } });
    await db().auditLog.create({ data: { ...actor, entity: "Action", entityId, operation: "update", at: new Date(Date.now() - 365 * 86_400_000), after: { progress: 10 } } });

    const history = await listEntityHistory(editor, T77, "Action", entityId);
    expect(history.map((h) => h.after)).toEqual([{ progress: 80 }, { progress: 10 }]);
    const activity = (await listDepartmentActivity(editor, T77, 100)).filter((a) => a.entityId === entityId);
    expect(activity.map((a) => a.after)).toEqual([{ progress: 80 }, { progress: 10 }]);
  });
});
