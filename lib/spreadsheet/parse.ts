// Reading an uploaded file (XLSX or CSV) into raw rows per sheet, with every problem as
// { sheet, line, column, message } in French. Values are read, never computed: a formula is refused.
import ExcelJS from "exceljs";
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_FILE_LABEL, MAX_ROWS, formatLimit } from "./limits";
import { EXPORT_CREATOR, README_SHEET, SHEETS, SHEET_KEYS, columnByHeader, normalizeLabel, type SheetKey } from "./template";
import { scanWorkbook, type WorkbookScan } from "./zip";

export type CellValue = string | number | Date | boolean | null;
export type ImportError = { sheet: string | null; line: number | null; column: string | null; message: string };
export type ParsedRow = { line: number; cells: Record<string, CellValue> };

export type ParsedFile = {
  format: "xlsx" | "csv";
  tables: Partial<Record<SheetKey, ParsedRow[]>>;
  /** The department the "Lisez-moi" sheet names, if any, and its line there. */
  readmeDepartment: string | null;
  readmeLine?: number;
  /**
   * When Tripartite exported the workbook (its creation date, which a spreadsheet program normally keeps when
   * it saves the file again), as an ISO instant at the end of the recorded second; absent for a CSV, for another
   * workbook, or when that date or the author was replaced.
   */
  exportedAt?: string;
  notices: string[];
  errors: ImportError[];
};

export const FORMULA_MESSAGE = "Formule refusée : saisissez une valeur (les formules ne sont jamais évaluées).";
export const CELL_TOO_LONG_MESSAGE = `Cellule trop longue (plus de ${formatLimit(MAX_CELL_CHARS)} caractères) : la lecture du fichier s'est arrêtée ici.`;

const fileError = (message: string): ImportError => ({ sheet: null, line: null, column: null, message });

/** Checks shared by both formats: empty, too large, unknown type. */
export function checkFile(buffer: Uint8Array, filename: string): { ok: true; format: "xlsx" | "csv" } | { ok: false; error: ImportError } {
  if (buffer.byteLength === 0) return { ok: false, error: fileError("Le fichier est vide.") };
  if (buffer.byteLength > MAX_FILE_BYTES) return { ok: false, error: fileError(`Le fichier dépasse la taille maximale de ${MAX_FILE_LABEL}.`) };
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  if (isZip || ext === "xlsx") return isZip ? { ok: true, format: "xlsx" } : { ok: false, error: fileError("Fichier illisible : ce n'est pas un classeur XLSX valide.") };
  if (ext === "csv" || ext === "txt" || ext === "") return { ok: true, format: "csv" };
  return { ok: false, error: fileError(`Format non pris en charge (.${ext}) : importez un fichier XLSX ou CSV.`) };
}

export async function parseSpreadsheet(buffer: Uint8Array, filename: string): Promise<ParsedFile> {
  const checked = checkFile(buffer, filename);
  const empty: ParsedFile = { format: "csv", tables: {}, readmeDepartment: null, notices: [], errors: [] };
  if (!checked.ok) return { ...empty, errors: [checked.error] };
  return checked.format === "xlsx" ? parseXlsx(buffer) : parseCsv(buffer);
}

// ───────────────────────── Header row → columns ─────────────────────────

type HeaderMap = { sheet: SheetKey; columns: (string | null)[] };

function mapHeaders(sheet: SheetKey, headers: string[], errors: ImportError[]): HeaderMap {
  const name = SHEETS[sheet].name;
  const seen = new Set<string>();
  const columns = headers.map((h) => {
    const text = h.trim();
    if (text === "") return null;
    const column = columnByHeader(sheet, text);
    if (!column) {
      errors.push({ sheet: name, line: 1, column: text, message: `Colonne inconnue « ${text} » : retirez-la ou utilisez le modèle exporté.` });
      return null;
    }
    if (seen.has(column.key)) errors.push({ sheet: name, line: 1, column: column.header, message: "Colonne en double." });
    seen.add(column.key);
    return column.key;
  });
  for (const c of SHEETS[sheet].columns) {
    if (!c.readOnly && !seen.has(c.key)) errors.push({ sheet: name, line: 1, column: c.header, message: `Colonne « ${c.header} » manquante.` });
  }
  return { sheet, columns };
}

