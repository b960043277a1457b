import "server-only";
import type { Viewer } from "../../server/authz";
import { db, type Prisma } from "../../server/db";
import { assertAdminRead } from "../guard";
import type { AdminUserDetail, AdminUserRow, ScopeOptions } from "./schemas";

const userInclude = {
  roles: { include: { department: true, region: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.UserInclude;

type UserWithRoles = Prisma.UserGetPayload<{ include: typeof userInclude }>;

function toRow(u: UserWithRoles): AdminUserRow {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isActive: u.isActive,
    isDemo: u.isDemo,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
    roles: u.roles.map((r) => ({
      id: r.id,
      role: r.role,
      departmentCode: r.departmentCode,
      departmentName: r.department?.name ?? null,
      regionCode: r.regionCode,
      regionName: r.region?.name ?? null,
    })),
  };
}

/** Every account, active ones first (administrators only). */
export async function listUsers(viewer: Viewer): Promise<AdminUserRow[]> {
  assertAdminRead(viewer, "admin.users");
  const users = await db().user.findMany({ include: userInclude, orderBy: [{ isActive: "desc" }, { email: "asc" }] });
  return users.map(toRow);
}

/** One account with its roles and open sessions; null when unknown. */
export async function getUserForAdmin(viewer: Viewer, userId: string): Promise<AdminUserDetail | null> {
  assertAdminRead(viewer, "admin.users");
  const user = await db().user.findUnique({ where: { id: userId }, include: userInclude });
  if (!user) return null;
  const activeSessions = await db().session.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } } });
  return { ...toRow(user), activeSessions, isSelf: viewer.kind === "user" && viewer.user.id === userId };
}

/** Departments and regions a role can be scoped to (reference data). */
export async function listScopeOptions(viewer: Viewer): Promise<ScopeOptions> {
  assertAdminRead(viewer, "admin.users");
  const [departments, regions] = await Promise.all([
    db().department.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db().region.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { departments, regions };
}
