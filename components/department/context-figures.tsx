import { ApiDownloads } from "@/components/opendata/api-downloads";
import { Provenance } from "@/components/ui/provenance";
import type { PublicContextFigure } from "@/lib/opendata/schemas";
import { PUBLIC_COUNT_MASK, formatEurosCompact, formatPercent, formatPublicCount } from "@/lib/core/format";
import { DATA_TABLE } from "@/components/ui/data-table";
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
        <table className={DATA_TABLE}>
          <caption className="sr-only">Chiffres de contexte du département par année (données agrégées)</caption>
          <thead>
            <tr>
              <th scope="col">Année</th>
              <th scope="col" className="r">Budget protection de l&apos;enfance</th>
              <th scope="col" className="r">Évolution</th>
              <th scope="col" className="r">Enfants suivis par l&apos;ASE</th>
              <th scope="col" className="r">Part en situation de handicap</th>
              <th scope="col">Provenance</th>
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
                <tr key={f.year}>
                  <th scope="row" className="nw">
                    {f.year}
                  </th>
                  <td className="n">{f.childProtectionBudgetCents === null ? "—" : formatEurosCompact(f.childProtectionBudgetCents)}</td>
                  <td className="n">{growth === null ? "—" : `${growth > 0 ? "+" : ""}${formatPercent(growth)}`}</td>
                  <td className="n">
                    {withheld("childrenFollowedByAse") ? <Withheld /> : formatPublicCount(f.childrenFollowedByAse)}
                  </td>
                  <td className="r tabular">
                    {withheld("disabilitySharePercent") ? <Withheld /> : f.disabilitySharePercent === null ? "—" : formatPercent(f.disabilitySharePercent)}
                    {f.note ? <small>{f.note}</small> : null}
                  </td>
                  <td>
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
