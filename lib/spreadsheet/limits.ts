// Every size limit of the spreadsheet import, in one place (docs/tableur.md states them). A file over
// one of them is refused before it is parsed whole, with a French message: the server's memory and
// time stay bounded whatever an editor uploads. Client-safe (no data access).

/** The uploaded file itself (compressed, for a workbook). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_LABEL = "5 Mo";
/** Every part of a workbook once decompressed, added up (read from the zip's central directory, then checked while inflating). */
export const MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;
export const MAX_UNCOMPRESSED_LABEL = "40 Mo";
/** Parts (files) inside a workbook: Excel writes about fifteen. */
export const MAX_ZIP_ENTRIES = 200;
/** Data rows per sheet (or per CSV file), header excluded. */
export const MAX_ROWS = 20_000;
/** Columns per row: the template has 12 at most. */
export const MAX_COLUMNS = 50;
/** Characters per cell: the longest field (« Finalité ») takes 2,000. */
export const MAX_CELL_CHARS = 5_000;
/** Errors listed in an answer; the total and the count per column are always complete. */
export const MAX_LISTED_ERRORS = 200;

export const formatLimit = (n: number) => new Intl.NumberFormat("fr-FR").format(n).replace(/\u202f/g, " ");
