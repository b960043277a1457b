import { describe, expect, it } from "vitest";
import { assignRole, createUser, deactivateUser, reactivateUser, removeRole } from "../../lib/admin/users/mutations";
import { getUserForAdmin, listUsers } from "../../lib/admin/users/queries";
import { signInWithPassword } from "../../lib/auth/mutations";
import { createSession, viewerFromSessionToken } from "../../lib/auth/sessions";
import { db } from "../../lib/server/db";
import { createUser as createTestUser, signedInViewer } from "../factories/users";

const meta = () => ({ ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });
const uniqueEmail = (tag: string) => `${tag}.${Math.random().toString(36).slice(2, 8)}@exemple.gouv.fr`;
const PASSWORD = "un-mot-de-passe-initial";

async function newAccount(admin: Awaited<ReturnType<typeof signedInViewer>>, tag = "agent") {
  const email = uniqueEmail(tag);
  const result = await createUser(admin, { email, displayName: `Agent ${tag}`, signIn: "password", password: PASSWORD });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("creating accounts", () => {
  it("creates an account that can then sign in, audited without its password", async () => {
    const admin = await signedInViewer("ADMIN");
    const email = uniqueEmail("nouvelle.agente");
    const result = await createUser(admin, { email: email.toUpperCase(), displayName: "Nouvelle agente", signIn: "password", password: PASSWORD });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.email).toBe(email);

    const stored = await db().user.findUniqueOrThrow({ where: { id: result.value.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.isDemo).toBe(false);
    expect(stored.isActive).toBe(true);

    const signIn = await signInWithPassword({ email, password: PASSWORD }, meta());
    expect(signIn.ok).toBe(true);
    if (signIn.ok) expect(await viewerFromSessionToken(signIn.token)).toMatchObject({ kind: "user", user: { email, roles: [] } });

    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "User", entityId: result.value.id, operation: "create" } });
    expect(audit.actorId).toBe(admin.user.id);
    expect(audit.actorRole).toBe("ADMIN");
    expect(audit.after).toEqual({ email, displayName: "Nouvelle agente", isActive: true, signIn: "password" });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/argon2|mot-de-passe/);
  });

  it("creates an OIDC-only account with no password, which password sign-in refuses", async () => {
    const admin = await signedInViewer("ADMIN");
    const email = uniqueEmail("oidc");
    const result = await createUser(admin, { email, displayName: "Compte OIDC", signIn: "oidc", password: "" });
    expect(result.ok).toBe(true);
    const stored = await db().user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toBeNull();
    expect(await signInWithPassword({ email, password: "n'importe-quoi-123" }, meta())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an e-mail already used, whatever its case, and writes nothing", async () => {
    const admin = await signedInViewer("ADMIN");
    const existing = await newAccount(admin, "doublon");
    const users = await db().user.count();
    const audits = await db().auditLog.count();
    const result = await createUser(admin, { email: existing.email.toUpperCase(), displayName: "Doublon", signIn: "password", password: PASSWORD });
    expect(result.ok === false && result.code === "invalid" && result.fieldErrors.email).toEqual(["Un compte existe déjà avec cette adresse."]);
    expect(await db().user.count()).toBe(users);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("returns French field errors for invalid input and writes nothing", async () => {
    const admin = await signedInViewer("ADMIN");
    const users = await db().user.count();
    const audits = await db().auditLog.count();
    const result = await createUser(admin, { email: "pas-une-adresse", displayName: "", signIn: "password", password: "trop-court" });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.email).toEqual(["Saisissez une adresse électronique valide."]);
    expect(result.fieldErrors.displayName?.[0]).toMatch(/au moins 2 caractères/);
    expect(result.fieldErrors.password).toEqual(["Le mot de passe doit compter au moins 12 caractères."]);
    expect(await db().user.count()).toBe(users);
    expect(await db().auditLog.count()).toBe(audits);
  });
});

