// Every CSV the app writes from the database defuses text a spreadsheet would run: a fiche action titled
// "=1+1" comes out as "'=1+1" (open data and the report CSV have theirs in their own files).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildExport, tableToCsv } from "../../lib/oversight/exports";
import { db } from "../../lib/server/db";
import { exportSpreadsheet } from "../../lib/spreadsheet/service";
import { contractSeed, createContract } from "../factories/contracts";
import { untouchedDepartment } from "../factories/departments";
import { signedInViewer } from "../factories/users";
import { csvRecords, parseCsv } from "../support/csv";

async function contractWithFormulaTitle() {
  const { code } = await untouchedDepartment();
  const [seeded] = contractSeed({ departmentCode: code }).actions;
  const thisYear = new Date().getUTCFullYear();
  // Ended last year and not done, in a contract still running: late, so the oversight alerts name it too.
  await createContract(db(), {
    departmentCode: code,
    periodStart: `${thisYear - 1}-01-01`,
    periodEnd: `${thisYear + 1}-12-31`,
    actions: [{ ...seeded, title: "=1+1", partners: "+33 1 23 45 67 89", endDate: `${thisYear - 1}-06-30` }],
  });
  return code;
}

describe("the spreadsheet export", () => {
  it("writes a fiche action titled =1+1 as '=1+1 in the French Excel CSV and in the XLSX", async () => {
    const code = await contractWithFormulaTitle();
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: code });
    const csv = await exportSpreadsheet(editor, code, "csv", "actions");
    if (!csv.ok || typeof csv.body !== "string") throw new Error("CSV export refused");
    expect(csv.body.startsWith("\ufeff")).toBe(true);
    const [row] = csvRecords(csv.body, ";");
    expect(row).toMatchObject({ Intitulé: "'=1+1", Partenaires: "'+33 1 23 45 67 89" });

    const xlsx = await exportSpreadsheet(editor, code, "xlsx");
    if (!xlsx.ok || typeof xlsx.body === "string") throw new Error("XLSX export refused");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
    const values = workbook.getWorksheet("Fiches action")!.getRow(2).values as unknown[];
    expect(values).toContain("'=1+1");
  });
});

describe("the oversight exports", () => {
  it("carry the late fiche action titled =1+1 in the alerts, never as a cell starting with =", async () => {
    const code = await contractWithFormulaTitle();
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const result = await buildExport(national, "alertes", new URLSearchParams({ portee: `departement-${code}` }));
    if (!result.ok) throw new Error(result.message);
    const late = result.table.rows.find((r) => String(r[4]).includes("=1+1"));
    expect(late?.[4]).toBe("FA-01 — =1+1");
    const cells = parseCsv(tableToCsv(result.table)).flat();
    expect(cells).toContain("FA-01 — =1+1");
    expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
  });
});
