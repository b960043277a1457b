import { ApiDownloads } from "@/components/opendata/api-downloads";
import { DemoMark } from "@/components/ui/provenance";
import { PUBLIC_COUNT_MASK } from "@/lib/core/format";
import { formatIndicatorValue } from "@/lib/indicators/status";
import type { PublicIndicatorValue } from "@/lib/opendata/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";

const STATUS_STYLES: Record<PublicIndicatorValue["status"], string> = {
  met: "bg-green-100 text-green-900",
  improving: "bg-blue-100 text-blue-900",
  behind: "bg-orange-100 text-orange-900",
  no_target: "bg-slate-100 text-slate-800",
  no_actual: "bg-slate-100 text-slate-800",
  monitored: "bg-slate-100 text-slate-800",
};

function value(v: PublicIndicatorValue, field: "baseline" | "target" | "actual"): string {
  return v.suppressedFields.includes(field) ? PUBLIC_COUNT_MASK : formatIndicatorValue(v.kind, v.unit, v[field]);
}

/** One row per indicator, one column per year: the actual value, the year's target and the status. */
export function IndicatorsTable({ departmentCode, contractId, values }: { departmentCode: string; contractId: string; values: PublicIndicatorValue[] }) {
  if (values.length === 0) return <p>Aucune valeur d&apos;indicateur publiée pour ce contrat.</p>;
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const indicators = [...new Map(values.map((v) => [v.indicatorCode, v])).values()];
  const byKey = new Map(values.map((v) => [`${v.indicatorCode}:${v.year}`, v]));
  return (
    <div className="space-y-3">
      {/* Focusable, so that a keyboard can scroll the table when it is wider than the screen. */}
      <div role="region" aria-label="Tableau des indicateurs" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className={DATA_TABLE}>
          <caption className="sr-only">Indicateurs du contrat : valeur constatée, cible et statut par année</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              {years.map((y) => (
                <th key={y} scope="col" className="nw">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => {
              const cells = years.map((y) => byKey.get(`${i.indicatorCode}:${y}`));
              // A row whose values are all demo data says so once, in its header, rather than in every cell.
              const rowDemo = cells.every((v) => !v || v.isDemo);
              return (
                <tr key={i.indicatorCode}>
                  <th scope="row">
                    <small>{`${i.commitmentCode} › ${i.objectiveCode} › ${i.indicatorCode}`}</small>
                    {i.indicatorLabel}
                    {rowDemo ? (
                      <span className="mt-1 block">
                        <DemoMark compact />
                      </span>
                    ) : null}
                  </th>
                  {cells.map((v, index) => {
                    if (!v) return <td key={years[index]}>—</td>;
                    return (
                      <td key={years[index]} className="nw">
                        <span className="v">{value(v, "actual")}</span>
                        <small>{`Cible : ${value(v, "target")}`}</small>
                        <span className={`badge-sm ${STATUS_STYLES[v.status]}`}>{v.statusLabel}</span>
                        {v.isDemo && !rowDemo ? (
                          <span className="mt-1 block">
                            <DemoMark compact />
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-700">Les nombres de personnes inférieurs à 11 sont affichés « &lt; 11 » (secret statistique).</p>
      <ApiDownloads resource="indicateurs" label="Indicateurs du contrat" query={{ departement: departmentCode, contrat: contractId }} />
    </div>
  );
}
