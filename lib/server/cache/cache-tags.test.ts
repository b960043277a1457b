import { describe, expect, it } from "vitest";
import { accountsScope, contractScope, departmentScope, invalidates, oversightScope, tagsOf, workspaceScope } from "./cache-tags";

const in77 = { departmentCode: "77", regionCode: "11" };

describe("tagsOf: what a write invalidates", () => {
  it("a department's data: its public page and API, its workspace, its region's view and the national aggregates; nothing of another department", () => {
    const tags = tagsOf(departmentScope(in77));
    expect([...tags].sort()).toEqual(["public:department:77", "public:national", "scope:department:77", "scope:national", "scope:region:11"]);
    expect(invalidates(departmentScope(in77), ["public", "public:department:63"])).toBe(false);
    expect(invalidates(departmentScope(in77), ["scope", "scope:department:63", "scope:peer-medians"])).toBe(false);
    expect(tagsOf(contractScope(in77))).toEqual(tags);
  });

  it("a report's step reaches the signed-in views only; a comment, the department's workspace only", () => {
    expect(tagsOf(oversightScope(in77)).some((t) => t.startsWith("public"))).toBe(false);
    expect(tagsOf(workspaceScope(in77))).toEqual(["scope:department:77"]);
  });

  it("an account change touches no public page and no view", () => {
    expect(tagsOf(accountsScope("u1", "u1"))).toEqual(["account:u1"]);
    expect(invalidates(accountsScope("u1"), ["public", "public:national", "scope", "scope:national"])).toBe(false);
  });
});
