// A viewer's roles as a cache key, and back: for the pages cached per set of roles (lib/page-cache/). A
// department's workspace is keyed by the user's own roles (its buttons and forms follow every role); the
// national and regional views by their reader's (lib/oversight/reader.ts: what they may read), so that
// two national officials share one copy. The key carries no identity. No "server-only": the proxy bundle imports it.
import { ROLES, type Role, type RoleAssignment, type Viewer } from "../server/authz";

const CODE = /^[0-9A-Z]{1,5}$/;

const part = (a: RoleAssignment) => `${a.role}:${a.departmentCode ?? ""}:${a.regionCode ?? ""}`;

/** "DEPARTMENT_EDITOR:93:,REGIONAL_OFFICIAL::11": each distinct role once, sorted. */
export function rolesKey(viewer: Viewer): string {
  const roles = viewer.kind === "user" ? viewer.user.roles : [];
  return [...new Set(roles.map(part))].sort().join(",");
}

/** A stand-in viewer holding exactly the roles of a key (no identity, no session), or null for a key rolesKey cannot produce. */
export function viewerFromRolesKey(key: string): Extract<Viewer, { kind: "user" }> | null {
  const roles: RoleAssignment[] = [];
  for (const text of key ? key.split(",") : []) {
    const [role, department, region, ...rest] = text.split(":");
    if (rest.length > 0 || !(ROLES as readonly string[]).includes(role)) return null;
    if ((department && !CODE.test(department)) || (region && !CODE.test(region)) || department === undefined || region === undefined) return null;
    roles.push({ role: role as Role, departmentCode: department || null, regionCode: region || null });
  }
  const viewer = { kind: "user" as const, sessionId: "", user: { id: "", email: "", displayName: "", roles } };
  return rolesKey(viewer) === key ? viewer : null;
}
