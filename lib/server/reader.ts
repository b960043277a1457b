// Who reads, and who acts. A Reader is a stand-in built from a viewer's roles: it carries no identity
// (id "", no session) and serves cached reads, which must not depend on the person. An Actor is a
// signed-in user or the public: what a write records in the audit. The types keep a Reader out of
// writeAudit (lib/server/audit.ts) at compile time.
// One key for both: rolesKey, decoded by viewerFromRolesKey. No "server-only": the proxy bundle imports it.
import { ROLE_PERMISSIONS, ROLES, type Role, type RoleAssignment, type Viewer } from "./authz";

/** A stand-in viewer holding roles and nothing else: reads only, never written to the audit. */
export type Reader = Extract<Viewer, { kind: "user" }> & { readonly reader: true };

/** Whoever a write is done by: a signed-in user (with their id) or the public; never a Reader. */
export type Actor = Viewer & { readonly reader?: never };

export function isReader(viewer: Viewer): viewer is Reader {
  return (viewer as Partial<Reader>).reader === true;
}

const CODE = /^[0-9A-Z]{1,5}$/;

const part = (a: RoleAssignment) => `${a.role}:${a.departmentCode ?? ""}:${a.regionCode ?? ""}`;

/** "DEPARTMENT_EDITOR:93:,REGIONAL_OFFICIAL::11": each distinct role once, sorted. The public's key is "". */
export function rolesKey(viewer: Viewer): string {
  const roles = viewer.kind === "user" ? viewer.user.roles : [];
  return [...new Set(roles.map(part))].sort().join(",");
}

/** The one way a stand-in viewer is built: these roles, no identity, no session. */
export function readerWithRoles(roles: RoleAssignment[]): Reader {
  return { kind: "user", sessionId: "", reader: true, user: { id: "", email: "", displayName: "", roles } };
}

/** A Reader holding exactly the roles of a key, or null for a key rolesKey cannot produce. */
export function viewerFromRolesKey(key: string): Reader | null {
  const roles: RoleAssignment[] = [];
  for (const text of key ? key.split(",") : []) {
    const [role, department, region, ...rest] = text.split(":");
    if (rest.length > 0 || !(ROLES as readonly string[]).includes(role)) return null;
    if ((department && !CODE.test(department)) || (region && !CODE.test(region)) || department === undefined || region === undefined) return null;
    roles.push({ role: role as Role, departmentCode: department || null, regionCode: region || null });
  }
  const reader = readerWithRoles(roles);
  return rolesKey(reader) === key ? reader : null;
}

const sorted = (codes: (string | null)[]) => [...new Set(codes.filter((c): c is string => c !== null))].sort();

/**
 * A Reader with the same read reach as `viewer`: national, or the departments and regions it reads (as a
 * department reader and a regional official there). Two viewers with the same reader see the same rows,
 * so a cached read is keyed by readerKey and builds its `where`s from the reader, never from a session.
 */
export function readerOf(viewer: Viewer): Reader {
  const reading = viewer.kind === "user" ? viewer.user.roles.filter((a) => ROLE_PERMISSIONS[a.role].permissions.includes("contract.read")) : [];
  const national = reading.some((a) => ROLE_PERMISSIONS[a.role].reach === "national");
  const departments = national ? [] : sorted(reading.filter((a) => ROLE_PERMISSIONS[a.role].reach === "department").map((a) => a.departmentCode));
  const regions = national ? [] : sorted(reading.filter((a) => ROLE_PERMISSIONS[a.role].reach === "region").map((a) => a.regionCode));
  return readerWithRoles([
    ...(national ? [{ role: "NATIONAL_OFFICIAL" as const, departmentCode: null, regionCode: null }] : []),
    ...departments.map((code) => ({ role: "DEPARTMENT_READER" as const, departmentCode: code, regionCode: null })),
    ...regions.map((code) => ({ role: "REGIONAL_OFFICIAL" as const, departmentCode: null, regionCode: code })),
  ]);
}

/** The cache key of what a viewer may read: the roles key of its reader ("" for the public). */
export function readerKey(viewer: Viewer): string {
  return rolesKey(isReader(viewer) ? viewer : readerOf(viewer));
}
