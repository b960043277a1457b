// A contract's snapshot written as the template: XLSX (one sheet per table, number formats, frozen
// header row, a "Lisez-moi" sheet) or one CSV per table the way French Excel reads and writes CSV
// (UTF-8 with BOM, semicolons, decimal comma, JJ/MM/AAAA dates), so that a double click opens it in
// columns. Text cells that a spreadsheet would run as formulas are neutralised.
import ExcelJS from "exceljs";
import { ACTION_STATUS_LABELS } from "../actions/schemas";
import { FUNDER_LABELS, STAGE_LABELS } from "../funding/schemas";
import type { ContractSnapshot } from "./snapshot";
import { FRENCH_EXCEL_CSV, centsCell, csvNumber, defuseFormula, writeCsv, type CsvCell } from "../core/csv";
import { EXPORT_CREATOR, README_SHEET, SHEETS, SHEET_KEYS, readmeLines, type ColumnType, type SheetKey } from "./template";
import { isoDay } from "../core/dates";
import { formatParisDateTime } from "../core/format";

/** A value as the export knows it: text, a day (ISO), cents, or a number. */
export type ExportValue = { kind: "text"; value: string } | { kind: "date"; value: string } | { kind: "money"; cents: bigint } | { kind: "number"; value: number; text: string } | null;

const text = (value: string | null | undefined): ExportValue => (value ? { kind: "text", value } : null);
const day = (value: string | null): ExportValue => (value ? { kind: "date", value } : null);
const num = (value: number | string | null): ExportValue => (value === null ? null : { kind: "number", value: Number(value), text: String(value) });

/** The rows of each sheet, in the column order of the template. */
export function exportRows(snapshot: ContractSnapshot): Record<SheetKey, ExportValue[][]> {
  const code = snapshot.contract.departmentCode;
  const objectiveCodes = new Map(snapshot.objectives.map((o) => [o.id, o.code]));
  const references = new Map(snapshot.actions.map((a) => [a.id, a.reference]));
  const values = new Map(snapshot.indicatorValues.map((v) => [`${v.indicatorId}:${v.year}`, v]));
  return {
    actions: snapshot.actions
      .filter((a) => !a.archived)
      .map((a) => [
        text(code),
        text(a.reference),
        text(a.title),
        text(a.objectiveId ? objectiveCodes.get(a.objectiveId) : null),
        text(a.purpose),
        text(a.targetPublic),
        text(a.lead),
        text(a.partners),
        day(a.startDate),
        day(a.endDate),
        text(ACTION_STATUS_LABELS[a.status]),
        num(a.progress),
      ]),
    funding: snapshot.fundingLines.map((l) => [
      text(code),
      text(l.id),
      text(l.actionId ? references.get(l.actionId) : null),
      text(FUNDER_LABELS[l.funder]),
      num(l.year),
      text(STAGE_LABELS[l.stage]),
      { kind: "money", cents: l.amountCents },
    ]),
    // Every indicator of the contract's objectives for every year, empty ones included: ready to fill.
    indicators: snapshot.indicators.flatMap((i) =>
      snapshot.contract.years.map((year) => {
        const v = values.get(`${i.id}:${year}`);
        return [text(code), text(i.code), text(i.label), text(i.unit), num(year), num(v?.baseline ?? null), num(v?.target ?? null), num(v?.actual ?? null)];
      }),
    ),
  };
}

// Decimals keep Excel's "General" format: "0.####" would show 80 as "80,".
const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  money: '#,##0.00\\ "€"',
  date: "dd/mm/yyyy",
  integer: "0",
};

function xlsxCell(v: ExportValue): string | number | Date | null {
  if (v === null) return null;
  switch (v.kind) {
    case "text":
      return defuseFormula(v.value);
    case "date":
      return new Date(`${v.value}T00:00:00Z`);
    case "money":
      return Number(v.cents) / 100;
    case "number":
      return v.value;
  }
}

export async function snapshotToXlsx(snapshot: ContractSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = EXPORT_CREATOR;
  // Read back at import: rows saved after this instant are flagged in the preview (parse.ts, plan.ts).
  workbook.created = new Date();
  const rows = exportRows(snapshot);
  const readme = workbook.addWorksheet(README_SHEET);
  readme.columns = [{ width: 24 }, { width: 110 }];
  for (const line of readmeLines(snapshot.contract.departmentCode, snapshot.contract.departmentName, snapshot.contract.label, formatParisDateTime(workbook.created))) {
    const row = readme.addRow(line.map(defuseFormula));
    row.alignment = { wrapText: true, vertical: "top" };
    if (line.length === 1) row.font = { bold: true, size: row.number === 1 ? 14 : 12 };
  }
  for (const key of SHEET_KEYS) {
    const def = SHEETS[key];
    const sheet = workbook.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = def.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {} }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE3E3FD" } }));
    for (const r of rows[key]) sheet.addRow(r.map(xlsxCell));
    // Filter buttons on the header row: staff sort and filter by year, funder or status.
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CSV_SEPARATOR = FRENCH_EXCEL_CSV.separator;

/** Days as JJ/MM/AAAA, amounts and numbers as numbers (decimal comma from the format), text defused by the writer. */
function csvValue(v: ExportValue): CsvCell {
  if (v === null) return null;
  switch (v.kind) {
    case "text":
      return v.value;
    case "date":
      return `${v.value.slice(8, 10)}/${v.value.slice(5, 7)}/${v.value.slice(0, 4)}`;
    case "money":
      return centsCell(v.cents);
    case "number":
      return Number.isFinite(v.value) ? csvNumber(v.text) : v.text;
  }
}

/** One table as CSV the way French Excel reads it (BOM, semicolons, decimal comma). */
export function snapshotToCsv(snapshot: ContractSnapshot, key: SheetKey): string {
  const header = SHEETS[key].columns.map((c) => c.header);
  return writeCsv([header, ...exportRows(snapshot)[key].map((r) => r.map(csvValue))], FRENCH_EXCEL_CSV);
}

export function exportFilename(snapshot: ContractSnapshot, suffix: string, today = new Date()) {
  return `tripartite-${snapshot.contract.departmentCode}-${suffix}-${isoDay(today)}`;
}
