import { ApiDownloads } from "@/components/opendata/api-downloads";
import { Provenance } from "@/components/ui/provenance";
import type { PublicContextFigure } from "@/lib/opendata/schemas";
import { PUBLIC_COUNT_MASK, formatEurosCompact, formatPercent, formatPublicCount } from "@/lib/core/format";
import { TableScroll } from "@/components/ui/table-scroll";

/** A withheld count (fewer than 11 people): "< 11", said in full to screen readers. */
function Withheld() {
  return (
    <abbr title="moins de 11 : effectif trop faible pour être publié (secret statistique)" className="no-underline">
      {PUBLIC_COUNT_MASK}
    </abbr>
  );
}

export function ContextFigures({ departmentCode, figures }: { departmentCode: string; figures: PublicContextFigure[] }) {
  if (figures.length === 0) return <p>Aucun chiffre de contexte renseigné.</p>;
  return (
    <div className="space-y-3">
      <TableScroll label="Chiffres de contexte" className="rounded-lg border border-slate-200 bg-white">
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
              const withheld = (field: string) => f.suppressedFields.includes(field);
              return (
                <tr key={f.year} className="border-b border-slate-100 align-top">
                  <th scope="row" className="tabular px-3 py-2 text-left font-normal">
                    {f.year}
                  </th>
                  <td className="tabular px-3 py-2 text-right">{f.childProtectionBudgetCents === null ? "—" : formatEurosCompact(f.childProtectionBudgetCents)}</td>
                  <td className="tabular px-3 py-2 text-right">{growth === null ? "—" : `${growth > 0 ? "+" : ""}${formatPercent(growth)}`}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right">
                    {withheld("childrenFollowedByAse") ? <Withheld /> : formatPublicCount(f.childrenFollowedByAse)}
                  </td>
                  <td className="tabular px-3 py-2 text-right">
                    {withheld("disabilitySharePercent") ? <Withheld /> : f.disabilitySharePercent === null ? "—" : formatPercent(f.disabilitySharePercent)}
                    {f.note ? <span className="block text-xs text-slate-700">{f.note}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Provenance sourceUrl={f.sourceUrl} source={f.source} isDemo={f.isDemo} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="text-xs text-slate-700">
        Les effectifs inférieurs à 11 enfants sont affichés « &lt; 11 » (secret statistique), et la part en situation de handicap avec eux.
      </p>
      <ApiDownloads resource="chiffres-de-contexte" label="Chiffres de contexte" query={{ departement: departmentCode }} />
    </div>
  );
}
