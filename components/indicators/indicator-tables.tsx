// The indicators of a contract, grouped by commitment and objective, one table per indicator. Renders on
// the server for readers; the editor renders it too, with its buttons and form in the two slots.
import type { ReactNode } from "react";
import { Provenance } from "@/components/ui/provenance";
import { DIRECTION_LABELS, INDICATOR_KIND_LABELS, type CommitmentIndicators, type IndicatorRow, type IndicatorYearRow } from "@/lib/indicators/schemas";
import { INDICATOR_STATUS_LABELS, formatIndicatorValue, indicatorStatus, unitLabel, type IndicatorStatus } from "@/lib/indicators/status";
import { TableScroll } from "@/components/ui/table-scroll";
import { INDICATOR_STATUS_STYLES } from "./indicator-status-styles";

export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${INDICATOR_STATUS_STYLES[status]}`}>{INDICATOR_STATUS_LABELS[status]}</span>;
}

type Slots = {
  /** A cell's content at the end of each row (the editor's button); no column without it. */
  rowAction?: (indicator: IndicatorRow, row: IndicatorYearRow) => ReactNode;
  /** Shown under an indicator's table (the editor's form). */
  afterIndicator?: (indicator: IndicatorRow) => ReactNode;
};

export function IndicatorTables({ commitments, rowAction, afterIndicator }: { commitments: CommitmentIndicators[] } & Slots) {
  if (commitments.length === 0) return <p className="rounded bg-white p-4">Ce contrat ne retient encore aucun objectif.</p>;
  return (
    <div className="space-y-10">
      {commitments.map((c) => (
        <section key={c.code} aria-labelledby={`engagement-${c.code}`} className="space-y-6">
          <h2 id={`engagement-${c.code}`} className="text-xl font-semibold">
            {c.code} — {c.title}
          </h2>
          {c.objectives.map((o) => (
            <section key={o.id} aria-labelledby={`objectif-${o.id}`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`objectif-${o.id}`} className="font-semibold">
                {o.code} — {o.title}
                {o.isMandatory ? null : <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-800">optionnel</span>}
              </h3>
              {o.indicators.length === 0 ? <p className="text-sm text-slate-700">Aucun indicateur défini pour cet objectif.</p> : null}
              {o.indicators.map((i) => (
                <div key={i.id}>
                  <IndicatorTable indicator={i} rowAction={rowAction} />
                  {afterIndicator?.(i)}
                </div>
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function IndicatorTable({ indicator, rowAction }: { indicator: IndicatorRow; rowAction?: Slots["rowAction"] }) {
  const show = (value: number | null) => formatIndicatorValue(indicator.kind, indicator.unit, value);
  return (
    <TableScroll label={`Valeurs de l'indicateur ${indicator.code}`}>
      <table className="w-full border-collapse text-sm">
        <caption className="pb-2 text-left">
          <span className="font-medium">{indicator.label}</span>
          <span className="block text-xs text-slate-700">
            {indicator.code} · {INDICATOR_KIND_LABELS[indicator.kind]}, {unitLabel(indicator.kind, indicator.unit)} · {DIRECTION_LABELS[indicator.direction]}
          </span>
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Année</th>
            <th scope="col" className="px-3 py-2 text-right">Valeur de référence</th>
            <th scope="col" className="px-3 py-2 text-right">Cible</th>
            <th scope="col" className="px-3 py-2 text-right">Réalisé</th>
            <th scope="col" className="px-3 py-2">Situation</th>
            <th scope="col" className="px-3 py-2">Provenance</th>
            {rowAction ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Saisie</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {indicator.years.map((row) => (
            <tr key={row.year} className="border-b border-slate-100">
              <th scope="row" className="tabular px-3 py-2 text-left font-normal">
                {row.year}
              </th>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">{show(row.baseline)}</td>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">{show(row.target)}</td>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">{show(row.actual)}</td>
              <td className="px-3 py-2">
                <IndicatorStatusBadge status={indicatorStatus({ ...row, kind: indicator.kind, direction: indicator.direction })} />
              </td>
              <td className="px-3 py-2">
                <Provenance sourceUrl={row.sourceUrl} isDemo={row.isDemo} compact />
                {row.id && !row.sourceUrl && !row.isDemo ? <span className="text-xs text-slate-700">Déclaré par le département</span> : null}
              </td>
              {rowAction ? <td className="px-3 py-2 text-right">{rowAction(indicator, row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
