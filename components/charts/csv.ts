// CSV as open data wants it: UTF-8, comma, header row, decimal point, ISO 8601 dates, codes as text.
export type CsvValue = string | number | null;

function cell(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  // Neutralise spreadsheet formulas in text cells; quote when needed.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Cents as euros with a decimal point: 83500000 → "835000.00". */
export function centsToCsv(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
