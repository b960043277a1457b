// Hostile spreadsheet files built in memory, for the reliability run (hostile-imports.ts) and the
// integration tests: a workbook of a million rows, deflate bombs (honest or lying about their size),
// and a minimal zip writer to build them (Node's zlib, no dependency).
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export type ZipEntry = { name: string; data: Buffer; /** The size the central directory claims (a bomb lies). */ declaredSize?: number; /** Already deflated: `data` is written as is. */ deflated?: { size: number; crc: number } };

/** A zip archive (deflate), the way spreadsheet tools write an XLSX. */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = entry.deflated ? entry.data : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? entry.data.length;
    const crc = entry.deflated?.crc ?? crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_NAMES = ["Fiches action", "Financements", "Indicateurs"];

/** The parts of a workbook around its sheets' XML (one part per sheet, named as the template). */
export function workbookParts(sheets: { name: string; xml: ZipEntry["data"]; entry?: Partial<ZipEntry> }[], options: { date1904?: boolean } = {}): ZipEntry[] {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
    },
    { name: "_rels/.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
      ),
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml, ...s.entry })),
  ];
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_END = `</sheetData></worksheet>`;

/** A row of inline-string cells, A1-style addresses. */
export function rowXml(line: number, values: string[]): string {
  return `<row r="${line}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${line}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`;
}

const HEADERS: Record<string, string[]> = {
  "Fiches action": ["Département", "Référence", "Intitulé", "Objectif", "Finalité", "Public visé", "Pilote", "Partenaires", "Date de début", "Date de fin", "Statut", "Avancement (%)"],
  Financements: ["Département", "Identifiant", "Fiche action", "Financeur", "Année", "Étape", "Montant (€)"],
  Indicateurs: ["Département", "Indicateur", "Libellé", "Unité", "Année", "Valeur de référence", "Cible", "Réalisé"],
};

/** A sheet of the template with its header row only. */
const emptySheet = (name: string) => Buffer.from(SHEET_START + rowXml(1, HEADERS[name]) + SHEET_END);

/** The funding sheet's header and `rows` data rows (`bad`: four wrong values each), the other sheets empty. */
export function fundingRowsWorkbook(rows: number, bad = false): Buffer {
  const parts: string[] = [SHEET_START, rowXml(1, HEADERS.Financements)];
  for (let i = 2; i <= rows + 1; i++) parts.push(rowXml(i, bad ? ["77", "", "FA-99", "Mécène", "1999", "Prévu", `-${i}`] : ["77", "", "", "Département", "2021", "Prévu", String(i)]));
  parts.push(SHEET_END);
  return buildZip(workbookParts(SHEET_NAMES.map((name) => ({ name, xml: name === "Financements" ? Buffer.from(parts.join("")) : emptySheet(name) }))));
}

/** Deflated bytes of `size` bytes of `fill`, streamed so that the builder never holds the whole text. */
async function deflatedFill(prefix: string, fill: string, size: number, suffix: string): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const chunk = Buffer.from(fill.repeat(Math.ceil((1024 * 1024) / fill.length)).slice(0, 1024 * 1024));
  let crc = crc32(prefix);
  let written = Buffer.byteLength(prefix);
  const write = (b: Buffer | string) => (deflate.write(b) ? Promise.resolve() : new Promise<void>((r) => deflate.once("drain", () => r())));
  await write(prefix);
  while (written + chunk.length <= size) {
    await write(chunk);
    crc = crc32(chunk, crc);
    written += chunk.length;
  }
  await write(suffix);
  crc = crc32(suffix, crc);
  written += Buffer.byteLength(suffix);
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size: written, crc };
}

/**
 * A workbook of `rows` data rows in its funding sheet (one million by default: about 5 MB once
 * compressed, well over 100 MB of XML), each row a valid-looking funding line.
 */
export async function millionRowWorkbook(rows = 1_000_000): Promise<Buffer> {
  // Addresses are optional in a sheet: rows that differ only by their amount keep the file under 5 Mo,
  // as the one reported (four bad values a row: four million errors if it were read whole).
  const line = (i: number) => `<row><c t="inlineStr"><is><t>77</t></is></c><c/><c t="inlineStr"><is><t>FA-99</t></is></c><c t="inlineStr"><is><t>Mécène</t></is></c><c><v>1999</v></c><c t="inlineStr"><is><t>Prévu</t></is></c><c><v>-${i}</v></c></row>`;
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve) => deflate.on("end", resolve));
  const header = rowXml(1, ["Département", "Identifiant", "Fiche action", "Financeur", "Année", "Étape", "Montant (€)"]);
  let crc = crc32(SHEET_START + header);
  let size = Buffer.byteLength(SHEET_START + header);
  deflate.write(SHEET_START + header);
  for (let start = 2; start <= rows + 1; start += 10_000) {
    const block = Buffer.from(Array.from({ length: Math.min(10_000, rows + 2 - start) }, (_, k) => line(start + k)).join(""));
    crc = crc32(block, crc);
    size += block.length;
    if (!deflate.write(block)) await new Promise<void>((r) => deflate.once("drain", () => r()));
  }
  deflate.end(SHEET_END);
  crc = crc32(SHEET_END, crc);
  size += Buffer.byteLength(SHEET_END);
  await done;
  const sheet = { data: Buffer.concat(out), size, crc };
  return buildZip(workbookParts(SHEET_NAMES.map((name) => (name === "Financements" ? { name, xml: sheet.data, entry: { deflated: { size: sheet.size, crc: sheet.crc } } } : { name, xml: emptySheet(name) }))));
}

/**
 * A deflate bomb: one sheet that inflates to `size` bytes (480 MB by default) from a few hundred
 * kilobytes. `lying`: its central directory claims a few kilobytes, so only the inflating can tell.
 */
export async function deflateBomb(size = 480 * 1024 * 1024, lying = false): Promise<Buffer> {
  const sheet = await deflatedFill(SHEET_START, "<row/>", size, SHEET_END);
  return buildZip(
    workbookParts(SHEET_NAMES.map((name) => (name === "Financements" ? { name, xml: sheet.data, entry: { deflated: { size: sheet.size, crc: sheet.crc }, declaredSize: lying ? 4096 : sheet.size } } : { name, xml: emptySheet(name) }))),
  );
}
