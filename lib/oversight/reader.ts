// Who reads, reduced to what the data layer's `where`s use (lib/server/authz.ts): the reach of the roles
// that grant `contract.read`. Two viewers with the same reader see the same rows, so a cached read
// (lib/server/cache.ts) is keyed by the reader and builds its `where`s from it, never from a session.
import { ROLE_PERMISSIONS, can, type Viewer } from "../server/authz";
import type { OversightScope } from "./schemas";

export type Reader = Extract<Viewer, { kind: "user" }>;

const sorted = (codes: (string | null)[]) => [...new Set(codes.filter((c): c is string => c !== null))].sort();

/**
 * A stand-in viewer with the same read reach as `viewer`: national, or the departments and regions it
 * reads (as a reader and a regional official there). It carries no identity and may not write.
 */
export function readerOf(viewer: Viewer): Reader {
  const reading = viewer.kind === "user" ? viewer.user.roles.filter((a) => ROLE_PERMISSIONS[a.role].permissions.includes("contract.read")) : [];
  const national = reading.some((a) => ROLE_PERMISSIONS[a.role].reach === "national");
  const departments = national ? [] : sorted(reading.filter((a) => ROLE_PERMISSIONS[a.role].reach === "department").map((a) => a.departmentCode));
  const regions = national ? [] : sorted(reading.filter((a) => ROLE_PERMISSIONS[a.role].reach === "region").map((a) => a.regionCode));
  return {
    kind: "user",
    sessionId: "",
    user: {
      id: "",
      email: "",
      displayName: "",
      roles: [
        ...(national ? [{ role: "NATIONAL_OFFICIAL" as const, departmentCode: null, regionCode: null }] : []),
        ...departments.map((code) => ({ role: "DEPARTMENT_READER" as const, departmentCode: code, regionCode: null })),
        ...regions.map((code) => ({ role: "REGIONAL_OFFICIAL" as const, departmentCode: null, regionCode: code })),
      ],
    },
  };
}

/** The cache key of a reader: "national", or its departments and regions ("d:77,93|r:11"). */
export function readerKey(reader: Reader): string {
  const roles = reader.user.roles;
  if (roles.some((a) => a.role === "NATIONAL_OFFICIAL")) return "national";
  const codes = (role: string, pick: (a: (typeof roles)[number]) => string | null) => roles.filter((a) => a.role === role).map(pick).join(",");
  return `d:${codes("DEPARTMENT_READER", (a) => a.departmentCode)}|r:${codes("REGIONAL_OFFICIAL", (a) => a.regionCode)}`;
}

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
