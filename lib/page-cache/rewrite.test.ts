import { describe, expect, it } from "vitest";
import { cachedViewScope, isCachedViewPath } from "./rewrite";

describe("the cached views' addresses", () => {
  it("are the national view and each region's, nothing else", () => {
    expect(cachedViewScope("/espace/national")).toEqual({ kind: "national" });
    expect(cachedViewScope("/espace/regions/84")).toEqual({ kind: "region", regionCode: "84" });
    for (const path of ["/espace/national/", "/espace/regions/8", "/espace/regions/84/x", "/espace", "/espace/departements/93", "/national"]) expect(cachedViewScope(path)).toBeNull();
  });

  it("of the copies are recognised however they are spelt, so that the proxy refuses them all", () => {
    for (const path of ["/vues-en-cache", "/vues-en-cache/abc.def", "/VUES-EN-CACHE/abc.def", "/vues%2Den-cache/abc.def", "/vues-en-cache%2Fabc.def"]) expect(isCachedViewPath(path)).toBe(true);
    for (const path of ["/vues-en-cache-x", "/espace/national", "/"]) expect(isCachedViewPath(path)).toBe(false);
  });
});
