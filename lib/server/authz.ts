// Who may do what, in one table. The data layer builds every `where` from the viewer's scope, so an
// unscoped query cannot be written by accident; pages call requirePermission too, and the client uses
// `can` (through the DTOs' `allowed` flags) only to hide buttons.
import type { Prisma } from "./generated/prisma/client";

export const ROLES = ["DEPARTMENT_EDITOR", "DEPARTMENT_READER", "REGIONAL_OFFICIAL", "NATIONAL_OFFICIAL", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "contract.read", // a contract's non-public data (drafts, history)
  "action.edit", // fiches action: edit, add, archive
  "funding.edit", // the funding ledger
  "indicator.edit", // indicator values
  "context.edit", // department context figures
  "comment.create",
  "report.edit", // the execution report's narrative (department side)
  "report.submit", // submit the execution report for co-validation
  "report.validate", // approve or send back the report as the ARS
  "report.approve.state", // approve or send back the report as the State
  "admin.contracts", // contracts and avenants
  "admin.users",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Reach = "department" | "region" | "national";

/** The permission table: each role, how far it reaches, and what it may do there. */
export const ROLE_PERMISSIONS: Record<Role, { reach: Reach; permissions: readonly Permission[] }> = {
  DEPARTMENT_EDITOR: { reach: "department", permissions: ["contract.read", "action.edit", "funding.edit", "indicator.edit", "context.edit", "report.edit", "report.submit"] },
  DEPARTMENT_READER: { reach: "department", permissions: ["contract.read"] },
  REGIONAL_OFFICIAL: { reach: "region", permissions: ["contract.read", "comment.create", "report.validate"] },
  NATIONAL_OFFICIAL: { reach: "national", permissions: ["contract.read", "report.approve.state"] },
  ADMIN: { reach: "national", permissions: ["contract.read", "admin.contracts", "admin.users"] },
};

export const ROLE_LABELS: Record<Role, string> = {
  DEPARTMENT_EDITOR: "Éditeur départemental",
  DEPARTMENT_READER: "Lecteur départemental",
  REGIONAL_OFFICIAL: "Référent régional (ARS)",
  NATIONAL_OFFICIAL: "Pilote national",
  ADMIN: "Administrateur",
};

export type RoleAssignment = { role: Role; departmentCode: string | null; regionCode: string | null };
export type SessionUser = { id: string; email: string; displayName: string; roles: RoleAssignment[] };
export type Viewer = { kind: "public" } | { kind: "user"; user: SessionUser; sessionId: string };

export const PUBLIC_VIEWER: Viewer = { kind: "public" };

/** Where a record sits: its department and that department's region. */
export type Territory = { departmentCode: string; regionCode: string };

function reaches(assignment: RoleAssignment, target: Territory | null): boolean {
  const reach = ROLE_PERMISSIONS[assignment.role].reach;
  if (reach === "national") return true;
  if (!target) return false;
  if (reach === "region") return assignment.regionCode === target.regionCode;
  return assignment.departmentCode === target.departmentCode;
}

/** Pure check: may this viewer use this permission on this territory (null: national-level target)? */
export function can(viewer: Viewer, permission: Permission, target: Territory | null): boolean {
  if (viewer.kind !== "user") return false;
  return viewer.user.roles.some((a) => ROLE_PERMISSIONS[a.role].permissions.includes(permission) && reaches(a, target));
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission, readonly target: Territory | null) {
    super("Vous n'avez pas les droits nécessaires pour cette opération.");
    this.name = "ForbiddenError";
  }
}

/** Contracts a viewer may read: the public sees published contracts; a user also sees drafts in scope. */
export function contractScopeWhere(viewer: Viewer): Prisma.ContractWhereInput {
  const published: Prisma.ContractWhereInput = { status: { not: "DRAFT" } };
  if (viewer.kind === "public") return published;
  const scoped = viewer.user.roles.filter((a) => ROLE_PERMISSIONS[a.role].permissions.includes("contract.read"));
  if (scoped.some((a) => ROLE_PERMISSIONS[a.role].reach === "national")) return {};
  const departmentCodes = scoped.flatMap((a) => (ROLE_PERMISSIONS[a.role].reach === "department" && a.departmentCode ? [a.departmentCode] : []));
  const regionCodes = scoped.flatMap((a) => (ROLE_PERMISSIONS[a.role].reach === "region" && a.regionCode ? [a.regionCode] : []));
  return {
    OR: [published, { departmentCode: { in: departmentCodes } }, { department: { regionCode: { in: regionCodes } } }],
  };
}

/** Departments whose non-public data a viewer may read (for workspace lists). */
export function departmentScopeWhere(viewer: Viewer, permission: Permission = "contract.read"): Prisma.DepartmentWhereInput {
  if (viewer.kind === "public") return { code: { in: [] } };
  const scoped = viewer.user.roles.filter((a) => ROLE_PERMISSIONS[a.role].permissions.includes(permission));
  if (scoped.some((a) => ROLE_PERMISSIONS[a.role].reach === "national")) return {};
  return {
    OR: [
      { code: { in: scoped.flatMap((a) => (ROLE_PERMISSIONS[a.role].reach === "department" && a.departmentCode ? [a.departmentCode] : [])) } },
      { regionCode: { in: scoped.flatMap((a) => (ROLE_PERMISSIONS[a.role].reach === "region" && a.regionCode ? [a.regionCode] : [])) } },
    ],
  };
}

/** The role a viewer acts under for an audit row: the first assignment that grants the permission. */
export function actingRole(viewer: Viewer, permission: Permission, target: Territory | null): Role | null {
  if (viewer.kind !== "user") return null;
  return viewer.user.roles.find((a) => ROLE_PERMISSIONS[a.role].permissions.includes(permission) && reaches(a, target))?.role ?? viewer.user.roles[0]?.role ?? null;
}
