import "server-only";
import { hash } from "@node-rs/argon2";
import { writeAudit } from "../../server/audit";
import type { Viewer } from "../../server/authz";
import { accountsScope } from "../../server/cache/cache-tags";
import { db } from "../../server/db";
import { invalid, notFound, ok, type Result } from "../../server/errors";
import { parseFields, runWrite, type WriteSteps } from "../../server/write";
import { isUniqueViolation } from "../guard";
import { CreateUserSchema, RoleAssignmentSchema } from "./schemas";

const EMAIL_TAKEN = "Un compte existe déjà avec cette adresse.";
const PERMISSION = "admin.users";

/**
 * A write on the accounts: the permission is checked before anything is parsed or loaded, so a refused
 * attempt reveals nothing ("forbid-first"); accounts have no territory.
 */
function accountsWrite<P, T>(
  viewer: Viewer,
  target: { entity: string; entityId: string },
  steps: Pick<WriteSteps<{ territory: null }, P, T, never>, "prepare" | "write" | "rescue" | "scope">,
): Promise<Result<T, never>> {
  return runWrite({ viewer, permission: PERMISSION, refusal: "forbid-first", ...target, what: "Ce compte", locate: async () => ({ territory: null }), ...steps });
}

const nothingToPrepare = async () => ({ ok: true as const, value: null });

/** A new account; its initial password is hashed with argon2id, or it has none (OIDC sign-in only). */
export function createUser(viewer: Viewer, input: Record<string, unknown>): Promise<Result<{ id: string; email: string }, never>> {
  return accountsWrite(viewer, { entity: "User", entityId: "new" }, {
    prepare: async () => {
      const parsed = parseFields(CreateUserSchema, input);
      if (!parsed.ok) return parsed;
      if (await db().user.findUnique({ where: { email: parsed.value.email }, select: { id: true } })) return invalid({ email: [EMAIL_TAKEN] });
      // Hashed before the transaction: argon2 is deliberately slow.
      return { ok: true, value: { ...parsed.value, passwordHash: parsed.value.password ? await hash(parsed.value.password) : null } };
    },
    write: async (tx, _none, { email, displayName, passwordHash, signIn }) => {
      const user = await tx.user.create({ data: { email, displayName, passwordHash, isDemo: false } });
      await writeAudit(tx, { viewer, permission: PERMISSION, territory: null, entity: "User", entityId: user.id, operation: "create", after: { email, displayName, isActive: true, signIn } });
      return ok({ id: user.id, email: user.email });
    },
    rescue: (error) => (isUniqueViolation(error) ? invalid({ email: [EMAIL_TAKEN] }) : null),
    scope: (_none, _input, created) => accountsScope(created.id),
  });
}

/** Gives an account a role with its scope (a department, a region, or none). */
export function assignRole(viewer: Viewer, userId: string, input: Record<string, unknown>): Promise<Result<{ id: string }, never>> {
  return accountsWrite(viewer, { entity: "User", entityId: userId }, {
    prepare: async () => {
      const parsed = parseFields(RoleAssignmentSchema, input);
      if (!parsed.ok) return parsed;
      const { departmentCode, regionCode } = parsed.value;
      if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) return notFound("Ce compte");
      if (departmentCode && !(await db().department.findUnique({ where: { code: departmentCode }, select: { code: true } }))) {
        return invalid({ departmentCode: ["Ce département n'existe pas."] });
      }
      if (regionCode && !(await db().region.findUnique({ where: { code: regionCode }, select: { code: true } }))) {
        return invalid({ regionCode: ["Cette région n'existe pas."] });
      }
      return parsed;
    },
    write: async (tx, _none, { role, departmentCode, regionCode }) => {
      const same = await tx.roleAssignment.findFirst({ where: { userId, role, departmentCode, regionCode }, select: { id: true } });
      if (same) return invalid({ role: ["Ce compte a déjà ce rôle sur ce périmètre."] });
      const created = await tx.roleAssignment.create({ data: { userId, role, departmentCode, regionCode } });
      await writeAudit(tx, { viewer, permission: PERMISSION, territory: null, entity: "RoleAssignment", entityId: created.id, operation: "role_assign", after: { userId, role, departmentCode, regionCode } });
      return ok({ id: created.id });
    },
    scope: () => accountsScope(userId),
  });
}

