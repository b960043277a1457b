// Reading an uploaded file (XLSX or CSV) into raw rows per sheet, with every problem as
// { sheet, line, column, message } in French. Values are read, never computed: a formula is refused.
import ExcelJS from "exceljs";
import { MAX_FILE_BYTES, MAX_FILE_LABEL, README_SHEET, SHEETS, SHEET_KEYS, columnByHeader, normalizeLabel, type SheetKey } from "./template";

export type CellValue = string | number | Date | boolean | null;
export type ImportError = { sheet: string | null; line: number | null; column: string | null; message: string };
export type ParsedRow = { line: number; cells: Record<string, CellValue> };

export type ParsedFile = {
  format: "xlsx" | "csv";
  tables: Partial<Record<SheetKey, ParsedRow[]>>;
  /** The department the "Lisez-moi" sheet names, if any. */
  readmeDepartment: string | null;
  notices: string[];
  errors: ImportError[];
};

export const FORMULA_MESSAGE = "Formule refusée : saisissez une valeur (les formules ne sont jamais évaluées).";

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

/** A cell's value as exceljs gives it (row.values), read without computing anything. */
function xlsxValue(v: unknown): { value: CellValue } | { error: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return { error: FORMULA_MESSAGE };
    if ("error" in o) return { error: `Valeur d'erreur du tableur (${String(o.error)}) : saisissez une valeur.` };
    if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((r) => r.text).join("") };
    if (typeof o.text === "string") return { value: o.text };
  }
  return { error: "Valeur illisible." };
}

async function parseXlsx(buffer: Uint8Array): Promise<ParsedFile> {
  const result: ParsedFile = { format: "xlsx", tables: {}, readmeDepartment: null, notices: [], errors: [] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    result.errors.push(fileError("Fichier illisible : ce n'est pas un classeur XLSX valide."));
    return result;
  }
  const byName = new Map(workbook.worksheets.map((w) => [normalizeLabel(w.name), w]));
  const readme = byName.get(normalizeLabel(README_SHEET));
  if (readme) {
    readme.eachRow((row) => {
      const label = row.getCell(1).value;
      const value = row.getCell(2).value;
      // The first "Département" line names it; the later one explains the column.
      if (result.readmeDepartment === null && typeof label === "string" && normalizeLabel(label) === "departement" && value !== null && value !== undefined) result.readmeDepartment = String(value).trim();
    });
  }
  for (const key of SHEET_KEYS) {
    const name = SHEETS[key].name;
    const sheet = byName.get(normalizeLabel(name));
    if (!sheet) {
      result.errors.push({ sheet: name, line: null, column: null, message: `Onglet « ${name} » manquant : utilisez le modèle exporté.` });
      continue;
    }
    const headerValues = sheet.getRow(1).values as unknown[];
    const headers: string[] = [];
    for (let c = 1; c < headerValues.length; c++) {
      const v = xlsxValue(headerValues[c]);
      headers.push("value" in v && v.value !== null ? String(v.value) : "");
    }
    if (headers.every((h) => h.trim() === "")) {
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
      let blank = true;
      map.columns.forEach((columnKey, i) => {
        if (!columnKey) return;
        const read = xlsxValue(values[i + 1]);
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

/** UTF-8 when it decodes strictly, otherwise Windows-1252 (what Excel saves as "CSV" in French Windows). */
export function decodeText(buffer: Uint8Array): { text: string; latin1: boolean } {
  const bytes = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), latin1: false };
  } catch {
    const latin1 = new TextDecoder("latin1").decode(bytes);
    return { text: latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]), latin1: true };
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

/** RFC 4180 records with the physical line each starts on. */
export function splitCsv(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
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
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
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

function parseCsv(buffer: Uint8Array): ParsedFile {
  const result: ParsedFile = { format: "csv", tables: {}, readmeDepartment: null, notices: [], errors: [] };
  const { text, latin1 } = decodeText(buffer);
  if (latin1) result.notices.push("Fichier encodé en Windows-1252 (Latin-1, enregistré par Excel) : les accents ont été convertis.");
  const separator = detectSeparator(text);
  if (separator === ";") result.notices.push("Séparateur point-virgule détecté.");
  const records = splitCsv(text, separator).filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (records.length === 0) {
    result.errors.push(fileError("Le fichier est vide."));
    return result;
  }
  const [header, ...rows] = records;
  const key = detectTable(header.fields);
  if (!key) {
    result.errors.push({ sheet: null, line: header.line, column: null, message: "En-têtes non reconnus : utilisez un fichier CSV exporté (fiches action, financements ou indicateurs)." });
    return result;
  }
  const name = SHEETS[key].name;
  const map = mapHeaders(key, header.fields, result.errors);
  const parsed: ParsedRow[] = [];
  for (const record of rows) {
    if (record.fields.length > map.columns.length && record.fields.slice(map.columns.length).some((f) => f.trim() !== "")) {
      result.errors.push({ sheet: name, line: record.line, column: null, message: "Plus de valeurs que de colonnes : vérifiez le séparateur et les guillemets." });
      continue;
    }
    const cells: Record<string, CellValue> = {};
    map.columns.forEach((columnKey, i) => {
      if (columnKey) cells[columnKey] = record.fields[i] ?? null;
    });
    parsed.push({ line: record.line, cells });
  }
  result.tables[key] = parsed;
  if (parsed.length === 0) result.errors.push({ sheet: name, line: null, column: null, message: "Aucune ligne de données sous l'en-tête." });
  return result;
}
