// What `npm run reliability` found answering 500, fixed at the root; each stays fixed here.
import { describe, expect, it } from "vitest";
import { removeRole } from "../../lib/admin/users/mutations";
import { saveReportNarrative } from "../../lib/reports/mutations";
import { db } from "../../lib/server/db";
import { createContract } from "../factories/contracts";
import { createUser, signedInViewer } from "../factories/users";

describe("deux premiers enregistrements simultanés du texte d'un rapport", () => {
  it("l'un réussit, l'autre reçoit un conflit (et non une erreur de clé unique), une seule ligne d'audit", async () => {
    const contract = await createContract(db(), { departmentCode: "02" });
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "02" });
    const results = await Promise.all(
      ["Premier", "Second", "Troisième"].map((highlights) => saveReportNarrative(editor, contract.id, 2021, { highlights, difficulties: "", outlook: "", version: "0" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["conflict", "conflict"]);
    const report = await db().executionReport.findUniqueOrThrow({ where: { contractId_year: { contractId: contract.id, year: 2021 } } });
    expect(report.version).toBe(1);
    expect(await db().auditLog.count({ where: { entity: "ExecutionReport", entityId: report.id } })).toBe(1);
  });
});

describe("deux retraits simultanés du même rôle", () => {
  it("l'un retire le rôle, l'autre apprend qu'il n'existe plus (et non une erreur), une seule ligne d'audit", async () => {
    const admin = await signedInViewer("ADMIN");
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "03" });
    const assignment = await db().roleAssignment.findFirstOrThrow({ where: { userId: user.id } });
    const results = await Promise.all([removeRole(admin, assignment.id), removeRole(admin, assignment.id), removeRole(admin, assignment.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["not_found", "not_found"]);
    expect(await db().roleAssignment.count({ where: { id: assignment.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { entity: "RoleAssignment", entityId: assignment.id, operation: "role_remove" } })).toBe(1);
  });
});
