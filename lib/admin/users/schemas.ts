// Administration of accounts: form schemas and DTOs (safe for the client).
import { z } from "zod";
import { ROLE_LABELS, ROLES, type Role } from "../../server/authz";
import { emptyToNull, whenValid } from "../../core/fields";
import { DEPARTMENT_CODE, REGION_CODE } from "../../core/territory";

export { ROLES, ROLE_LABELS, type Role };

/** Which scope each role needs: a department, a region, or none. */
export const ROLE_SCOPE: Record<Role, "department" | "region" | "none"> = {
  DEPARTMENT_EDITOR: "department",
  DEPARTMENT_READER: "department",
  REGIONAL_OFFICIAL: "region",
  NATIONAL_OFFICIAL: "none",
  ADMIN: "none",
};

export const MIN_PASSWORD_LENGTH = 12;

export const SIGN_IN_MODES = ["password", "oidc"] as const;
export type SignInMode = (typeof SIGN_IN_MODES)[number];

export const CreateUserSchema = z
  .object({
    email: z
      .string({ error: "Saisissez une adresse électronique." })
      .trim()
      .toLowerCase()
      .max(254, "254 caractères au plus.")
      .pipe(z.email("Saisissez une adresse électronique valide.")),
    displayName: z
      .string({ error: "Saisissez le nom affiché." })
      .trim()
      .min(2, "Le nom affiché doit compter au moins 2 caractères.")
      .max(120, "120 caractères au plus."),
    signIn: z.enum(SIGN_IN_MODES, { error: "Choisissez un mode de connexion." }),
    // Never trimmed: spaces are part of a passphrase.
    password: z.preprocess(emptyToNull, z.string().max(200, "200 caractères au plus.").nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    if (v.signIn !== "password") return;
    if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Saisissez un mot de passe initial, ou choisissez la connexion OIDC seule." });
    else if (v.password.length < MIN_PASSWORD_LENGTH)
      ctx.addIssue({ code: "custom", path: ["password"], message: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.` });
  }, whenValid("signIn", "password"))
  // An OIDC-only account has no password, whatever was left in the field.
  .transform((v) => ({ ...v, password: v.signIn === "password" ? v.password : null }));

export type CreateUserInput = z.infer<typeof CreateUserSchema>;

const code = (pattern: RegExp, message: string) =>
  z.preprocess(emptyToNull, z.string().trim().toUpperCase().regex(pattern, message).nullable().default(null));

export const RoleAssignmentSchema = z
  .object({
    role: z.enum(ROLES, { error: "Choisissez un rôle dans la liste." }),
    departmentCode: code(DEPARTMENT_CODE, "Code de département invalide."),
    regionCode: code(REGION_CODE, "Code de région invalide."),
  })
  .superRefine((v, ctx) => {
    const scope = ROLE_SCOPE[v.role];
    if (scope === "department" && !v.departmentCode)
      ctx.addIssue({ code: "custom", path: ["departmentCode"], message: "Choisissez le département de ce rôle." });
    if (scope === "region" && !v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "Choisissez la région de ce rôle." });
  }, whenValid("role", "departmentCode", "regionCode"))
  // Only the scope the role needs is kept.
  .transform((v) => {
    const scope = ROLE_SCOPE[v.role];
    return { role: v.role, departmentCode: scope === "department" ? v.departmentCode : null, regionCode: scope === "region" ? v.regionCode : null };
  });

export type RoleAssignmentInput = z.infer<typeof RoleAssignmentSchema>;

export type AdminRoleRow = {
  id: string;
  role: Role;
  departmentCode: string | null;
  departmentName: string | null;
  regionCode: string | null;
  regionName: string | null;
};

export type AdminUserRow = {
  id: string;
  email: string;
  displayName: string;
  isActive: boolean;
  isDemo: boolean;
  hasPassword: boolean;
  createdAt: string;
  roles: AdminRoleRow[];
};

export type AdminUserDetail = AdminUserRow & { activeSessions: number; isSelf: boolean };

export type ScopeOptions = {
  departments: { code: string; name: string }[];
  regions: { code: string; name: string }[];
};

/** "Éditeur départemental — 77 Seine-et-Marne". */
export function roleLabel(r: Pick<AdminRoleRow, "role" | "departmentCode" | "departmentName" | "regionCode" | "regionName">): string {
  const scope = r.departmentCode
    ? ` — ${r.departmentCode}${r.departmentName ? ` ${r.departmentName}` : ""}`
    : r.regionCode
      ? ` — région ${r.regionName ?? r.regionCode}`
      : "";
  return `${ROLE_LABELS[r.role]}${scope}`;
}
