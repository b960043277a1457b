// The spreadsheet tests' files: a department's export as an editor downloads it, edited as a person
// would in a spreadsheet program, and the contract it belongs to.
import ExcelJS from "exceljs";
import { db } from "../../lib/server/db";
import { exportSpreadsheet } from "../../lib/spreadsheet/service";
import { signedInViewer } from "../factories/users";

export type SpreadsheetTable = "actions" | "funding" | "indicators";

/** A department editor (of 77 unless told). */
export const editor = (code = "77") => signedInViewer("DEPARTMENT_EDITOR", { departmentCode: code });

/** The department's export, as its editor downloads it (the workbook, or one table as CSV). */
export async function exported(code = "77", format: "xlsx" | "csv" = "xlsx", table?: SpreadsheetTable) {
  const result = await exportSpreadsheet(await editor(code), code, format, table);
  if (!result.ok) throw new Error(result.message);
  return typeof result.body === "string" ? new TextEncoder().encode(result.body) : result.body;
}

/** A workbook opened, edited and saved again. */
export async function editXlsx(buffer: Uint8Array, edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The department's running (latest) contract. */
export const contractOf = (code: string) => db().contract.findFirstOrThrow({ where: { departmentCode: code }, orderBy: { periodStart: "desc" } });

/** A text as the bytes of a file. */
export const utf8 = (value: string) => new TextEncoder().encode(value);
