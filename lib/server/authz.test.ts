import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, type Permission, type Role, type Viewer } from "./authz";

const OWN = { departmentCode: "77", regionCode: "11" }; // Seine-et-Marne, Île-de-France
const SAME_REGION = { departmentCode: "91", regionCode: "11" }; // Essonne
const OTHER = { departmentCode: "63", regionCode: "84" }; // Puy-de-Dôme, Auvergne-Rhône-Alpes

function viewerWith(role: Role): Viewer {
  return {
    kind: "user",
    sessionId: "s",
    user: { id: "u", email: "u@x.fr", displayName: "U", roles: [{ role, departmentCode: role.startsWith("DEPARTMENT") ? "77" : null, regionCode: role === "REGIONAL_OFFICIAL" ? "11" : null }] },
  };
}

// The expected matrix, written out by hand: [own department, other department of the same region, other region, national-level].
const EXPECTED: Record<Role, Partial<Record<Permission, [boolean, boolean, boolean, boolean]>>> = {
  DEPARTMENT_EDITOR: {
    "contract.read": [true, false, false, false],
    "action.edit": [true, false, false, false],
    "funding.edit": [true, false, false, false],
    "indicator.edit": [true, false, false, false],
    "context.edit": [true, false, false, false],
    "report.edit": [true, false, false, false],
    "report.submit": [true, false, false, false],
  },
  DEPARTMENT_READER: { "contract.read": [true, false, false, false] },
  REGIONAL_OFFICIAL: {
    "contract.read": [true, true, false, false],
    "comment.create": [true, true, false, false],
    "report.validate": [true, true, false, false],
  },
  NATIONAL_OFFICIAL: { "contract.read": [true, true, true, true], "report.approve.state": [true, true, true, true] },
  ADMIN: {
    "contract.read": [true, true, true, true],
    "admin.contracts": [true, true, true, true],
    "admin.users": [true, true, true, true],
  },
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = EXPECTED[role][permission] ?? [false, false, false, false];
      it(`${role} × ${permission} → ${expected.map((e) => (e ? "oui" : "non")).join("/")}`, () => {
        const viewer = viewerWith(role);
        expect([can(viewer, permission, OWN), can(viewer, permission, SAME_REGION), can(viewer, permission, OTHER), can(viewer, permission, null)]).toEqual(expected);
      });
    }
  }

  it("gives the public no permission anywhere", () => {
    for (const permission of PERMISSIONS) expect(can({ kind: "public" }, permission, OWN)).toBe(false);
  });

  it("lists every permission a role grants in the expected matrix", () => {
    for (const role of ROLES) expect([...ROLE_PERMISSIONS[role].permissions].sort()).toEqual(Object.keys(EXPECTED[role]).sort());
  });

  it("adds up the rights of a user with two roles", () => {
    const viewer: Viewer = {
      kind: "user",
      sessionId: "s",
      user: { id: "u", email: "u@x.fr", displayName: "U", roles: [{ role: "DEPARTMENT_READER", departmentCode: "77", regionCode: null }, { role: "DEPARTMENT_EDITOR", departmentCode: "63", regionCode: null }] },
    };
    expect(can(viewer, "action.edit", OWN)).toBe(false);
    expect(can(viewer, "action.edit", OTHER)).toBe(true);
    expect(can(viewer, "contract.read", OWN)).toBe(true);
  });
});
