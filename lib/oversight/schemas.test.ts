import { describe, expect, it } from "vitest";
import { oversightQuery, paginate, parseOversightParams, round1, spendingRate } from "./schemas";

describe("oversight search params", () => {
  it("reads filters, sorting and the map measure", () => {
    const p = parseOversightParams({ cadre: "2020-2022", vague: "2020", annee: "2022", region: "11", tri: "taux", ordre: "desc", mesure: "retard" });
    expect(p).toEqual({ filters: { framework: "2020-2022", wave: 2020, year: 2022, region: "11" }, sort: "taux", order: "desc", measure: "retard", page: 1, departmentPage: 1, reportPage: 1, mapPage: 1 });
    expect(oversightQuery(p)).toBe("?cadre=2020-2022&vague=2020&annee=2022&region=11&tri=taux&ordre=desc&mesure=retard");
  });

  it("falls back to defaults on anything unreadable, one field at a time", () => {
    const p = parseOversightParams({ cadre: "'; DROP TABLE", vague: "abc", annee: "", region: "1", tri: "nope", ordre: "up", mesure: ["alertes", "taux"] });
    expect(p).toEqual({ filters: { framework: null, wave: null, year: null, region: null }, sort: "departement", order: "asc", measure: "alertes", page: 1, departmentPage: 1, reportPage: 1, mapPage: 1 });
    expect(oversightQuery({ ...p, measure: "taux" })).toBe("");
  });

  it("changes one thing and keeps the rest", () => {
    const p = parseOversightParams({ region: "84" });
    expect(oversightQuery(p, { sort: "alertes", order: "desc" })).toBe("?region=84&tri=alertes&ordre=desc");
  });
});

describe("pages of a long table", () => {
  it("reads the page numbers, keeps them in links, and drops page 1", () => {
    const p = parseOversightParams({ page: "3", page_departements: "2", tri: "taux" });
    expect(p).toMatchObject({ page: 3, departmentPage: 2 });
    expect(oversightQuery(p)).toBe("?tri=taux&page=3&page_departements=2");
    expect(oversightQuery(p, { page: 1, departmentPage: 1 })).toBe("?tri=taux");
    expect(parseOversightParams({ page: "0", page_departements: "x" })).toMatchObject({ page: 1, departmentPage: 1, reportPage: 1, mapPage: 1 });
  });

  it("cuts rows into pages, a page past the end showing the last one", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(paginate(rows, 1, 50)).toMatchObject({ page: 1, pageCount: 3, total: 120, first: 1 });
    expect(paginate(rows, 3, 50).rows).toEqual(rows.slice(100));
    expect(paginate(rows, 9, 50)).toMatchObject({ page: 3, first: 101 });
    expect(paginate([], 2, 50)).toMatchObject({ rows: [], page: 1, pageCount: 1, total: 0 });
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