function isBlank(v: CellValue) {
  return v === null || (typeof v === "string" && v.trim() === "");
}

// ───────────────────────── XLSX ─────────────────────────

const DAY_MS = 24 * 3600 * 1000;

/**
 * An Excel serial day as Excel shows it, "YYYY-MM-DD". 1900 system: serial 1 is 1900-01-01 and Excel
 * counts a 29 February 1900 that never existed (serial 60), so serials below 61 are one day later than
 * a plain count from 1899-12-31 gives; serial 60 comes out as "1900-02-29", which the date check then
 * refuses. 1904 system: serial 0 is 1904-01-01. The time of day is dropped.
 */
export function excelSerialToIsoDay(serial: number, date1904: boolean): string {
  const day = Math.floor(serial);
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
  if (day === 60) return "1900-02-29";
  if (day < 1) return "1900-01-00";
  return new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * DAY_MS).toISOString().slice(0, 10);
}

/** What exceljs made of a date cell, back to its serial (exceljs counts every serial from 1899-12-30, in the system it saw). */
function exceljsDateToSerial(date: Date, exceljs1904: boolean): number {
  return date.getTime() / DAY_MS + 25569 - (exceljs1904 ? 1462 : 0);
}

type XlsxContext = { scan: WorkbookScan; exceljs1904: boolean };

/** A cell's value as exceljs gives it (row.values), read without computing anything. */
function xlsxValue(v: unknown, ctx?: XlsxContext, iso?: string): { value: CellValue } | { error: string } {
  if (iso !== undefined) {
    // A t="d" cell: ISO text, read as written ("2020-10-01T00:00:00" is the 1st of October 2020).
    const day = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]*Z?)?$/.exec(iso);
    return { value: day ? day[1] : iso };
  }
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "string") return v.length > MAX_CELL_CHARS ? { error: CELL_TOO_LONG_MESSAGE } : { value: v };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: "Date illisible : saisissez-la au format JJ/MM/AAAA." };
    const serial = ctx ? exceljsDateToSerial(v, ctx.exceljs1904) : null;
    return { value: serial === null ? v : excelSerialToIsoDay(Math.round(serial * 1e6) / 1e6, ctx!.scan.date1904) };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return { error: FORMULA_MESSAGE };
    if ("error" in o) return { error: `Valeur d'erreur du tableur (${String(o.error)}) : saisissez une valeur.` };
    const text = Array.isArray(o.richText) ? (o.richText as { text: string }[]).map((r) => r.text).join("") : typeof o.text === "string" ? o.text : null;
    if (text !== null) return text.length > MAX_CELL_CHARS ? { error: CELL_TOO_LONG_MESSAGE } : { value: text };
  }
  return { error: "Valeur illisible." };
}

