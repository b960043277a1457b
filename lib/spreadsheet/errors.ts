// Errors counted as they are found, keeping only the first MAX_LISTED_ERRORS: a file with 80,000 bad
// values costs a counter per column, not 80,000 objects, and the answer stays small.
import { MAX_LISTED_ERRORS } from "./limits";
import type { ImportError } from "./parse";

/** Every error counted, by sheet and column, though only the first MAX_LISTED_ERRORS are listed. */
export type ErrorCount = { total: number; byColumn: { sheet: string | null; column: string | null; count: number }[] };

// Messages may quote a cell (an unknown code, a header): each is cut so that the answer stays small.
const cut = (text: string | null, max: number) => (text !== null && text.length > max ? `${text.slice(0, max)}…` : text);

export class ErrorTally {
  readonly listed: ImportError[] = [];
  total = 0;
  private readonly byColumn = new Map<string, { sheet: string | null; column: string | null; count: number }>();

  add(e: ImportError) {
    this.total += 1;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ ...e, column: cut(e.column, 80), message: cut(e.message, 400)! });
    const key = `${e.sheet ?? ""}\u0000${e.column ?? ""}`;
    const entry = this.byColumn.get(key);
    if (entry) entry.count += 1;
    else if (this.byColumn.size < MAX_LISTED_ERRORS) this.byColumn.set(key, { sheet: e.sheet, column: cut(e.column, 80), count: 1 });
  }

  result(): { errors: ImportError[]; errorCount: ErrorCount } {
    return { errors: this.listed, errorCount: { total: this.total, byColumn: [...this.byColumn.values()].sort((a, b) => b.count - a.count) } };
  }
}

/** The first errors of a list, and its complete counts. */
export function capErrors(errors: ImportError[]): { errors: ImportError[]; errorCount: ErrorCount } {
  const tally = new ErrorTally();
  for (const e of errors) tally.add(e);
  return tally.result();
}
