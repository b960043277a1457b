// The tests' one way of reading a CSV the app wrote: the same RFC 4180 reader as the app's own checks.
import { parseCsv } from "../../lib/core/csv";

export { parseCsv };

/** The rows of a CSV as records keyed by the header's names (BOM dropped, quotes undone). */
export function csvRecords(text: string, separator: "," | ";" = ","): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text, separator);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}
