import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, type RoleAssignment, type Viewer } from "./authz";
import type { AuditEntry } from "./audit";
import { isReader, readerKey, readerOf, rolesKey, viewerFromRolesKey, type Actor } from "./reader";

const assignment: fc.Arbitrary<RoleAssignment> = fc.record({
  role: fc.constantFrom(...ROLES),
  departmentCode: fc.constantFrom(null, "77", "93", "2A", "971"),
  regionCode: fc.constantFrom(null, "11", "84"),
});
const viewer: fc.Arbitrary<Viewer> = fc.array(assignment, { maxLength: 4 }).map((roles) => ({ kind: "user", sessionId: "s", user: { id: "u", email: "u@x.fr", displayName: "U", roles } }));
const territories = [
  { departmentCode: "77", regionCode: "11" },
  { departmentCode: "93", regionCode: "11" },
  { departmentCode: "63", regionCode: "84" },
  { departmentCode: "971", regionCode: "01" },
];

describe("rolesKey", () => {
  it("gives back a viewer allowed exactly what the user is allowed, everywhere, without their identity", () => {
    fc.assert(
      fc.property(viewer, (v) => {
        const standIn = viewerFromRolesKey(rolesKey(v));
        expect(standIn).not.toBeNull();
        expect(standIn!.user).toMatchObject({ id: "", email: "", displayName: "" });
        for (const permission of PERMISSIONS) {
          expect(can(standIn!, permission, null)).toBe(can(v, permission, null));
          for (const territory of territories) expect(can(standIn!, permission, territory)).toBe(can(v, permission, territory));
        }
      }),
    );
  });

  it("is the same for the same roles in any order, and differs when one role differs", () => {
    const editor = { role: "DEPARTMENT_EDITOR" as const, departmentCode: "93", regionCode: null };
    const ars = { role: "REGIONAL_OFFICIAL" as const, departmentCode: null, regionCode: "11" };
    const user = (roles: RoleAssignment[]): Viewer => ({ kind: "user", sessionId: "s", user: { id: "x", email: "", displayName: "", roles } });
    expect(rolesKey(user([editor, ars]))).toBe(rolesKey(user([ars, editor])));
    expect(rolesKey(user([editor, ars]))).toBe("DEPARTMENT_EDITOR:93:,REGIONAL_OFFICIAL::11");
    expect(rolesKey(user([editor]))).not.toBe(rolesKey(user([{ ...editor, role: "DEPARTMENT_READER" }])));
  });

  it("refuses what rolesKey never writes", () => {
    for (const key of ["ADMIN", "ROOT::", "ADMIN:::", "DEPARTMENT_EDITOR:9 3:", "REGIONAL_OFFICIAL::11,ADMIN::", "ADMIN::,ADMIN::"]) expect(viewerFromRolesKey(key)).toBeNull();
    expect(viewerFromRolesKey("")).toMatchObject({ user: { roles: [] } });
  });
});

describe("Reader and Actor", () => {
  const signedIn: Viewer = { kind: "user", sessionId: "s", user: { id: "u", email: "u@x.fr", displayName: "U", roles: [{ role: "DEPARTMENT_EDITOR", departmentCode: "77", regionCode: null }] } };

  it("a reader has no identity; a signed-in user and the public are actors, a reader is not (checked by tsc)", () => {
    const reader = readerOf(signedIn);
    expect(reader.user).toMatchObject({ id: "", email: "" });
    expect(isReader(reader)).toBe(true);
    expect(isReader(signedIn)).toBe(false);
    const actors: Actor[] = [signedIn, { kind: "public" }];
    expect(actors).toHaveLength(2);
    // @ts-expect-error a Reader cannot stand where the audit names who acted
    const refused: AuditEntry = { viewer: reader, permission: null, territory: null, entity: "Action", entityId: "a", operation: "update" };
    expect(refused.viewer).toBe(reader);
    // @ts-expect-error nor the stand-in decoded from a cache key
    const decoded: Actor = viewerFromRolesKey(rolesKey(signedIn))!;
    expect(isReader(decoded)).toBe(true);
  });

  it("keys a viewer by what it may read: one key for the same reach, whoever holds it", () => {
    const other: Viewer = { ...signedIn, user: { ...signedIn.user, id: "v", roles: [{ role: "DEPARTMENT_READER", departmentCode: "77", regionCode: null }] } };
    expect(readerKey(signedIn)).toBe("DEPARTMENT_READER:77:");
    expect(readerKey(other)).toBe(readerKey(signedIn));
    expect(readerKey(readerOf(signedIn))).toBe(readerKey(signedIn));
  });
});
