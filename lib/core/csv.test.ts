import { describe, expect, it } from "vitest";
import { FRENCH_EXCEL_CSV, OPEN_DATA_CSV, centsCell, centsToDecimalText, csvNumber, defuseFormula, isFormulaLike, parseCsv, undefuseFormula, writeCsv } from "./csv";

describe("formula-like text", () => {
  it("defuses text starting with =, +, -, @, tab or CR, and reads it back as typed", () => {
    for (const text of ["=1+1", "+33 1 23", "-2+3", "@SOMME(A1:A9)", "\t=1", "\r=1"]) {
      expect(isFormulaLike(text)).toBe(true);
      expect(defuseFormula(text)).toBe(`'${text}`);
      expect(undefuseFormula(defuseFormula(text))).toBe(text);
    }
    expect(defuseFormula("Maison des 1 000 jours")).toBe("Maison des 1 000 jours");
    expect(undefuseFormula("'Maison")).toBe("'Maison");
  });
});

describe("writeCsv", () => {
  it("writes a header, commas and CRLF line ends (open data)", () => {
    expect(writeCsv([["annee", "montant"], [2021, centsCell(83_500_000)]])).toBe("annee,montant\r\n2021,835000.00\r\n");
  });

  it("quotes cells holding the separator, a quote or a line break", () => {
    expect(writeCsv([['Maison "1 000 jours", Melun'], ["deux\nlignes"]])).toBe('"Maison ""1 000 jours"", Melun"\r\n"deux\nlignes"\r\n');
    expect(writeCsv([["a;b", "a,b"]], FRENCH_EXCEL_CSV)).toBe('\ufeff"a;b";a,b\r\n');
  });

  it("defuses formula-like text the same way in every format", () => {
    for (const format of [OPEN_DATA_CSV, FRENCH_EXCEL_CSV]) {
      const rows = parseCsv(writeCsv([["=1+1", "-2", "@A1", "+1", "\tx"]], format), format.separator);
      expect(rows).toEqual([["'=1+1", "'-2", "'@A1", "'+1", "'\tx"]]);
    }
  });

  it("keeps numbers as numbers: a negative amount is never defused", () => {
    expect(writeCsv([[-2, -1.5, centsCell(-123_456), csvNumber("-3.25"), 7n]])).toBe("-2,-1.5,-1234.56,-3.25,7\r\n");
    expect(writeCsv([[-1.5, centsCell(-123_456)]], FRENCH_EXCEL_CSV)).toBe("\ufeff-1,5;-1234,56\r\n");
  });

  it("writes null and undefined as empty cells, booleans as true/false", () => {
    expect(writeCsv([[null, undefined, true, false]])).toBe(",,true,false\r\n");
  });
});

describe("centsToDecimalText", () => {
  it("writes euros exactly with a point and two decimals, negative included", () => {
    expect(centsToDecimalText(83_500_000)).toBe("835000.00");
    expect(centsToDecimalText(5)).toBe("0.05");
    expect(centsToDecimalText(-150)).toBe("-1.50");
    expect(centsToDecimalText(9_007_199_254_740_993n)).toBe("90071992547409.93");
  });
});

describe("csvNumber", () => {
  it("takes a number written with a point and refuses text that is not one", () => {
    expect(csvNumber("12.5")).toEqual({ csvNumber: "12.5" });
    expect(() => csvNumber("=1+1")).toThrow();
    expect(() => csvNumber("")).toThrow();
  });
});

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, CRLF or LF rows and drops a BOM", () => {
    expect(parseCsv('\ufeffa;"b;c"\r\n"dit ""oui""";2\n', ";")).toEqual([
      ["a", "b;c"],
      ['dit "oui"', "2"],
    ]);
    expect(parseCsv("x,y\r\n1,")).toEqual([["x", "y"], ["1", ""]]);
  });
});
