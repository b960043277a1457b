import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateUserSchema, RoleAssignmentSchema, roleLabel } from "./schemas";

const errorsOf = (r: { success: false; error: z.ZodError }) => z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>;

describe("CreateUserSchema", () => {
  it("normalises the e-mail and keeps the password untouched", () => {
    const r = CreateUserSchema.parse({ email: "  Jeanne.Martin@Exemple.FR ", displayName: " Jeanne Martin ", signIn: "password", password: " douze-caractères " });
    expect(r).toEqual({ email: "jeanne.martin@exemple.fr", displayName: "Jeanne Martin", signIn: "password", password: " douze-caractères " });
  });

  it("refuses an invalid e-mail, a short name and a short password, in French", () => {
    const r = CreateUserSchema.safeParse({ email: "pas-une-adresse", displayName: "J", signIn: "password", password: "court" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const errors = errorsOf(r);
    expect(errors.email).toEqual(["Saisissez une adresse électronique valide."]);
    expect(errors.displayName?.[0]).toMatch(/au moins 2 caractères/);
    expect(errors.password).toEqual(["Le mot de passe doit compter au moins 12 caractères."]);
  });

  it("accepts exactly 12 characters and refuses 11", () => {
    const base = { email: "a@b.fr", displayName: "Compte", signIn: "password" };
    expect(CreateUserSchema.safeParse({ ...base, password: "123456789012" }).success).toBe(true);
    expect(CreateUserSchema.safeParse({ ...base, password: "12345678901" }).success).toBe(false);
  });

  it("asks for a password when the account signs in with one", () => {
    const r = CreateUserSchema.safeParse({ email: "a@b.fr", displayName: "Compte", signIn: "password", password: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r).password?.[0]).toMatch(/mot de passe initial/);
  });

  it("makes an OIDC-only account without a password, whatever was typed", () => {
    expect(CreateUserSchema.parse({ email: "a@b.fr", displayName: "Compte", signIn: "oidc", password: "" }).password).toBeNull();
    expect(CreateUserSchema.parse({ email: "a@b.fr", displayName: "Compte", signIn: "oidc", password: "court" }).password).toBeNull();
  });

  it("requires a sign-in mode", () => {
    const r = CreateUserSchema.safeParse({ email: "a@b.fr", displayName: "Compte" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r).signIn).toEqual(["Choisissez un mode de connexion."]);
  });
});

describe("RoleAssignmentSchema", () => {
  it.each([
    ["DEPARTMENT_EDITOR", "departmentCode", "Choisissez le département de ce rôle."],
    ["DEPARTMENT_READER", "departmentCode", "Choisissez le département de ce rôle."],
    ["REGIONAL_OFFICIAL", "regionCode", "Choisissez la région de ce rôle."],
  ] as const)("%s needs its scope", (role, field, message) => {
    const r = RoleAssignmentSchema.safeParse({ role, departmentCode: "", regionCode: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r)[field]).toEqual([message]);
  });

  it("keeps a department role's department, upper-cased, and drops a stray region", () => {
    expect(RoleAssignmentSchema.parse({ role: "DEPARTMENT_EDITOR", departmentCode: "2a", regionCode: "94" })).toEqual({
      role: "DEPARTMENT_EDITOR",
      departmentCode: "2A",
      regionCode: null,
    });
  });

  it("keeps a regional official's region and drops a stray department", () => {
    expect(RoleAssignmentSchema.parse({ role: "REGIONAL_OFFICIAL", departmentCode: "77", regionCode: "11" })).toEqual({
      role: "REGIONAL_OFFICIAL",
      departmentCode: null,
      regionCode: "11",
    });
  });

  it.each(["NATIONAL_OFFICIAL", "ADMIN"] as const)("%s needs no scope and keeps none", (role) => {
    expect(RoleAssignmentSchema.parse({ role, departmentCode: "77", regionCode: "11" })).toEqual({ role, departmentCode: null, regionCode: null });
    expect(RoleAssignmentSchema.parse({ role })).toEqual({ role, departmentCode: null, regionCode: null });
  });

  it("reports every error of the account form at once", () => {
    const r = CreateUserSchema.safeParse({ email: "x", displayName: "", signIn: "password", password: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(errorsOf(r)).sort()).toEqual(["displayName", "email", "password"]);
  });

  it("refuses an unknown role and malformed codes", () => {
    const r = RoleAssignmentSchema.safeParse({ role: "SUPERUSER" });
    expect(r.success).toBe(false);
    if (!r.success) expect(errorsOf(r).role).toEqual(["Choisissez un rôle dans la liste."]);
    const d = RoleAssignmentSchema.safeParse({ role: "DEPARTMENT_READER", departmentCode: "7" });
    expect(d.success).toBe(false);
    if (!d.success) expect(errorsOf(d).departmentCode).toEqual(["Code de département invalide."]);
    expect(RoleAssignmentSchema.safeParse({ role: "DEPARTMENT_READER", departmentCode: "971" }).success).toBe(true);
  });
});

describe("roleLabel", () => {
  it("names the role and its scope", () => {
    expect(roleLabel({ role: "DEPARTMENT_EDITOR", departmentCode: "77", departmentName: "Seine-et-Marne", regionCode: null, regionName: null })).toBe(
      "Éditeur départemental — 77 Seine-et-Marne",
    );
    expect(roleLabel({ role: "REGIONAL_OFFICIAL", departmentCode: null, departmentName: null, regionCode: "11", regionName: "Île-de-France" })).toBe(
      "Référent régional (ARS) — région Île-de-France",
    );
    expect(roleLabel({ role: "ADMIN", departmentCode: null, departmentName: null, regionCode: null, regionName: null })).toBe("Administrateur");
  });
});