describe("roles", () => {
  it("assigns roles with their scope, which the next session carries, and removes them", async () => {
    const admin = await signedInViewer("ADMIN");
    const account = await newAccount(admin, "roles");
    const editor = await assignRole(admin, account.id, { role: "DEPARTMENT_EDITOR", departmentCode: "77", regionCode: "" });
    const regional = await assignRole(admin, account.id, { role: "REGIONAL_OFFICIAL", regionCode: "84", departmentCode: "63" });
    expect(editor.ok && regional.ok).toBe(true);
    if (!editor.ok || !regional.ok) return;

    const { token } = await createSession(account.id);
    const viewer = await viewerFromSessionToken(token);
    expect(viewer?.kind === "user" && viewer.user.roles).toEqual([
      { role: "DEPARTMENT_EDITOR", departmentCode: "77", regionCode: null },
      { role: "REGIONAL_OFFICIAL", departmentCode: null, regionCode: "84" },
    ]);
    const assignAudit = await db().auditLog.findFirstOrThrow({ where: { entity: "RoleAssignment", entityId: regional.value.id } });
    expect(assignAudit.operation).toBe("role_assign");
    expect(assignAudit.after).toEqual({ userId: account.id, role: "REGIONAL_OFFICIAL", departmentCode: null, regionCode: "84" });

    const detail = await getUserForAdmin(admin, account.id);
    expect(detail?.roles.map((r) => [r.role, r.departmentName ?? r.regionName])).toEqual([
      ["DEPARTMENT_EDITOR", "Seine-et-Marne"],
      ["REGIONAL_OFFICIAL", "Auvergne-Rhône-Alpes"],
    ]);

    const removed = await removeRole(admin, editor.value.id);
    expect(removed.ok).toBe(true);
    expect(await db().roleAssignment.findUnique({ where: { id: editor.value.id } })).toBeNull();
    const removeAudit = await db().auditLog.findFirstOrThrow({ where: { entity: "RoleAssignment", entityId: editor.value.id, operation: "role_remove" } });
    expect(removeAudit.before).toEqual({ userId: account.id, role: "DEPARTMENT_EDITOR", departmentCode: "77", regionCode: null });
    const after = await viewerFromSessionToken((await createSession(account.id)).token);
    expect(after?.kind === "user" && after.user.roles.map((r) => r.role)).toEqual(["REGIONAL_OFFICIAL"]);
  });

  it("refuses a role without its scope, an unknown department and a duplicate, in French", async () => {
    const admin = await signedInViewer("ADMIN");
    const account = await newAccount(admin, "scope");
    const audits = await db().auditLog.count();
    const noDepartment = await assignRole(admin, account.id, { role: "DEPARTMENT_READER", departmentCode: "" });
    expect(noDepartment.ok === false && noDepartment.code === "invalid" && noDepartment.fieldErrors.departmentCode).toEqual(["Choisissez le département de ce rôle."]);
    const noRegion = await assignRole(admin, account.id, { role: "REGIONAL_OFFICIAL" });
    expect(noRegion.ok === false && noRegion.code === "invalid" && noRegion.fieldErrors.regionCode).toEqual(["Choisissez la région de ce rôle."]);
    const unknown = await assignRole(admin, account.id, { role: "DEPARTMENT_READER", departmentCode: "99" });
    expect(unknown.ok === false && unknown.code === "invalid" && unknown.fieldErrors.departmentCode).toEqual(["Ce département n'existe pas."]);
    expect(await db().roleAssignment.count({ where: { userId: account.id } })).toBe(0);
    expect(await db().auditLog.count()).toBe(audits);

    expect((await assignRole(admin, account.id, { role: "NATIONAL_OFFICIAL" })).ok).toBe(true);
    const twice = await assignRole(admin, account.id, { role: "NATIONAL_OFFICIAL" });
    expect(twice.ok === false && twice.code === "invalid" && twice.fieldErrors.role?.[0]).toMatch(/déjà ce rôle/);
    expect(await db().roleAssignment.count({ where: { userId: account.id } })).toBe(1);
  });

  it("does not let an administrator remove their own last ADMIN role", async () => {
    const admin = await signedInViewer("ADMIN");
    const own = await db().roleAssignment.findFirstOrThrow({ where: { userId: admin.user.id, role: "ADMIN" } });
    const refused = await removeRole(admin, own.id);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/votre propre dernier rôle d'administrateur/);
    expect(await db().roleAssignment.findUnique({ where: { id: own.id } })).not.toBeNull();

    // Another administrator may take it away.
    const other = await signedInViewer("ADMIN");
    expect((await removeRole(other, own.id)).ok).toBe(true);
    expect(await db().roleAssignment.findUnique({ where: { id: own.id } })).toBeNull();
  });
});

