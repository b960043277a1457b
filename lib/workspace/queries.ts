import "server-only";
import { getDepartmentDashboard } from "../contracts/queries";
import type { DepartmentDashboard } from "../contracts/schemas";
import { listDepartmentActivity, type HistoryEntry } from "../history/queries";
import { can, departmentScopeWhere, type Territory, type Viewer } from "../server/authz";
import { scopeCached, scopeDepartmentTag } from "../server/cache/cache";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";
import { readerKey, readerOf } from "../server/reader";
import { todayIso } from "../core/dates";

export type WorkspacePermissions = { editActions: boolean; editFunding: boolean; editIndicators: boolean; editContext: boolean; comment: boolean };

export type WorkspaceDepartment = {
  territory: Territory;
  dashboard: DepartmentDashboard;
  permissions: WorkspacePermissions;
  activity: (HistoryEntry & { title?: string; link?: string })[];
};

export function workspacePermissions(viewer: Viewer, territory: Territory): WorkspacePermissions {
  return {
    editActions: can(viewer, "action.edit", territory),
    editFunding: can(viewer, "funding.edit", territory),
    editIndicators: can(viewer, "indicator.edit", territory),
    editContext: can(viewer, "context.edit", territory),
    comment: can(viewer, "comment.create", territory),
  };
}

/**
 * The department's dashboard as `viewer` may read it, cached under the department's tag per reader and
 * day ("late" follows the date); a contract named in the request is read afresh.
 */
function dashboardOf(viewer: Viewer, code: string, contractId: string | undefined) {
  if (contractId) return getDepartmentDashboard(viewer, code, contractId);
  const reader = readerOf(viewer);
  const day = todayIso();
  return scopeCached(["department-dashboard", code, readerKey(reader), day], [scopeDepartmentTag(code)], () => getDepartmentDashboard(reader, code));
}

/**
 * A department's workspace, or null when the viewer may not read its non-public data. The activity (its
 * `activityTake` most recent changes, 20 by default) is read afresh: comments and reports write history without
 * touching the cached figures.
 */
export async function getWorkspaceDepartment(viewer: Viewer, code: string, contractId?: string, activityTake = 20): Promise<WorkspaceDepartment | null> {
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return null;
  const [dashboard, activity] = await Promise.all([dashboardOf(viewer, code, contractId), listDepartmentActivity(viewer, territory, activityTake)]);
  const actionIds = activity.filter((a) => a.entity === "Action").map((a) => a.entityId);
  const titles = new Map((await db().action.findMany({ where: { id: { in: actionIds } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]));
  return {
    territory,
    dashboard: dashboard!,
    permissions: workspacePermissions(viewer, territory),
    activity: activity.map((a) => {
      if (a.entity === "Action") return { ...a, title: titles.get(a.entityId), link: `/espace/departements/${code}/actions/${a.entityId}` };
      if (a.entity === "FundingLine" && a.operation !== "delete") return { ...a, link: `/espace/departements/${code}/financements/${a.entityId}`, title: "voir la ligne" };
      return a;
    }),
  };
}

export type WorkspaceDepartmentLink = { code: string; name: string; regionName: string; contracts: number };

/** The departments a signed-in user works on or oversees. */
export async function listWorkspaceDepartments(viewer: Viewer): Promise<WorkspaceDepartmentLink[]> {
  if (viewer.kind !== "user") return [];
  const departments = await db().department.findMany({
    where: departmentScopeWhere(viewer),
    include: { region: true, _count: { select: { contracts: true } } },
    orderBy: { code: "asc" },
  });
  return departments
    .filter((d) => d._count.contracts > 0 || departments.length <= 15)
    .map((d) => ({ code: d.code, name: d.name, regionName: d.region.name, contracts: d._count.contracts }));
}
