// The report's figures on screen (the print page and the PDF use lib/reports/document.ts).
import { IndicatorStatusBadge } from "@/components/indicators/indicator-tables";
import { ActionStatusBadge } from "@/components/ui/action-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { ACTION_STATUS_LABELS } from "@/lib/actions/schemas";
import { formatEuros, formatNumber, formatPercent } from "@/lib/core/format";
import { FUNDER_LABELS, FUNDING_STAGES, STAGE_LABELS } from "@/lib/funding/schemas";
import type { ReportSnapshot, SnapshotDiff } from "@/lib/reports/schemas";
import { indicatorDisplay } from "@/lib/reports/snapshot";

export function ReportFigures({ figures }: { figures: ReportSnapshot }) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="r-actions">
        <h3 id="r-actions" className="text-lg font-semibold">Fiches action ({figures.actions.length})</h3>
        <TableScroll label="Fiches action" className="rounded border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Statut et avancement des fiches action</caption>
            <thead><tr className="border-b text-left"><th scope="col" className="px-3 py-2">Fiche</th><th scope="col" className="px-3 py-2">Statut</th><th scope="col" className="px-3 py-2 text-right">Avancement</th></tr></thead>
            <tbody>
              {figures.actions.map((a) => (
                <tr key={a.reference} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{a.reference} — {a.title}</th>
                  <td className="px-3 py-2"><ActionStatusBadge status={a.status} isLate={a.isLate} /></td>
                  <td className="tabular px-3 py-2 text-right">{a.progress} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="r-funding">
        <h3 id="r-funding" className="text-lg font-semibold">Financements {figures.year} par financeur et par étape</h3>
        <TableScroll label="Financements" className="rounded border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Montants par financeur : prévu, notifié, engagé, versé</caption>
            <thead><tr className="border-b text-left"><th scope="col" className="px-3 py-2">Financeur</th>{FUNDING_STAGES.map((s) => <th key={s} scope="col" className="px-3 py-2 text-right">{STAGE_LABELS[s]}</th>)}</tr></thead>
            <tbody>
              {figures.funding.map((row) => (
                <tr key={row.funder} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{FUNDER_LABELS[row.funder]}</th>
                  {FUNDING_STAGES.map((s) => <td key={s} className="tabular px-3 py-2 text-right">{formatEuros(row[s])}</td>)}
                </tr>
              ))}
              <tr className="font-semibold"><th scope="row" className="px-3 py-2 text-left">Total</th>{FUNDING_STAGES.map((s) => <td key={s} className="tabular px-3 py-2 text-right">{formatEuros(figures.fundingTotals[s])}</td>)}</tr>
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="r-indicators">
        <h3 id="r-indicators" className="text-lg font-semibold">Indicateurs {figures.year} : cible et réalisé</h3>
        {figures.indicators.length === 0 ? <p className="text-sm">Aucune valeur saisie pour {figures.year}.</p> : (
          <TableScroll label="Indicateurs" className="rounded border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Cible et réalisé de chaque indicateur</caption>
              <thead><tr className="border-b text-left"><th scope="col" className="px-3 py-2">Indicateur</th><th scope="col" className="px-3 py-2 text-right">Cible</th><th scope="col" className="px-3 py-2 text-right">Réalisé</th><th scope="col" className="px-3 py-2">Atteinte</th></tr></thead>
              <tbody>
                {figures.indicators.map((i) => (
                  <tr key={i.code} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-normal">{i.code} — {i.label}</th>
                    <td className="tabular whitespace-nowrap px-3 py-2 text-right">{indicatorDisplay(i).format(i.target)}</td>
                    <td className="tabular whitespace-nowrap px-3 py-2 text-right">{indicatorDisplay(i).format(i.actual)}</td>
                    <td className="px-3 py-2">{indicatorDisplay(i).status ? <IndicatorStatusBadge status={indicatorDisplay(i).status!} /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="r-context">
        <h3 id="r-context" className="text-lg font-semibold">Chiffres de contexte {figures.year}</h3>
        {figures.context ? (
          <ul className="list-disc pl-6 text-sm">
            <li>Budget protection de l&apos;enfance : {figures.context.childProtectionBudgetCents === null ? "—" : formatEuros(figures.context.childProtectionBudgetCents)}</li>
            <li>Enfants suivis par l&apos;ASE : {figures.context.childrenFollowedByAse === null ? "—" : formatNumber(figures.context.childrenFollowedByAse)}</li>
            <li>Part en situation de handicap : {figures.context.disabilitySharePercent === null ? "—" : formatPercent(figures.context.disabilitySharePercent)}</li>
          </ul>
        ) : <p className="text-sm">Non renseignés.</p>}
      </section>
    </div>
  );
}

const signedEuros = (cents: number) => (cents > 0 ? `+${formatEuros(cents)}` : cents < 0 ? `−${formatEuros(-cents)}` : formatEuros(0));
const actionState = (a: { status: keyof typeof ACTION_STATUS_LABELS; progress: number }) => `${ACTION_STATUS_LABELS[a.status].toLowerCase()}, ${a.progress} %`;

/** What moved since the last adopted report: funding totals per stage, actions, indicator actuals. */
export function ReportDiff({ diff, year }: { diff: SnapshotDiff; year: number }) {
  return (
    <div className="space-y-4 text-sm">
      <TableScroll label="Financements comparés" className="rounded border border-slate-200 bg-white">
        <table className="w-full">
          <caption className="px-3 pt-2 text-left font-semibold">Financements : totaux de l&apos;année, par étape</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">Étape</th>
              <th scope="col" className="px-3 py-2 text-right">Rapport {diff.sinceYear}</th>
              <th scope="col" className="px-3 py-2 text-right">Rapport {year}</th>
              <th scope="col" className="px-3 py-2 text-right">Écart</th>
            </tr>
          </thead>
          <tbody>
            {FUNDING_STAGES.map((s) => (
              <tr key={s} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-normal">{STAGE_LABELS[s]}</th>
                <td className="tabular px-3 py-2 text-right">{formatEuros(diff.previousFundingTotals[s])}</td>
                <td className="tabular px-3 py-2 text-right">{formatEuros(diff.previousFundingTotals[s] + diff.fundingTotals[s])}</td>
                <td className="tabular px-3 py-2 text-right">{signedEuros(diff.fundingTotals[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div>
        <h3 className="font-semibold">Fiches action</h3>
        {diff.actions.length ? (
          <ul className="mt-1 list-disc pl-6">
            {diff.actions.map((a) => (
              <li key={a.reference}>
                {a.reference} — {a.title} : {a.before ? actionState(a.before) : "nouvelle fiche"} → {a.after ? actionState(a.after) : "retirée"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">Aucune fiche action n&apos;a changé de statut ni d&apos;avancement.</p>
        )}
      </div>
      {diff.indicators.length ? (
        <TableScroll label="Indicateurs comparés" className="rounded border border-slate-200 bg-white">
          <table className="w-full">
            <caption className="px-3 pt-2 text-left font-semibold">Indicateurs dont la valeur réalisée a changé</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="px-3 py-2">Indicateur</th>
                <th scope="col" className="px-3 py-2 text-right">Réalisé {diff.sinceYear}</th>
                <th scope="col" className="px-3 py-2 text-right">Réalisé {year}</th>
              </tr>
            </thead>
            <tbody>
              {diff.indicators.map((i) => (
                <tr key={i.code} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {i.code} — {i.label}
                  </th>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right">{indicatorDisplay(i).format(i.before)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right">{indicatorDisplay(i).format(i.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>Aucune valeur réalisée d&apos;indicateur n&apos;a changé.</p>
      )}
    </div>
  );
}