describe("deactivation", () => {
  it("revokes every session, blocks sign-in, and reactivation lets the account sign in again", async () => {
    const admin = await signedInViewer("ADMIN");
    const account = await newAccount(admin, "depart");
    const a = await createSession(account.id);
    const b = await createSession(account.id);

    const result = await deactivateUser(admin, account.id);
    expect(result.ok && result.value.revokedSessions).toBe(2);
    expect(await viewerFromSessionToken(a.token)).toBeNull();
    expect(await viewerFromSessionToken(b.token)).toBeNull();
    expect(await db().session.count({ where: { userId: account.id, revokedAt: null } })).toBe(0);
    const email = (await db().user.findUniqueOrThrow({ where: { id: account.id } })).email;
    expect(await signInWithPassword({ email, password: PASSWORD }, meta())).toEqual({ ok: false, reason: "invalid" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "User", entityId: account.id, operation: "deactivate" } });
    expect(audit.before).toEqual({ isActive: true });
    expect(audit.after).toEqual({ isActive: false });
    expect(await db().user.count({ where: { id: account.id } })).toBe(1);

    const again = await deactivateUser(admin, account.id);
    expect(again.ok === false && again.message).toBe("Ce compte est déjà désactivé.");

    expect((await reactivateUser(admin, account.id)).ok).toBe(true);
    expect(await viewerFromSessionToken(a.token)).toBeNull();
    expect((await signInWithPassword({ email, password: PASSWORD }, meta())).ok).toBe(true);
    const ops = (await db().auditLog.findMany({ where: { entity: "User", entityId: account.id }, orderBy: { id: "asc" } })).map((r) => r.operation);
    expect(ops).toEqual(["create", "deactivate", "reactivate"]);
  });

  it("does not let an administrator deactivate themself", async () => {
    const admin = await signedInViewer("ADMIN");
    const result = await deactivateUser(admin, admin.user.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/votre propre compte/);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.user.id } })).isActive).toBe(true);
    expect((await db().session.findUniqueOrThrow({ where: { id: admin.sessionId } })).revokedAt).toBeNull();
    // Another administrator may.
    const other = await signedInViewer("ADMIN");
    expect((await deactivateUser(other, admin.user.id)).ok).toBe(true);
    expect((await db().session.findUniqueOrThrow({ where: { id: admin.sessionId } })).revokedAt).not.toBeNull();
  });
});

describe("non-administrators", () => {
  for (const [label, role, scope] of [
    ["a department editor", "DEPARTMENT_EDITOR", { departmentCode: "77" }],
    ["a national official", "NATIONAL_OFFICIAL", {}],
    ["a regional official", "REGIONAL_OFFICIAL", { regionCode: "11" }],
  ] as const) {
    it(`denies ${label} every user mutation, with a denied audit row each and nothing written`, async () => {
      const viewer = await signedInViewer(role, scope);
      const target = await createTestUser("DEPARTMENT_READER", { departmentCode: "77" });
      const targetRole = await db().roleAssignment.findFirstOrThrow({ where: { userId: target.id } });
      const users = await db().user.count();
      const email = uniqueEmail("intrus");

      const attempts = [
        await createUser(viewer, { email, displayName: "Intrus", signIn: "password", password: PASSWORD }),
        await assignRole(viewer, target.id, { role: "ADMIN" }),
        await assignRole(viewer, viewer.user.id, { role: "ADMIN" }),
        await removeRole(viewer, targetRole.id),
        await deactivateUser(viewer, target.id),
        await reactivateUser(viewer, target.id),
      ];
      for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, code: "forbidden" });

      const denied = await db().auditLog.findMany({ where: { actorId: viewer.user.id }, orderBy: { id: "asc" } });
      expect(denied.map((d) => d.operation)).toEqual(Array(attempts.length).fill("denied"));
      expect(denied.map((d) => d.after)).toEqual(Array(attempts.length).fill({ permission: "admin.users" }));
      expect(await db().user.count()).toBe(users);
      expect(await db().user.findUnique({ where: { email } })).toBeNull();
      expect(await db().roleAssignment.findMany({ where: { userId: { in: [target.id, viewer.user.id] } }, select: { role: true } })).toHaveLength(2);
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
      await expect(listUsers(viewer)).rejects.toThrow(/droits/);
    });
  }

  it("lists every account for an administrator, with roles and never a hash", async () => {
    const admin = await signedInViewer("ADMIN");
    const rows = await listUsers(admin);
    const demoAdmin = rows.find((r) => r.email === "admin@demo.tripartite.fr");
    expect(demoAdmin).toMatchObject({ isActive: true, isDemo: true, hasPassword: true, roles: [{ role: "ADMIN" }] });
    expect(JSON.stringify(rows)).not.toMatch(/argon2/);
  });
});