/** Takes a role away; an administrator cannot take away their own last ADMIN role. */
export function removeRole(viewer: Viewer, assignmentId: string): Promise<Result<{ userId: string }, never>> {
  return accountsWrite(viewer, { entity: "RoleAssignment", entityId: assignmentId }, {
    prepare: nothingToPrepare,
    write: async (tx, _none, _input, admin) => {
      const assignment = await tx.roleAssignment.findUnique({ where: { id: assignmentId } });
      if (!assignment) return notFound("Ce rôle");
      if (admin.id === assignment.userId && assignment.role === "ADMIN") {
        // Row lock on the account: two removals of one's own ADMIN roles cannot both pass the count.
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${assignment.userId} FOR UPDATE`;
        const admins = await tx.roleAssignment.count({ where: { userId: assignment.userId, role: "ADMIN" } });
        if (admins <= 1) return invalid({}, "Vous ne pouvez pas retirer votre propre dernier rôle d'administrateur : demandez-le à un autre administrateur.");
      }
      // Two removals at once: the second waits for the first, then finds nothing left to remove.
      const removed = await tx.roleAssignment.deleteMany({ where: { id: assignmentId } });
      if (removed.count === 0) return notFound("Ce rôle");
      const { userId, role, departmentCode, regionCode } = assignment;
      await writeAudit(tx, { viewer, permission: PERMISSION, territory: null, entity: "RoleAssignment", entityId: assignmentId, operation: "role_remove", before: { userId, role, departmentCode, regionCode } });
      return ok({ userId });
    },
    scope: (_none, _input, { userId }) => accountsScope(userId),
  });
}

/** Closes an account without deleting it: it can no longer sign in and every open session ends now. */
export function deactivateUser(viewer: Viewer, userId: string): Promise<Result<{ id: string; revokedSessions: number }, never>> {
  return accountsWrite(viewer, { entity: "User", entityId: userId }, {
    prepare: async () =>
      viewer.kind === "user" && viewer.user.id === userId
        ? invalid({}, "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.")
        : { ok: true, value: null },
    write: async (tx) => {
      // Conditional update: of two simultaneous deactivations, only one writes (and audits).
      const changed = await tx.user.updateMany({ where: { id: userId, isActive: true }, data: { isActive: false } });
      if (changed.count === 0) {
        return (await tx.user.count({ where: { id: userId } })) ? invalid({}, "Ce compte est déjà désactivé.") : notFound("Ce compte");
      }
      const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await writeAudit(tx, { viewer, permission: PERMISSION, territory: null, entity: "User", entityId: userId, operation: "deactivate", before: { isActive: true }, after: { isActive: false } });
      return ok({ id: userId, revokedSessions: revoked.count });
    },
    scope: () => accountsScope(userId),
  });
}

/** Opens a closed account again (its old sessions stay revoked). */
export function reactivateUser(viewer: Viewer, userId: string): Promise<Result<{ id: string }, never>> {
  return accountsWrite(viewer, { entity: "User", entityId: userId }, {
    prepare: nothingToPrepare,
    write: async (tx) => {
      const changed = await tx.user.updateMany({ where: { id: userId, isActive: false }, data: { isActive: true } });
      if (changed.count === 0) {
        return (await tx.user.count({ where: { id: userId } })) ? invalid({}, "Ce compte est déjà actif.") : notFound("Ce compte");
      }
      await writeAudit(tx, { viewer, permission: PERMISSION, territory: null, entity: "User", entityId: userId, operation: "reactivate", before: { isActive: false }, after: { isActive: true } });
      return ok({ id: userId });
    },
    scope: () => accountsScope(userId),
  });
}
