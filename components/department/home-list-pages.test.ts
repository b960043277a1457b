import { describe, expect, it } from "vitest";
import { HOME_PAGE_SIZE, homeListPages, homeListPath, parseHomeListPage } from "./home-list-pages";

const codes = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1).padStart(2, "0"));

describe("pages de la liste des départements de l'accueil", () => {
  it("la démonstration (7 départements) tient sur une seule page", () => {
    const { pages, rowsOf } = homeListPages(codes(7), (c) => c);
    expect(pages).toEqual([{ number: 1, first: "01", last: "07" }]);
    expect(rowsOf(1)).toEqual(codes(7));
    expect(rowsOf(2)).toBeNull();
  });

  it("101 départements : 3 pages de 40 au plus, remplies également, dans l'ordre, sans en perdre ni en répéter", () => {
    const all = codes(101);
    const { pages, rowsOf } = homeListPages(all, (c) => c);
    expect(HOME_PAGE_SIZE).toBe(40);
    expect(pages.map((p) => `${p.first}-${p.last}`)).toEqual(["01-33", "34-67", "68-101"]);
    expect(pages.flatMap((p) => rowsOf(p.number)!)).toEqual(all);
    expect(rowsOf(0)).toBeNull();
    expect(rowsOf(4)).toBeNull();
  });

  it("1 010 départements : 26 pages de 39 au plus", () => {
    const { pages, rowsOf } = homeListPages(codes(1010), (c) => c);
    expect(pages).toHaveLength(26);
    expect(Math.max(...pages.map((p) => rowsOf(p.number)!.length))).toBe(39);
    expect(pages.flatMap((p) => rowsOf(p.number)!)).toEqual(codes(1010));
  });

  it("page 1 est l'accueil, les suivantes /page/<n> ; une adresse mal formée n'est pas une page", () => {
    expect(homeListPath(1)).toBe("/");
    expect(homeListPath(3)).toBe("/page/3");
    expect(parseHomeListPage("2")).toBe(2);
    for (const bad of ["1", "0", "02", "-2", "2a", "", "9999999"]) expect(parseHomeListPage(bad)).toBeNull();
  });
});
