import { describe, expect, it } from "vitest";
import { CACHED_VIEW_PREFIX, cachedViewRewrites, decodeEntry, encodeEntry, type CachedViewEntry } from "./entry";

const national: CachedViewEntry = { view: { kind: "national" }, key: "NATIONAL_OFFICIAL::", query: "?tri=taux&page=2" };
const region: CachedViewEntry = { view: { kind: "region", regionCode: "84" }, key: "REGIONAL_OFFICIAL::84", query: "" };
const department: CachedViewEntry = { view: { kind: "department", departmentCode: "2A" }, key: "DEPARTMENT_EDITOR:2A:", query: "" };

describe("cached view entries", () => {
  it("come back as they were signed, whatever the view", () => {
    expect(decodeEntry(encodeEntry(national))).toEqual(national);
    expect(decodeEntry(encodeEntry(region))).toEqual(region);
    expect(decodeEntry(encodeEntry(department))).toEqual(department);
  });

  it("are refused when anything in them was changed, or when another instance signed them", () => {
    const segment = encodeEntry(national);
    const [payload, signature] = segment.split(".");
    // Another reader put in place of "national", with the original signature.
    const forged = Buffer.from(JSON.stringify(["national", "DEPARTMENT_READER:77:", "?tri=taux&page=2"])).toString("base64url");
    expect(decodeEntry(`${forged}.${signature}`)).toBeNull();
    expect(decodeEntry(`${payload}.${signature.slice(0, -2)}xx`)).toBeNull();
    expect(decodeEntry(`${payload}.${signature}.extra`)).toBeNull();
    expect(decodeEntry(payload)).toBeNull();
    expect(decodeEntry("")).toBeNull();
    expect(decodeEntry("%E0%A4%A")).toBeNull();

    const ownKey = process.env.TRIPARTITE_PAGE_CACHE_KEY;
    process.env.TRIPARTITE_PAGE_CACHE_KEY = "the-key-of-another-instance";
    try {
      expect(decodeEntry(segment)).toBeNull();
    } finally {
      process.env.TRIPARTITE_PAGE_CACHE_KEY = ownKey;
    }
    expect(decodeEntry(segment)).toEqual(national);
  });

  it("are what next.config.ts rewrites to, for the three views only", () => {
    const rules = cachedViewRewrites();
    expect(rules.map((r) => r.source)).toEqual(["/espace/national", "/espace/regions/:code", "/espace/departements/:code"]);
    for (const rule of rules) {
      expect(rule.destination).toBe(`${CACHED_VIEW_PREFIX}/:entry`);
      const pattern = new RegExp(`^${rule.has[0].value}$`);
      expect(pattern.test(encodeEntry(national))).toBe(true);
      expect(pattern.test("../../api/v1/contrats")).toBe(false);
      expect(pattern.test("a/b.c")).toBe(false);
    }
  });
});