/** "A", "B"… "AA" for a 1-based column index, as the spreadsheet names it. */
export function columnLetters(index: number): string {
  let out = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A workbook's creation date, when Tripartite made it and the date is plausible (not before 2020, not in the future). */
function exportInstant(workbook: ExcelJS.Workbook): string | null {
  const created = workbook.created as Date | undefined;
  if (workbook.creator !== EXPORT_CREATOR || !(created instanceof Date) || Number.isNaN(created.getTime())) return null;
  if (created.getTime() < Date.UTC(2020, 0, 1) || created.getTime() > Date.now() + 60_000) return null;
  // The workbook keeps whole seconds: the end of that second, so that a save made just before is not taken as after.
  return new Date(Math.floor(created.getTime() / 1000) * 1000 + 999).toISOString();
}

async function parseXlsx(buffer: Uint8Array): Promise<ParsedFile> {
  const result: ParsedFile = { format: "xlsx", tables: {}, readmeDepartment: null, notices: [], errors: [] };
  // Sizes, rows and columns are checked on the zip itself before exceljs reads anything.
  const scanned = scanWorkbook(buffer);
  if (!scanned.ok) {
    result.errors.push({ sheet: scanned.problem.sheet, line: null, column: null, message: scanned.problem.message });
    return result;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    result.errors.push(fileError("Fichier illisible : ce n'est pas un classeur XLSX valide."));
    return result;
  }
  const exportedAt = exportInstant(workbook);
  if (exportedAt) result.exportedAt = exportedAt;
  const ctx: XlsxContext = { scan: scanned.scan, exceljs1904: Boolean((workbook.properties as { date1904?: boolean }).date1904) };
  if (ctx.scan.date1904) result.notices.push("Classeur au calendrier 1904 (Excel pour Mac) : les dates ont été lues dans ce calendrier.");
  const byName = new Map(workbook.worksheets.map((w) => [normalizeLabel(w.name), w]));
  const readme = byName.get(normalizeLabel(README_SHEET));
  if (readme) {
    readme.eachRow((row, line) => {
      const label = row.getCell(1).value;
      const value = row.getCell(2).value;
      // The first "Département" line names it; the later one explains the column.
      if (result.readmeDepartment === null && typeof label === "string" && normalizeLabel(label) === "departement" && value !== null && value !== undefined) {
        result.readmeDepartment = String(value).trim();
        result.readmeLine = line;
      }
    });
  }
  for (const key of SHEET_KEYS) {
    const name = SHEETS[key].name;
    const sheet = byName.get(normalizeLabel(name));
    if (!sheet) {
      result.errors.push({ sheet: name, line: null, column: null, message: `Onglet « ${name} » manquant : utilisez le modèle exporté.` });
      continue;
    }
    const isoCells = ctx.scan.isoDateCells.get(sheet.name);
    const headerValues = sheet.getRow(1).values as unknown[];
    const headers: string[] = [];
    for (let c = 1; c < headerValues.length; c++) {
      const v = xlsxValue(headerValues[c]);
      headers.push("value" in v && v.value !== null ? String(v.value) : "");
    }
    while (headers.length > 0 && headers[headers.length - 1].trim() === "") headers.pop();
    if (headers.length === 0) {
      result.errors.push({ sheet: name, line: 1, column: null, message: "Ligne d'en-tête absente : l'onglet est vide." });
      continue;
    }
    const map = mapHeaders(key, headers, result.errors);
    const rows: ParsedRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (line === 1) return;
      const cells: Record<string, CellValue> = {};
      // row.values: one entry per column, 1-based (much cheaper than getCell on 10,000 rows).
      const values = row.values as unknown[];
      // A value right of the last header has no column: the row is longer than its header.
      for (let i = map.columns.length + 1; i < values.length; i++) {
        const extra = xlsxValue(values[i], ctx, isoCells?.get(`${columnLetters(i)}${line}`));
        if ("error" in extra || !isBlank(extra.value)) {
          result.errors.push({ sheet: name, line, column: `${columnLetters(i)} (sans en-tête)`, message: `Plus de valeurs que de colonnes : cette ligne a une valeur en colonne ${columnLetters(i)}, au-delà des ${map.columns.length} colonnes de l'en-tête.` });
          return;
        }
      }
      let blank = true;
      map.columns.forEach((columnKey, i) => {
        if (!columnKey) return;
        const read = xlsxValue(values[i + 1], ctx, isoCells?.get(`${columnLetters(i + 1)}${line}`));
        if ("error" in read) {
          result.errors.push({ sheet: name, line, column: SHEETS[key].columns.find((c) => c.key === columnKey)!.header, message: read.error });
          cells[columnKey] = null;
          blank = false;
          return;
        }
        cells[columnKey] = read.value;
        if (!isBlank(read.value)) blank = false;
      });
      if (!blank) rows.push({ line, cells });
    });
    result.tables[key] = rows;
  }
  const read = Object.values(result.tables);
  if (result.errors.length === 0 && read.length > 0 && read.every((rows) => rows.length === 0)) {
    result.errors.push(fileError("Aucune ligne de données : le classeur ne contient que les en-têtes."));
  }
  return result;
}

// ───────────────────────── CSV ─────────────────────────

