// Who may open the oversight views: national reach, or a regional role on the region. The reader of a
// view (what it may read, and the key of its cached copies) is lib/server/reader.ts.
import { ROLE_PERMISSIONS, can, type Viewer } from "../server/authz";
import type { OversightScope } from "./schemas";

/** National officials and administrators: every department. */
export function canOverseeNation(viewer: Viewer): boolean {
  return can(viewer, "contract.read", null);
}

/** National reach, or a regional role on this very region. */
export function canOverseeRegion(viewer: Viewer, regionCode: string): boolean {
  if (viewer.kind !== "user") return false;
  return viewer.user.roles.some((a) => {
    const role = ROLE_PERMISSIONS[a.role];
    if (!role.permissions.includes("contract.read")) return false;
    return role.reach === "national" || (role.reach === "region" && a.regionCode === regionCode);
  });
}

/** Whether the viewer may open the view over that scope (national, or one region). */
export const mayOversee = (viewer: Viewer, scope: OversightScope) => (scope.kind === "national" ? canOverseeNation(viewer) : canOverseeRegion(viewer, scope.regionCode));
