import { FUNDING_STAGES, STAGE_LABELS, type StageTotals } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";
import { TableScroll } from "@/components/ui/table-scroll";

export type StageTotalsRow = StageTotals & { key: string; label: React.ReactNode };

/** One row per year, funder or party; one column per stage; amounts summed by the database. */
export function StageTotalsTable({
  caption,
  firstColumn,
  rows,
  total,
  extra,
}: {
  caption: string;
  firstColumn: string;
  rows: StageTotalsRow[];
  total?: StageTotals;
  /** A first numeric column shown before the stages (the avenant's or the contract's amount). */
  extra?: { label: string; value: (key: string) => number | null };
}) {
  const cell = "tabular px-3 py-2 text-right whitespace-nowrap";
  return (
    <TableScroll label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">
              {firstColumn}
            </th>
            {extra ? (
              <th scope="col" className="px-3 py-2 text-right">
                {extra.label}
              </th>
            ) : null}
            {FUNDING_STAGES.map((s) => (
              <th key={s} scope="col" className="px-3 py-2 text-right">
                {STAGE_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={FUNDING_STAGES.length + (extra ? 2 : 1)} className="px-3 py-2 text-slate-700">
                Aucune ligne de financement.
              </td>
            </tr>
          ) : null}
          {rows.map((r) => {
            const granted = extra?.value(r.key);
            return (
              <tr key={r.key} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {r.label}
                </th>
                {extra ? <td className={cell}>{granted === null || granted === undefined ? "—" : formatEuros(granted)}</td> : null}
                {FUNDING_STAGES.map((s) => (
                  <td key={s} className={cell}>
                    {formatEuros(r[s])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {total && rows.length > 0 ? (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              {extra ? <td className={cell} /> : null}
              {FUNDING_STAGES.map((s) => (
                <td key={s} className={cell}>
                  {formatEuros(total[s])}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
