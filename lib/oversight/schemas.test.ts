import { describe, expect, it } from "vitest";
import { oversightQuery, parseOversightParams, round1, spendingRate } from "./schemas";

describe("oversight search params", () => {
  it("reads filters, sorting and the map measure", () => {
    const p = parseOversightParams({ cadre: "2020-2022", vague: "2020", annee: "2022", region: "11", tri: "taux", ordre: "desc", mesure: "retard" });
    expect(p).toEqual({ filters: { framework: "2020-2022", wave: 2020, year: 2022, region: "11" }, sort: "taux", order: "desc", measure: "retard" });
    expect(oversightQuery(p)).toBe("?cadre=2020-2022&vague=2020&annee=2022&region=11&tri=taux&ordre=desc&mesure=retard");
  });

  it("falls back to defaults on anything unreadable, one field at a time", () => {
    const p = parseOversightParams({ cadre: "'; DROP TABLE", vague: "abc", annee: "", region: "1", tri: "nope", ordre: "up", mesure: ["alertes", "taux"] });
    expect(p).toEqual({ filters: { framework: null, wave: null, year: null, region: null }, sort: "departement", order: "asc", measure: "alertes" });
    expect(oversightQuery({ ...p, measure: "taux" })).toBe("");
  });

  it("changes one thing and keeps the rest", () => {
    const p = parseOversightParams({ region: "84" });
    expect(oversightQuery(p, { sort: "alertes", order: "desc" })).toBe("?region=84&tri=alertes&ordre=desc");
  });
});

describe("spending rate", () => {
  it("is paid over notified, in percent", () => {
    expect(spendingRate({ NOTIFIED: 200_00, PAID: 50_00 })).toBe(25);
    expect(spendingRate({ NOTIFIED: 0, PAID: 50_00 })).toBeNull();
    expect(round1(66.666)).toBe(66.7);
    expect(round1(null)).toBeNull();
  });
});
