// Long tables: one class on the <table> styles every cell (app/globals.css, .data-table), instead of the same
// utility classes on each cell (sent twice: in the HTML and in the page's RSC payload). Numeric cells carry
// className="n"; links are underlined in the site's blue. Every rule sits in :where(), so that a class on a
// cell (font-medium, text-left…) still wins.
export const DATA_TABLE = "data-table";
/** The same, with tighter rows: the small tables beside a chart. */
export const DENSE_DATA_TABLE = "data-table dense";
