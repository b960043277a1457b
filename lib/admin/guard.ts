import "server-only";
import { ForbiddenError, can, type Permission, type Viewer } from "../server/authz";

export type AdminPermission = Extract<Permission, "admin.users" | "admin.contracts">;

/** Reads: the pages check first, so a refusal here is a bug or a forged call, and it throws. */
export function assertAdminRead(viewer: Viewer, permission: AdminPermission): void {
  if (!can(viewer, permission, null)) throw new ForbiddenError(permission, null);
}

// Writes: lib/server/write.ts (runWrite with refusal "forbid-first").

/** Prisma's unique-constraint violation (a concurrent insert that slipped past the check). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