/** Windows-1252's 0x80-0x9F (€, ‘’, “”, –, —, œ, …): Node's TextDecoder reads that range as Latin-1 control codes. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export type TextEncodingFound = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's « Texte Unicode »), else UTF-8 when it
 * decodes strictly, otherwise Windows-1252 (what Excel saves as "CSV" in French Windows).
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncodingFound } | { error: string } {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    const encoding = buffer[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(buffer.subarray(2)), encoding };
    } catch {
      return { error: `Fichier illisible : il s'annonce en ${encoding === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE"} mais contient des caractères invalides. Enregistrez-le en « CSV UTF-8 ».` };
    }
  }
  const bytes = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  // UTF-16 without its mark: every other byte is zero in French text; refused rather than misread.
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros += 1;
  if (sample.length > 0 && zeros > sample.length / 4) {
    return { error: "Fichier illisible : il semble encodé en UTF-16 sans marque d'ordre des octets (BOM). Enregistrez-le en « CSV UTF-8 » ou en « Texte Unicode »." };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const latin1 = new TextDecoder("latin1").decode(bytes);
    return { text: latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]), encoding: "windows-1252" };
  }
}

/** The separator of the header line: the most frequent of ";", "," and tab outside quotes. */
export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch] += 1;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ",";
}

export type CsvRecord = { line: number; fields: string[] };
export type CsvLimitProblem = { line: number; column: string | null; message: string };

/**
 * RFC 4180 records with the physical line each starts on. Stops at the first limit passed (records,
 * fields per record, characters per field) and says where: the rest of the file is never split.
 * Blank records are skipped and not counted.
 */
export function splitCsv(text: string, separator: string, limits = { records: Infinity, fields: Infinity, chars: Infinity }): { records: CsvRecord[]; problem: CsvLimitProblem | null } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const pushField = (): CsvLimitProblem | null => {
    if (field.length > limits.chars) return { line: start, column: columnLetters(fields.length + 1), message: CELL_TOO_LONG_MESSAGE };
    fields.push(field);
    field = "";
    if (fields.length > limits.fields) return { line: start, column: columnLetters(fields.length), message: `Plus de ${MAX_COLUMNS} colonnes : la lecture du fichier s'est arrêtée à cette ligne. Vérifiez le séparateur.` };
    return null;
  };
  const pushRecord = (): CsvLimitProblem | null => {
    if (fields.some((f) => f.trim() !== "")) {
      records.push({ line: start, fields });
      if (records.length > limits.records) return { line: start, column: null, message: `Plus de ${formatLimit(MAX_ROWS)} lignes de données : la lecture du fichier s'est arrêtée à cette ligne. Découpez le fichier.` };
    }
    fields = [];
    return null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
        if (field.length > limits.chars) return { records, problem: { line: start, column: columnLetters(fields.length + 1), message: CELL_TOO_LONG_MESSAGE } };
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      const problem = pushField();
      if (problem) return { records, problem };
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      const problem = pushField() ?? pushRecord();
      if (problem) return { records, problem };
      line++;
      start = line;
    } else {
      field += ch;
      if (field.length > limits.chars) return { records, problem: { line: start, column: columnLetters(fields.length + 1), message: CELL_TOO_LONG_MESSAGE } };
    }
  }
  if (field !== "" || fields.length > 0) {
    const problem = pushField() ?? pushRecord();
    if (problem) return { records, problem };
  }
  return { records, problem: null };
}

