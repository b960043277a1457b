// The one rule for text that a spreadsheet would run as a formula, shared by every CSV or XLSX the app writes
// and by the spreadsheet import. Such text is stored as typed and always defused on output.

/** Text starting with one of these is run as a formula (or a DDE call) by Excel, LibreOffice or Sheets. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** "=1+1" → "'=1+1": the leading apostrophe makes a spreadsheet show the text instead of running it. */
export function defuseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** The reverse, on import: "'=1+1" written by an export reads back "=1+1" (as text, never evaluated). */
export function undefuseFormula(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

// ───────────────────────── Writing: the one CSV writer ─────────────────────────

/** How a CSV is laid out: open data (comma, point, no BOM) or the way French Excel reads it (semicolon, comma, BOM). */
export type CsvFormat = { separator: "," | ";"; decimalMark: "." | ","; bom: boolean };

/** RFC 4180 as open data wants it: UTF-8 without BOM, comma, decimal point. */
export const OPEN_DATA_CSV: CsvFormat = { separator: ",", decimalMark: ".", bom: false };

/** What a double click in French Excel opens in columns: BOM (accents read as UTF-8), semicolon, decimal comma. */
export const FRENCH_EXCEL_CSV: CsvFormat = { separator: ";", decimalMark: ",", bom: true };

/** A number already written with a decimal point ("-1234.56", exact euros from cents): a number, never text. */
export type CsvNumber = { readonly csvNumber: string };

/**
 * One cell. Text is defused (see defuseFormula); numbers, booleans and CsvNumber are values, so a negative
 * amount stays a number ("-2", never "'-2").
 */
export type CsvCell = string | number | bigint | boolean | CsvNumber | null | undefined;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Marks text that is a number written with a point ("12.5", "-3", a Decimal from the database) as a number cell. */
export function csvNumber(text: string): CsvNumber {
  if (DECIMAL_TEXT.test(text)) return { csvNumber: text };
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new Error(`Not a number: ${text}`);
  return { csvNumber: String(value) };
}

/** Cents as euros with a decimal point, exactly: -123456 → "-1234.56", 5 → "0.05". */
export function centsToDecimalText(cents: number | bigint): string {
  const value = BigInt(cents);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Cents as a euros number cell. */
export function centsCell(cents: number | bigint): CsvNumber {
  return { csvNumber: centsToDecimalText(cents) };
}

function isCsvNumber(value: CsvCell): value is CsvNumber {
  return typeof value === "object" && value !== null && "csvNumber" in value;
}

/** One cell as it is written: formula-like text defused, quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: CsvCell, format: CsvFormat = OPEN_DATA_CSV): string {
  if (value === null || value === undefined) return "";
  let out: string;
  if (typeof value === "string") out = defuseFormula(value);
  else if (typeof value === "boolean") out = value ? "true" : "false";
  else {
    const text = isCsvNumber(value) ? value.csvNumber : String(value);
    out = format.decimalMark === "," ? text.replace(".", ",") : text;
  }
  return out.includes(format.separator) || /["\n\r]/.test(out) ? `"${out.replaceAll('"', '""')}"` : out;
}

/** A whole file: rows (the header first) joined by CRLF, with a final CRLF and, for Excel, a BOM. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], format: CsvFormat = OPEN_DATA_CSV): string {
  const body = rows.map((row) => row.map((value) => csvCell(value, format)).join(format.separator)).join("\r\n") + "\r\n";
  return format.bom ? `\ufeff${body}` : body;
}

// ───────────────────────── Reading back (validation of a file, tests) ─────────────────────────

/** Splits CSV text into rows of cells (RFC 4180 quoting, CRLF or LF rows); a leading BOM is dropped. */
export function parseCsv(text: string, separator: "," | ";" = ","): string[][] {
  const source = text.startsWith("\ufeff") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && source[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
