import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, can, contractScopeWhere, departmentScopeWhere, type RoleAssignment, type Viewer } from "../server/authz";
import { readerKey, readerOf, rolesKey, viewerFromRolesKey } from "../server/reader";
import { canOverseeNation, canOverseeRegion } from "./access";

const codes = ["77", "93", "2A", "971"];
const regions = ["11", "84", "94"];
const assignment: fc.Arbitrary<RoleAssignment> = fc.record({
  role: fc.constantFrom(...ROLES),
  departmentCode: fc.constantFrom(null, ...codes),
  regionCode: fc.constantFrom(null, ...regions),
});
const viewer: fc.Arbitrary<Viewer> = fc.array(assignment, { maxLength: 4 }).map((roles) => ({ kind: "user", sessionId: "s", user: { id: "u", email: "u@x.fr", displayName: "U", roles } }));

/** The rows a where selects, as a comparable value: the where itself with its lists sorted. */
const normalise = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_k, v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? [...new Set(v)].sort() : v));

describe("readerOf", () => {
  it("reads exactly what the viewer reads: the same contracts, the same departments, the same territories", () => {
    fc.assert(
      fc.property(viewer, (v) => {
        const reader = readerOf(v);
        expect(normalise(contractScopeWhere(reader))).toEqual(normalise(contractScopeWhere(v)));
        expect(normalise(departmentScopeWhere(reader))).toEqual(normalise(departmentScopeWhere(v)));
        for (const departmentCode of codes)
          for (const regionCode of regions) expect(can(reader, "contract.read", { departmentCode, regionCode })).toBe(can(v, "contract.read", { departmentCode, regionCode }));
      }),
    );
  });

  it("may not write anything, whatever the viewer may do", () => {
    fc.assert(
      fc.property(viewer, (v) => {
        const reader = readerOf(v);
        for (const permission of ["action.edit", "funding.edit", "admin.contracts", "admin.users", "report.submit"] as const) expect(can(reader, permission, { departmentCode: "77", regionCode: "11" })).toBe(false);
      }),
    );
  });

  it("gives two viewers the same key exactly when they read the same rows", () => {
    const national = readerKey(readerOf({ kind: "user", sessionId: "s", user: { id: "a", email: "", displayName: "", roles: [{ role: "ADMIN", departmentCode: null, regionCode: null }] } }));
    expect(national).toBe("NATIONAL_OFFICIAL::");
    const editorAndReader = readerOf({
      kind: "user",
      sessionId: "s",
      user: { id: "b", email: "", displayName: "", roles: [{ role: "DEPARTMENT_EDITOR", departmentCode: "93", regionCode: null }, { role: "DEPARTMENT_READER", departmentCode: "77", regionCode: null }, { role: "REGIONAL_OFFICIAL", departmentCode: null, regionCode: "84" }] },
    });
    expect(readerKey(editorAndReader)).toBe("DEPARTMENT_READER:77:,DEPARTMENT_READER:93:,REGIONAL_OFFICIAL::84");
    expect(readerKey(readerOf({ kind: "public" }))).toBe("");
    expect(readerKey({ kind: "public" })).toBe("");
  });
});

describe("a reader's key (the cached reads and the cached copies of the oversight views, lib/page-cache/)", () => {
  it("gives back a stand-in reading the same rows and opening the same views as the viewer", () => {
    fc.assert(
      fc.property(viewer, (v) => {
        const reader = viewerFromRolesKey(rolesKey(readerOf(v)));
        expect(reader).not.toBeNull();
        expect(readerKey(reader!)).toBe(readerKey(readerOf(v)));
        expect(normalise(contractScopeWhere(reader!))).toEqual(normalise(contractScopeWhere(v)));
        expect(canOverseeNation(reader!)).toBe(canOverseeNation(v));
        for (const regionCode of regions) expect(canOverseeRegion(reader!, regionCode)).toBe(canOverseeRegion(v, regionCode));
      }),
    );
  });
});
