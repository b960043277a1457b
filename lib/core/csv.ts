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
