// Long tables: one class on the <table> styles every cell, instead of the same utility classes on each
// cell (sent twice: in the HTML and in the page's RSC payload). Numeric cells carry className="n";
// links are underlined in the site's blue.
// Every rule sits in :where(), so that a class on a cell (font-medium, text-left…) still wins. Written
// out in full: Tailwind finds class names in the source text.
export const DATA_TABLE = [
  "w-full border-collapse text-sm",
  "[:where(&)_th]:px-2 [:where(&)_th]:py-2 [:where(&)_td]:px-2 [:where(&)_td]:py-2",
  "[:where(&)_thead_tr]:border-b [:where(&)_thead_tr]:border-slate-300 [:where(&)_thead_tr]:text-left [:where(&)_thead_tr]:align-bottom",
  "[:where(&)_tbody_tr]:border-b [:where(&)_tbody_tr]:border-slate-100 [:where(&)_tbody_tr]:align-top [:where(&)_tbody_th]:text-left [:where(&)_tbody_th]:font-normal",
  "[:where(&)_.n]:text-right [:where(&)_.n]:tabular-nums [:where(&)_.n]:whitespace-nowrap [:where(&)_li]:whitespace-nowrap",
  "[:where(&)_a]:text-marianne [:where(&)_a]:underline",
  "[:where(&)_small]:block [:where(&)_small]:text-xs [:where(&)_small]:font-normal [:where(&)_small]:text-slate-700",
].join(" ");
