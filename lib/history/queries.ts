import "server-only";
import { can, type Territory, type Viewer } from "../server/authz";
import { db } from "../server/db";
import type { Role } from "../server/authz";

export type HistoryEntry = {
  id: string;
  at: string;
  actor: string;
  role: Role | null;
  entity: string;
  entityId: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

function toEntry(row: {
  id: bigint; at: Date; actorEmail: string | null; actorRole: Role | null; entity: string; entityId: string; operation: string; before: unknown; after: unknown;
}): HistoryEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actorEmail ?? "Système (chargement des données)",
    role: row.actorRole,
    entity: row.entity,
    entityId: row.entityId,
    operation: row.operation,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  };
}

/**
 * Newest first by the time of the change; the id only breaks ties. Ids follow insertion, which is not
 * always the order of the changes (rows written with their own date, as the demo's earlier years).
 */
const NEWEST_FIRST = [{ at: "desc" as const }, { id: "desc" as const }];

/** The history of one record, newest first: only for those who may read its territory. */
export async function listEntityHistory(viewer: Viewer, territory: Territory, entity: string, entityId: string): Promise<HistoryEntry[]> {
  if (!can(viewer, "contract.read", territory)) return [];
  const rows = await db().auditLog.findMany({
    where: { entity, entityId, operation: { not: "denied" } },
    orderBy: NEWEST_FIRST,
    take: 100,
  });
  return rows.map(toEntry);
}

/** A department's recent activity (changes only, not refused attempts). */
export async function listDepartmentActivity(viewer: Viewer, territory: Territory, take = 20): Promise<HistoryEntry[]> {
  if (!can(viewer, "contract.read", territory)) return [];
  const rows = await db().auditLog.findMany({
    where: { scopeDepartmentCode: territory.departmentCode, operation: { not: "denied" }, actorId: { not: null } },
    orderBy: NEWEST_FIRST,
    take,
  });
  return rows.map(toEntry);
}

/** An action's history, for whoever may read its contract. */
export async function listActionHistory(viewer: Viewer, actionId: string): Promise<HistoryEntry[]> {
  const action = await db().action.findUnique({ where: { id: actionId }, select: { contract: { select: { departmentCode: true, department: { select: { regionCode: true } } } } } });
  if (!action) return [];
  return listEntityHistory(viewer, { departmentCode: action.contract.departmentCode, regionCode: action.contract.department.regionCode }, "Action", actionId);
}
