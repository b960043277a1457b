import { ApiDownloads } from "@/components/opendata/api-downloads";
import { PUBLIC_COUNT_MASK } from "@/lib/core/format";
import { formatIndicatorValue } from "@/lib/indicators/status";
import type { PublicIndicatorValue } from "@/lib/opendata/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";

function value(v: PublicIndicatorValue, field: "baseline" | "target" | "actual"): string {
  return v.suppressedFields.includes(field) ? PUBLIC_COUNT_MASK : formatIndicatorValue(v.kind, v.unit, v[field]);
}

/**
 * One row per indicator, one column per year: the actual value, the year's target and the status. The rows are
 * drawn by a client component given their formatted values (CompactRows): the RSC payload carries them once. A
 * row whose values are all demo data says so once, in its header, rather than in every cell.
 */
export function IndicatorsTable({ departmentCode, contractId, values }: { departmentCode: string; contractId: string; values: PublicIndicatorValue[] }) {
  if (values.length === 0) return <p>Aucune valeur d&apos;indicateur publiée pour ce contrat.</p>;
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const indicators = [...new Map(values.map((v) => [v.indicatorCode, v])).values()];
  const byKey = new Map(values.map((v) => [`${v.indicatorCode}:${v.year}`, v]));
  // The indicator's heading, then a year per column (« — » for a year without a value).
  const columns = [["ih"], ...years.map(() => ["iv", "nw"] as const)] as const satisfies readonly CompactColumn[];
  const rows = indicators.map((i): CompactRow<typeof columns> => {
    const cells = years.map((y) => byKey.get(`${i.indicatorCode}:${y}`));
    const rowDemo = cells.every((v) => !v || v.isDemo);
    return [
      [`${i.commitmentCode} › ${i.objectiveCode} › ${i.indicatorCode}`, i.indicatorLabel, rowDemo ? 1 : 0],
      ...cells.map((v) => (v ? ([value(v, "actual"), value(v, "target"), v.status, v.statusLabel, v.isDemo && !rowDemo ? 1 : 0] as const) : null)),
    ];
  });
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
          <CompactRows columns={columns} rows={rows} />
        </table>
      </div>
      <p className="text-xs text-slate-700">Les nombres de personnes inférieurs à 11 sont affichés « &lt; 11 » (secret statistique).</p>
      <ApiDownloads resource="indicateurs" label="Indicateurs du contrat" query={{ departement: departmentCode, contrat: contractId }} />
    </div>
  );
}
