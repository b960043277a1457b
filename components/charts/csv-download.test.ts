import { describe, expect, it } from "vitest";
import { centsCell } from "@/lib/core/csv";
import { parseCsv } from "../../tests/support/csv";
import { chartTableCsv } from "./csv-download";

describe("a chart's data table as CSV", () => {
  it("defuses a fiche action titled =1+1 and keeps a negative amount a number", () => {
    const csv = chartTableCsv(["fiche", "ecart_eur"], [["=1+1", centsCell(-150)]]);
    expect(parseCsv(csv)).toEqual([
      ["fiche", "ecart_eur"],
      ["'=1+1", "-1.50"],
    ]);
  });
});
