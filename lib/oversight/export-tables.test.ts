import { describe, expect, it } from "vitest";
import type { Alert } from "./alerts";
import { alertsTable, exportHref, parseExportScope, tableToCsv } from "./export-tables";
import { parseOversightParams } from "./schemas";

const alert = (over: Partial<Alert> = {}): Alert => ({
  kind: "committed_unpaid",
  departmentCode: "03",
  contractId: "c1",
  subject: "Années 2021, 2022",
  detail: "1 234,56 € engagés et non versés (État — P304).",
  date: "2021-12-31",
  amountCents: 123_456,
  value: null,
  ...over,
});

describe("CSV of a table", () => {
  it("writes a header, comma-separated cells, euros with a decimal point, ISO dates and codes as text", () => {
    const csv = tableToCsv(alertsTable([alert(), alert({ kind: "spending_gap", departmentCode: "2A", amountCents: null, date: null, value: -12.5, subject: "Taux" })], new Map([["03", "Allier"], ["2A", "Corse-du-Sud"]])));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("code_departement,departement,type,alerte,objet,detail,date,montant_eur,valeur");
    const detail = '"1 234,56 € engagés et non versés (État — P304)."';
    expect(lines[1]).toBe(`03,Allier,committed_unpaid,Engagé non versé depuis plus de 12 mois,"Années 2021, 2022",${detail},2021-12-31,1234.56,`);
    expect(lines[2]).toBe(`2A,Corse-du-Sud,spending_gap,Taux de versement très inférieur à la médiane,Taux,${detail},,,-12.5`);
    expect(lines[3]).toBe("");
  });

  it("defuses text titled =1+1 and keeps a negative amount a number", () => {
    const csv = tableToCsv(alertsTable([alert({ subject: "=1+1", amountCents: -150, value: -2 })], new Map([["03", "Allier"]])));
    const row = csv.split("\r\n")[1].split(",");
    expect(row[4]).toBe("'=1+1");
    expect(row.slice(-2)).toEqual(["-1.50", "-2"]);
  });
});

describe("export scopes and links", () => {
  it("reads national, region and department scopes, and nothing else", () => {
    expect(parseExportScope("national")).toEqual({ kind: "national" });
    expect(parseExportScope("region-11")).toEqual({ kind: "region", regionCode: "11" });
    expect(parseExportScope("departement-2A")).toEqual({ kind: "department", departmentCode: "2A" });
    expect(parseExportScope("departement-976")).toEqual({ kind: "department", departmentCode: "976" });
    expect(parseExportScope("region-1; DROP")).toBeNull();
    expect(parseExportScope(null)).toBeNull();
  });

  it("carries the view's filters, not its sorting", () => {
    const params = parseOversightParams({ cadre: "2020-2022", annee: "2022", tri: "taux", mesure: "alertes" });
    expect(exportHref("contrats", { kind: "region", regionCode: "11" }, "xlsx", params)).toBe("/api/exports/contrats?portee=region-11&cadre=2020-2022&annee=2022&format=xlsx");
    expect(exportHref("alertes", { kind: "department", departmentCode: "77" }, "csv")).toBe("/api/exports/alertes?portee=departement-77&format=csv");
  });
});
