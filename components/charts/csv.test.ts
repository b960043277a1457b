import { describe, expect, it } from "vitest";
import { centsToCsv, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header, commas and CRLF line ends", () => {
    expect(toCsv(["annee", "montant"], [[2021, "835000.00"]])).toBe("annee,montant\r\n2021,835000.00\r\n");
  });
  it("quotes cells with commas, quotes or line breaks", () => {
    expect(toCsv(["t"], [['Maison "1 000 jours", Melun']])).toBe('t\r\n"Maison ""1 000 jours"", Melun"\r\n');
  });
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(toCsv(["t"], [["=HYPERLINK(1)"], ["-2"]])).toBe("t\r\n'=HYPERLINK(1)\r\n'-2\r\n");
  });
  it("keeps negative numbers as numbers", () => {
    expect(toCsv(["n"], [[-2]])).toBe("n\r\n-2\r\n");
  });
});

describe("centsToCsv", () => {
  it("writes euros with a decimal point and two decimals", () => {
    expect(centsToCsv(83_500_000)).toBe("835000.00");
    expect(centsToCsv(123_456)).toBe("1234.56");
    expect(centsToCsv(5)).toBe("0.05");
  });
});
