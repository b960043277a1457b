import { describe, expect, it } from "vitest";
import { cachedViewOf, isCachedViewPath } from "./rewrite";

describe("the cached views' addresses", () => {
  it("are the national view, each region's and each department's workspace, nothing else", () => {
    expect(cachedViewOf("/espace/national")).toEqual({ kind: "national" });
    expect(cachedViewOf("/espace/regions/84")).toEqual({ kind: "region", regionCode: "84" });
    expect(cachedViewOf("/espace/departements/2A")).toEqual({ kind: "department", departmentCode: "2A" });
    for (const path of ["/espace/national/", "/espace/regions/8", "/espace/regions/84/x", "/espace", "/espace/departements/93/actions", "/espace/departements/93/", "/national"])
      expect(cachedViewOf(path)).toBeNull();
  });

  it("of the copies are recognised however they are spelt, so that the proxy refuses them all", () => {
    for (const path of ["/vues-en-cache", "/vues-en-cache/abc.def", "/VUES-EN-CACHE/abc.def", "/vues%2Den-cache/abc.def", "/vues-en-cache%2Fabc.def"]) expect(isCachedViewPath(path)).toBe(true);
    for (const path of ["/vues-en-cache-x", "/espace/national", "/"]) expect(isCachedViewPath(path)).toBe(false);
  });
});
