import { CsvDownload } from "./csv-download";
import type { CsvCell } from "@/lib/core/csv";
import { TableScroll } from "@/components/ui/table-scroll";

export type FigureTable = {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: React.ReactNode[] }[];
  csv: { filename: string; header: string[]; rows: CsvCell[][] };
};

/** A chart always comes with its data table and a CSV of what it shows. */
export function ChartFigure({ title, chart, table }: { title: string; chart: React.ReactNode; table: FigureTable }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-lg font-semibold">{title}</figcaption>
      <div className="mt-4" aria-hidden="true">
        {chart}
      </div>
      <DataTable table={table} />
      <div className="mt-3">
        <CsvDownload filename={table.csv.filename} header={table.csv.header} rows={table.csv.rows} label={title} />
      </div>
    </figure>
  );
}

export function DataTable({ table }: { table: Omit<FigureTable, "csv"> }) {
  return (
    <TableScroll label={table.caption} className="mt-4">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={`px-2 py-1 font-semibold ${c.numeric ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-2 py-1 ${table.columns[i]?.numeric ? "tabular text-right" : ""}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
