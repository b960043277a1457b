import { Provenance } from "@/components/ui/provenance";
import type { ContextFigureRow } from "@/lib/contracts/schemas";
import { formatEurosCompact, formatNumber, formatPercent } from "@/lib/format";

export function ContextFigures({ figures }: { figures: ContextFigureRow[] }) {
  if (figures.length === 0) return <p>Aucun chiffre de contexte renseigné.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Chiffres de contexte du département par année (données agrégées)</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Année</th>
            <th scope="col" className="px-3 py-2 text-right">Budget protection de l&apos;enfance</th>
            <th scope="col" className="px-3 py-2 text-right">Évolution</th>
            <th scope="col" className="px-3 py-2 text-right">Enfants suivis par l&apos;ASE</th>
            <th scope="col" className="px-3 py-2 text-right">Part en situation de handicap</th>
            <th scope="col" className="px-3 py-2">Provenance</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f, i) => {
            const previous = figures[i - 1];
            const growth =
              previous?.childProtectionBudgetCents && f.childProtectionBudgetCents && previous.year === f.year - 1
                ? ((f.childProtectionBudgetCents - previous.childProtectionBudgetCents) / previous.childProtectionBudgetCents) * 100
                : null;
            return (
              <tr key={f.year} className="border-b border-slate-100 align-top">
                <th scope="row" className="tabular px-3 py-2 text-left font-normal">
                  {f.year}
                </th>
                <td className="tabular px-3 py-2 text-right">{f.childProtectionBudgetCents === null ? "—" : formatEurosCompact(f.childProtectionBudgetCents)}</td>
                <td className="tabular px-3 py-2 text-right">{growth === null ? "—" : `${growth > 0 ? "+" : ""}${formatPercent(growth)}`}</td>
                <td className="tabular px-3 py-2 text-right">{f.childrenFollowedByAse === null ? "—" : formatNumber(f.childrenFollowedByAse)}</td>
                <td className="tabular px-3 py-2 text-right">
                  {f.disabilitySharePercent === null ? "—" : formatPercent(f.disabilitySharePercent)}
                  {f.note ? <span className="block text-xs text-slate-700">{f.note}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Provenance sourceUrl={f.sourceUrl} isDemo={f.isDemo} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
