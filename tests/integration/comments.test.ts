import { describe, expect, it } from "vitest";
import { addContractComment } from "../../lib/comments/mutations";
import { listContractComments } from "../../lib/comments/queries";
import { PUBLIC_VIEWER } from "../../lib/contracts/queries";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";

const T77 = { departmentCode: "77", regionCode: "11" };

describe("internal comments", () => {
  it("let the regional official of the region comment, seen by the department but never by the public", async () => {
    const ars = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await db().contract.findFirstOrThrow({ where: { departmentCode: "77" } });
    const result = await addContractComment(ars, contract.id, { body: "Merci de préciser le calendrier de la fiche FA-06." });
    expect(result.ok).toBe(true);
    expect((await listContractComments(editor, T77, contract.id)).map((c) => c.body)).toContain("Merci de préciser le calendrier de la fiche FA-06.");
    expect(await listContractComments(PUBLIC_VIEWER, T77, contract.id)).toEqual([]);
    const audit = await db().auditLog.findFirst({ where: { entity: "Comment", actorId: ars.user.id, operation: "create" } });
    expect(audit?.actorRole).toBe("REGIONAL_OFFICIAL");
  });

  it("are refused to another region's official and to department editors", async () => {
    const contract = await db().contract.findFirstOrThrow({ where: { departmentCode: "77" } });
    for (const viewer of [await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "84" }), await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" })]) {
      const result = await addContractComment(viewer, contract.id, { body: "Commentaire non autorisé" });
      expect(result.ok === false && result.code).toBe("forbidden");
      expect(await db().comment.count({ where: { body: "Commentaire non autorisé" } })).toBe(0);
    }
  });

  it("refuses an empty comment with a French message", async () => {
    const ars = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const contract = await db().contract.findFirstOrThrow({ where: { departmentCode: "77" } });
    const result = await addContractComment(ars, contract.id, { body: " " });
    expect(result.ok === false && result.code === "invalid" && result.fieldErrors.body?.[0]).toBe("Le commentaire doit compter au moins 3 caractères.");
  });
});
