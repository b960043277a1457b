import "server-only";
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import { writeAudit } from "../../server/audit";
import type { Viewer } from "../../server/authz";
import { invalidate, invalidateOnSuccess } from "../../server/cache/cache";
import { accountsScope } from "../../server/cache/cache-tags";
import { db } from "../../server/db";
import { invalid, notFound, ok, type Result } from "../../server/errors";
import { denyUnlessAdmin, isUniqueViolation } from "../guard";
import { CreateUserSchema, RoleAssignmentSchema } from "./schemas";

const fieldErrors = (error: z.ZodError) => z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
const EMAIL_TAKEN = "Un compte existe déjà avec cette adresse.";
const PERMISSION = "admin.users";

/** A new account; its initial password is hashed with argon2id, or it has none (OIDC sign-in only). */
export async function createUser(viewer: Viewer, input: Record<string, unknown>): Promise<Result<{ id: string; email: string }>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "User", entityId: "new" });
  if (denied) return denied;
  const parsed = CreateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { email, displayName, password, signIn } = parsed.data;
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) return invalid({ email: [EMAIL_TAKEN] });
  // Hashed before the transaction: argon2 is deliberately slow.
  const passwordHash = password ? await hash(password) : null;
  try {
    const created = await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, displayName, passwordHash, isDemo: false } });
      await writeAudit(tx, {
        viewer,
        permission: PERMISSION,
        territory: null,
        entity: "User",
        entityId: user.id,
        operation: "create",
        after: { email, displayName, isActive: true, signIn },
      });
      return ok({ id: user.id, email: user.email });
    });
    if (created.ok) invalidate(accountsScope(created.value.id));
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ email: [EMAIL_TAKEN] });
    throw error;
  }
}

/** Gives an account a role with its scope (a department, a region, or none). */
export async function assignRole(viewer: Viewer, userId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "User", entityId: userId });
  if (denied) return denied;
  const parsed = RoleAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { role, departmentCode, regionCode } = parsed.data;
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return notFound("Ce compte");
  if (departmentCode && !(await db().department.findUnique({ where: { code: departmentCode }, select: { code: true } }))) {
    return invalid({ departmentCode: ["Ce département n'existe pas."] });
  }
  if (regionCode && !(await db().region.findUnique({ where: { code: regionCode }, select: { code: true } }))) {
    return invalid({ regionCode: ["Cette région n'existe pas."] });
  }
  return db().$transaction(async (tx) => {
    const same = await tx.roleAssignment.findFirst({ where: { userId, role, departmentCode, regionCode }, select: { id: true } });
    if (same) return invalid({ role: ["Ce compte a déjà ce rôle sur ce périmètre."] });
    const created = await tx.roleAssignment.create({ data: { userId, role, departmentCode, regionCode } });
    await writeAudit(tx, {
      viewer,
      permission: PERMISSION,
      territory: null,
      entity: "RoleAssignment",
      entityId: created.id,
      operation: "role_assign",
      after: { userId, role, departmentCode, regionCode },
    });
    return ok({ id: created.id });
  }).then(invalidateOnSuccess(accountsScope(userId)));
}

/** Takes a role away; an administrator cannot take away their own last ADMIN role. */
export async function removeRole(viewer: Viewer, assignmentId: string): Promise<Result<{ userId: string }>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "RoleAssignment", entityId: assignmentId });
  if (denied) return denied;
  const result = await db().$transaction(async (tx) => {
    const assignment = await tx.roleAssignment.findUnique({ where: { id: assignmentId } });
    if (!assignment) return notFound("Ce rôle");
    const self = viewer.kind === "user" && viewer.user.id === assignment.userId;
    if (self && assignment.role === "ADMIN") {
      // Row lock on the account: two removals of one's own ADMIN roles cannot both pass the count.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${assignment.userId} FOR UPDATE`;
      const admins = await tx.roleAssignment.count({ where: { userId: assignment.userId, role: "ADMIN" } });
      if (admins <= 1) return invalid({}, "Vous ne pouvez pas retirer votre propre dernier rôle d'administrateur : demandez-le à un autre administrateur.");
    }
    // Two removals at once: the second waits for the first, then finds nothing left to remove.
    const removed = await tx.roleAssignment.deleteMany({ where: { id: assignmentId } });
    if (removed.count === 0) return notFound("Ce rôle");
    const { userId, role, departmentCode, regionCode } = assignment;
    await writeAudit(tx, {
      viewer,
      permission: PERMISSION,
      territory: null,
      entity: "RoleAssignment",
      entityId: assignmentId,
      operation: "role_remove",
      before: { userId, role, departmentCode, regionCode },
    });
    return ok({ userId });
  });
  if (result.ok) invalidate(accountsScope(result.value.userId));
  return result;
}

/** Closes an account without deleting it: it can no longer sign in and every open session ends now. */
export async function deactivateUser(viewer: Viewer, userId: string): Promise<Result<{ id: string; revokedSessions: number }>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "User", entityId: userId });
  if (denied) return denied;
  if (viewer.kind === "user" && viewer.user.id === userId) {
    return invalid({}, "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
  }
  return db().$transaction(async (tx) => {
    // Conditional update: of two simultaneous deactivations, only one writes (and audits).
    const changed = await tx.user.updateMany({ where: { id: userId, isActive: true }, data: { isActive: false } });
    if (changed.count === 0) {
      return (await tx.user.count({ where: { id: userId } })) ? invalid({}, "Ce compte est déjà désactivé.") : notFound("Ce compte");
    }
    const now = new Date();
    const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, {
      viewer,
      permission: PERMISSION,
      territory: null,
      entity: "User",
      entityId: userId,
      operation: "deactivate",
      before: { isActive: true },
      after: { isActive: false },
    });
    return ok({ id: userId, revokedSessions: revoked.count });
  }).then(invalidateOnSuccess(accountsScope(userId)));
}

/** Opens a closed account again (its old sessions stay revoked). */
export async function reactivateUser(viewer: Viewer, userId: string): Promise<Result<{ id: string }>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "User", entityId: userId });
  if (denied) return denied;
  return db().$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: userId, isActive: false }, data: { isActive: true } });
    if (changed.count === 0) {
      return (await tx.user.count({ where: { id: userId } })) ? invalid({}, "Ce compte est déjà actif.") : notFound("Ce compte");
    }
    await writeAudit(tx, {
      viewer,
      permission: PERMISSION,
      territory: null,
      entity: "User",
      entityId: userId,
      operation: "reactivate",
      before: { isActive: false },
      after: { isActive: true },
    });
    return ok({ id: userId });
  }).then(invalidateOnSuccess(accountsScope(userId)));
}
