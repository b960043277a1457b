// A department's context figures per year (aggregates only). Renders on the server for readers; the
// editor renders it too, with a button per row.
import type { ReactNode } from "react";
import { Provenance } from "@/components/ui/provenance";
import type { ContextFigureValues } from "@/lib/context-figures/schemas";
import { formatEuros, formatNumber, formatPercent } from "@/lib/core/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function ContextFigureTable({ figures, rowAction }: { figures: ContextFigureValues[]; rowAction?: (figure: ContextFigureValues) => ReactNode }) {
  if (figures.length === 0) return <p className="rounded bg-white p-4">Aucun chiffre de contexte renseigné.</p>;
  return (
    <TableScroll label="Chiffres de contexte" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Chiffres de contexte du département par année (données agrégées, jamais individuelles)</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Année</th>
            <th scope="col" className="px-3 py-2 text-right">Budget protection de l&apos;enfance</th>
            <th scope="col" className="px-3 py-2 text-right">Enfants suivis par l&apos;ASE</th>
            <th scope="col" className="px-3 py-2 text-right">Part en situation de handicap</th>
            <th scope="col" className="px-3 py-2">Note</th>
            <th scope="col" className="px-3 py-2">Provenance</th>
            {rowAction ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Modification</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="tabular px-3 py-2 text-left font-normal">
                {f.year}
              </th>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">
                {f.childProtectionBudgetCents === null ? "—" : formatEuros(f.childProtectionBudgetCents)}
              </td>
              <td className="tabular px-3 py-2 text-right">{f.childrenFollowedByAse === null ? "—" : formatNumber(f.childrenFollowedByAse)}</td>
              <td className="tabular px-3 py-2 text-right">{f.disabilitySharePercent === null ? "—" : formatPercent(f.disabilitySharePercent)}</td>
              <td className="px-3 py-2">{f.note ?? "—"}</td>
              <td className="px-3 py-2">
                <Provenance sourceUrl={f.sourceUrl} isDemo={f.isDemo} />
                {!f.sourceUrl && !f.isDemo ? <span className="text-xs text-slate-700">Déclaré par le département</span> : null}
              </td>
              {rowAction ? <td className="px-3 py-2 text-right">{rowAction(f)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
