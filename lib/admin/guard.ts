import "server-only";
import { auditDenied } from "../server/audit";
import { ForbiddenError, can, type Permission, type Territory, type Viewer } from "../server/authz";
import { forbidden, type Failure } from "../server/errors";

export type AdminPermission = Extract<Permission, "admin.users" | "admin.contracts">;

/** Reads: the pages check first, so a refusal here is a bug or a forged call, and it throws. */
export function assertAdminRead(viewer: Viewer, permission: AdminPermission): void {
  if (!can(viewer, permission, null)) throw new ForbiddenError(permission, null);
}

/**
 * Writes: checked before anything is parsed or loaded, so a refused attempt reveals nothing;
 * it leaves its denied row in the audit log and the caller returns the forbidden result.
 */
export async function denyUnlessAdmin(
  viewer: Viewer,
  permission: AdminPermission,
  target: { entity: string; entityId: string; territory?: Territory | null },
): Promise<Failure | null> {
  if (can(viewer, permission, target.territory ?? null)) return null;
  await auditDenied(viewer, permission, target.territory ?? null, target.entity, target.entityId);
  return forbidden();
}

/** Only the fields whose value changed, for the audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, ignore: readonly string[] = []) {
  const keys = Object.keys(after).filter((k) => !ignore.includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/** Prisma's unique-constraint violation (a concurrent insert that slipped past the check). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
