import "server-only";
import { actingRole, type Permission, type Territory } from "./authz";
import type { Actor } from "./reader";
import type { Prisma } from "./generated/prisma/client";
import { db } from "./db";

/** Values as the audit log stores them: JSON, amounts in cents, dates in ISO 8601. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (typeof v === "bigint") return Number(v);
      if (v && typeof v === "object" && typeof (v as { toNumber?: unknown }).toNumber === "function" && "d" in v) return (v as { toNumber: () => number }).toNumber();
      return v;
    }),
  );
}

export type AuditEntry = {
  /** A signed-in user or the public: a Reader (a stand-in with no identity) does not compile here. */
  viewer: Actor;
  permission: Permission | null;
  territory: Territory | null;
  entity: string;
  entityId: string;
  operation: string;
  before?: unknown;
  after?: unknown;
};

/** Inserted in the same transaction as the change it records. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry) {
  const user = entry.viewer.kind === "user" ? entry.viewer.user : null;
  // The type keeps Readers out; this keeps out one that lost its type through a cast.
  if (user && user.id === "") throw new Error("An audit row needs a signed-in user: a reader has no identity.");
  await tx.auditLog.create({
    data: {
      actorId: user?.id ?? null,
      actorEmail: user?.email ?? null,
      actorRole: entry.permission ? actingRole(entry.viewer, entry.permission, entry.territory) : (user?.roles[0]?.role ?? null),
      scopeDepartmentCode: entry.territory?.departmentCode ?? null,
      scopeRegionCode: entry.territory?.regionCode ?? null,
      entity: entry.entity,
      entityId: entry.entityId,
      operation: entry.operation,
      before: auditJson(entry.before),
      after: auditJson(entry.after),
    },
  });
}

/** A refused attempt leaves its trace too (nothing else is written). */
export async function auditDenied(viewer: Actor, permission: Permission, territory: Territory | null, entity: string, entityId: string) {
  await db().$transaction((tx) => writeAudit(tx, { viewer, permission, territory, entity, entityId, operation: "denied", after: { permission } }));
}
