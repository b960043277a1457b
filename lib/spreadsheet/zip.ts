// A workbook checked before exceljs reads it: the zip's central directory lists every part with its
// declared sizes (nothing is inflated to read it), then each part is inflated by Node's zlib with a
// hard output cap, so a part that lies about its size (a deflate bomb) stops at the budget instead of
// filling the memory. What comes out (at most MAX_UNCOMPRESSED_BYTES) is scanned for the row and
// column counts of each sheet, the workbook's date system and the ISO date cells (t="d") that exceljs
// misreads, all before the workbook is parsed whole.
import { inflateRawSync } from "node:zlib";
import { MAX_COLUMNS, MAX_ROWS, MAX_UNCOMPRESSED_BYTES, MAX_UNCOMPRESSED_LABEL, MAX_ZIP_ENTRIES, formatLimit } from "./limits";

export type ZipProblem = { sheet: string | null; message: string };

export type WorkbookScan = {
  /** Workbook's date system: serials counted from 1904-01-01 (old Mac Excel) rather than 1900. */
  date1904: boolean;
  /** ISO text of each `t="d"` cell, by sheet name then cell address ("B2"). */
  isoDateCells: Map<string, Map<string, string>>;
};

const UNREADABLE = "Fichier illisible : ce n'est pas un classeur XLSX valide.";
const TOO_BIG = `Le classeur décompressé dépasse ${MAX_UNCOMPRESSED_LABEL} : il n'a pas été lu. Retirez les lignes, images ou onglets inutiles, ou importez une table à la fois en CSV.`;

type Entry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localOffset: number };

/** The central directory's entries; null when the zip is malformed. */
function centralDirectory(buf: Buffer): Entry[] | { problem: string } {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: UNREADABLE };
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return { problem: TOO_BIG }; // zip64: never for a workbook of this size
  if (count > MAX_ZIP_ENTRIES) return { problem: `Le classeur contient trop de parties (${formatLimit(count)}, ${MAX_ZIP_ENTRIES} au plus) : il n'a pas été lu.` };
  if (offset + size > buf.length) return { problem: UNREADABLE };
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { problem: UNREADABLE };
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One part's bytes, inflated with at most `cap` bytes of output (zlib stops there with an error). */
function inflateEntry(buf: Buffer, entry: Entry, cap: number): Buffer | "too-big" | "unreadable" {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return "unreadable";
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length > cap ? "too-big" : data;
  if (entry.method !== 8) return "unreadable";
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError ? "too-big" : "unreadable";
  }
}

const attr = (tag: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");

/** Column letters ("AB") → 1-based index. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Rows and the widest row of one sheet's XML, stopping as soon as a limit is passed; and its t="d" cells. */
function scanSheet(xml: Buffer): { rows: number; tooManyRows: boolean; columns: number; isoDates: Map<string, string> } {
  let rows = 0;
  let columns = 0;
  const isoDates = new Map<string, string>();
  let p = xml.indexOf("<sheetData");
  while (p >= 0) {
    p = xml.indexOf("<row", p + 1);
    if (p < 0) break;
    const next = xml[p + 4];
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d) continue; // <rowBreaks…
    rows += 1;
    // The header row plus MAX_ROWS data rows at most.
    if (rows > MAX_ROWS + 1) return { rows, tooManyRows: true, columns, isoDates };
  }
  // Cells: their address gives the column; a t="d" cell keeps its text.
  let c = xml.indexOf("<c ");
  while (c >= 0) {
    const end = xml.indexOf(">", c);
    if (end < 0) break;
    const tag = xml.toString("latin1", c + 2, end);
    const ref = attr(tag, "r");
    const letters = ref ? /^[A-Z]+/.exec(ref)?.[0] : undefined;
    if (letters) columns = Math.max(columns, columnIndex(letters));
    if (columns > MAX_COLUMNS) break;
    if (ref && attr(tag, "t") === "d" && xml[end - 1] !== 0x2f) {
      const v = xml.indexOf("<v>", end);
      const close = xml.indexOf("</v>", v);
      const cellEnd = xml.indexOf("</c>", end);
      if (v >= 0 && close > v && (cellEnd < 0 || v < cellEnd)) isoDates.set(ref, xml.toString("utf8", v + 3, close).trim());
    }
    c = xml.indexOf("<c ", end);
  }
  return { rows, tooManyRows: false, columns, isoDates };
}

/** The sheet names of the workbook, by the path of their part ("xl/worksheets/sheet2.xml"). */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], "name");
    const rid = /\br:id="([^"]*)"|\s\w+:id="([^"]*)"/.exec(m[1]);
    const target = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
    if (name !== null && target) names.set(target, unescapeXml(name));
  }
  return names;
}

/**
 * The checks made before exceljs parses the workbook: structure, total decompressed size (declared,
 * then actual), rows and columns of each sheet. The first problem found stops the scan.
 */
export function scanWorkbook(bytes: Uint8Array): { ok: true; scan: WorkbookScan } | { ok: false; problem: ZipProblem } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (message: string, sheet: string | null = null) => ({ ok: false as const, problem: { sheet, message } });
  const directory = centralDirectory(buf);
  if (!Array.isArray(directory)) return fail(directory.problem);
  // Declared sizes first: a workbook that says it is too big is refused without inflating anything.
  const declared = directory.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) return fail(TOO_BIG);
  // Then the actual sizes, each part capped by what is left of the budget (a part may lie about its size).
  let budget = MAX_UNCOMPRESSED_BYTES;
  const parts = new Map<string, Buffer>();
  for (const entry of directory) {
    if (entry.name.endsWith("/")) continue;
    const data = inflateEntry(buf, entry, budget);
    if (data === "too-big") return fail(TOO_BIG);
    if (data === "unreadable") return fail(UNREADABLE);
    budget -= data.length;
    // Only the XML the scan reads is kept; images and the like are dropped at once.
    if (entry.name === "xl/workbook.xml" || entry.name === "xl/_rels/workbook.xml.rels" || entry.name.startsWith("xl/worksheets/sheet")) parts.set(entry.name, data);
  }
  const workbookXml = parts.get("xl/workbook.xml")?.toString("utf8");
  const relsXml = parts.get("xl/_rels/workbook.xml.rels")?.toString("utf8");
  if (!workbookXml || !relsXml) return fail(UNREADABLE);
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const date1904Attr = pr ? attr(pr[1], "date1904") : null;
  const scan: WorkbookScan = { date1904: date1904Attr === "1" || date1904Attr === "true", isoDateCells: new Map() };
  for (const [path, name] of sheetNames(workbookXml, relsXml)) {
    const xml = parts.get(path);
    if (!xml) continue;
    const sheet = scanSheet(xml);
    if (sheet.tooManyRows) return fail(`L'onglet « ${name} » dépasse ${formatLimit(MAX_ROWS)} lignes de données : il n'a pas été lu. Découpez le fichier.`, name);
    if (sheet.columns > MAX_COLUMNS) return fail(`L'onglet « ${name} » dépasse ${MAX_COLUMNS} colonnes : il n'a pas été lu. Utilisez le modèle exporté.`, name);
    if (sheet.isoDates.size > 0) scan.isoDateCells.set(name, sheet.isoDates);
  }
  return { ok: true, scan };
}