/** Which table a CSV holds, from its headers: the one whose columns it names most. */
function detectTable(headers: string[]): SheetKey | null {
  let best: { key: SheetKey; score: number } | null = null;
  for (const key of SHEET_KEYS) {
    const score = headers.filter((h) => h.trim() !== "" && columnByHeader(key, h)).length;
    // "Département" and "Année" are shared: a table is recognised by at least one column of its own.
    const own = headers.filter((h) => { const c = columnByHeader(key, h); return c && c.key !== "departement" && c.key !== "year"; }).length;
    if (own > 0 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key ?? null;
}

const ENCODING_NOTICES: Record<TextEncodingFound, string | null> = {
  "utf-8": null,
  "windows-1252": "Fichier encodé en Windows-1252 (Latin-1, enregistré par Excel) : les accents ont été convertis.",
  "utf-16le": "Fichier encodé en UTF-16 LE (« Texte Unicode » d'Excel) : il a été lu dans cet encodage.",
  "utf-16be": "Fichier encodé en UTF-16 BE : il a été lu dans cet encodage.",
};

const plural = (n: number, one: string, many: string) => `${formatLimit(n)} ${n > 1 ? many : one}`;

function parseCsv(buffer: Uint8Array): ParsedFile {
  const result: ParsedFile = { format: "csv", tables: {}, readmeDepartment: null, notices: [], errors: [] };
  const decoded = decodeText(buffer);
  if ("error" in decoded) {
    result.errors.push(fileError(decoded.error));
    return result;
  }
  const { text, encoding } = decoded;
  const notice = ENCODING_NOTICES[encoding];
  if (notice) result.notices.push(notice);
  const separator = detectSeparator(text);
  if (separator === ";") result.notices.push("Séparateur point-virgule détecté.");
  if (separator === "\t") result.notices.push("Séparateur tabulation détecté.");
  // The header plus MAX_ROWS data records at most.
  const { records, problem } = splitCsv(text, separator, { records: MAX_ROWS + 1, fields: MAX_COLUMNS, chars: MAX_CELL_CHARS });
  if (records.length === 0 && !problem) {
    result.errors.push(fileError("Le fichier est vide."));
    return result;
  }
  const [header, ...rows] = records;
  const key = header ? detectTable(header.fields) : null;
  if (problem) {
    result.errors.push({ sheet: key ? SHEETS[key].name : null, line: problem.line, column: problem.column, message: problem.message });
    return result;
  }
  if (!key) {
    result.errors.push({ sheet: null, line: header.line, column: null, message: "En-têtes non reconnus : utilisez un fichier CSV exporté (fiches action, financements ou indicateurs)." });
    return result;
  }
  const name = SHEETS[key].name;
  const map = mapHeaders(key, header.fields, result.errors);
  // Trailing empty header cells (a separator at the end of the line) are not columns.
  let width = map.columns.length;
  while (width > 0 && header.fields[width - 1].trim() === "") width--;
  const separatorName = separator === ";" ? "points-virgules" : separator === "," ? "virgules" : "tabulations";
  const parsed: ParsedRow[] = [];
  for (const record of rows) {
    // Extra empty fields at the end (";;" left by a spreadsheet) are harmless; anything else must match the header.
    let count = record.fields.length;
    while (count > width && record.fields[count - 1].trim() === "") count--;
    if (count !== width) {
      const hint = separator !== "\t" && record.fields.some((f) => f.includes("\t")) ? " Cette ligne semble séparée par des tabulations : enregistrez tout le fichier avec le même séparateur." : " Vérifiez le séparateur et les guillemets.";
      const column = count < width ? (SHEETS[key].columns.find((c) => c.key === map.columns[count])?.header ?? header.fields[count] ?? null) : columnLetters(width + 1);
      result.errors.push({
        sheet: name,
        line: record.line,
        column,
        message:
          count < width
            ? `Ligne incomplète : ${plural(count, "valeur", "valeurs")} pour ${plural(width, "colonne", "colonnes")} (séparées par des ${separatorName}). Une colonne absente n'est jamais lue comme vide : rien n'a été lu sur cette ligne.${hint}`
            : `Plus de valeurs que de colonnes : ${plural(count, "valeur", "valeurs")} pour ${plural(width, "colonne", "colonnes")}.${hint}`,
      });
      continue;
    }
    const cells: Record<string, CellValue> = {};
    map.columns.forEach((columnKey, i) => {
      if (columnKey) cells[columnKey] = record.fields[i];
    });
    parsed.push({ line: record.line, cells });
  }
  result.tables[key] = parsed;
  if (rows.length === 0) result.errors.push({ sheet: name, line: null, column: null, message: "Aucune ligne de données sous l'en-tête." });
  return result;
}
