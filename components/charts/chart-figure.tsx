import { CsvDownload } from "./csv-download";
import type { CsvCell } from "@/lib/core/csv";
import { DENSE_DATA_TABLE } from "@/components/ui/data-table";
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
      <table className={DENSE_DATA_TABLE}>
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? "r" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={table.columns[i]?.numeric ? "n" : undefined}>
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
