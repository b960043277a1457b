import { formatEuros, formatEurosCompact, formatNumber, formatPercent } from "@/lib/core/format";
import { FUNDER_LABELS } from "@/lib/funding/schemas";
import type { CommitmentRow, FunderRow, OversightTotals } from "@/lib/oversight/schemas";
import { TableScroll } from "@/components/ui/table-scroll";
import { DemoShare } from "@/components/department/demo-share";
import type { StageTotals } from "@/lib/funding/schemas";

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));
const th = "px-3 py-2 text-right";
const td = "tabular px-3 py-2 text-right whitespace-nowrap";

/** Under an amount that adds up demo lines: how much of it is demo data. */
function Demo({ demo, total, stage }: { demo: StageTotals; total: StageTotals; stage: keyof StageTotals }) {
  return <DemoShare includesDemo={demo[stage] > 0} demoCents={demo[stage]} totalCents={total[stage]} />;
}

export function TotalsCards({ totals, alertCount }: { totals: OversightTotals; alertCount: number }) {
  const amount = (stage: keyof StageTotals) => <Demo demo={totals.demoFunding} total={totals.funding} stage={stage} />;
  const cards: [string, string, string?, React.ReactNode?][] = [
    ["Contrats", formatNumber(totals.contractCount)],
    ["Départements", formatNumber(totals.departmentCount)],
    ["Notifié (accordé)", formatEurosCompact(totals.funding.NOTIFIED), formatEuros(totals.funding.NOTIFIED), amount("NOTIFIED")],
    ["Engagé", formatEurosCompact(totals.funding.COMMITTED), formatEuros(totals.funding.COMMITTED), amount("COMMITTED")],
    ["Versé", formatEurosCompact(totals.funding.PAID), formatEuros(totals.funding.PAID), amount("PAID")],
    ["Taux de versement (versé ÷ notifié)", pct(totals.spendingRate)],
    ["Fiches action en retard", `${formatNumber(totals.lateCount)} sur ${formatNumber(totals.actionCount)}`],
    ["Alertes", formatNumber(alertCount)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cards.map(([label, value, exact, demo]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="tabular mt-1 text-xl font-bold" title={exact}>
            {value}
            {demo}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function FundersTable({ rows }: { rows: FunderRow[] }) {
  return (
    <TableScroll label="Totaux" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">Financements par financeur et par étape (taux de versement : versé ÷ notifié)</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Financeur</th>
            <th scope="col" className={th}>Notifié</th>
            <th scope="col" className={th}>Engagé</th>
            <th scope="col" className={th}>Versé</th>
            <th scope="col" className={th}>Taux de versement</th>
            <th scope="col" className={th}>Prévu</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-2">Aucune ligne de financement.</td>
            </tr>
          ) : null}
          {rows.map((f) => (
            <tr key={f.funder} className="border-b border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-normal">{FUNDER_LABELS[f.funder]}</th>
              <td className={td}>
                {formatEuros(f.NOTIFIED)}
                <Demo demo={f.demo} total={f} stage="NOTIFIED" />
              </td>
              <td className={td}>
                {formatEuros(f.COMMITTED)}
                <Demo demo={f.demo} total={f} stage="COMMITTED" />
              </td>
              <td className={td}>
                {formatEuros(f.PAID)}
                <Demo demo={f.demo} total={f} stage="PAID" />
              </td>
              <td className={td}>{pct(f.spendingRate)}</td>
              <td className={td}>
                {formatEuros(f.PLANNED)}
                <Demo demo={f.demo} total={f} stage="PLANNED" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function CommitmentsTable({ rows }: { rows: CommitmentRow[] }) {
  return (
    <TableScroll label="Totaux par financeur" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">Avancement des fiches action par engagement du cadre national</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Engagement</th>
            <th scope="col" className={th}>Fiches action</th>
            <th scope="col" className={th}>Réalisées</th>
            <th scope="col" className={th}>En retard</th>
            <th scope="col" className={th}>Avancement moyen</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-3 py-2">Aucune fiche action.</td>
            </tr>
          ) : null}
          {rows.map((c) => (
            <tr key={`${c.frameworkCode}-${c.code}`} className="border-b border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="text-xs text-slate-700">Cadre {c.frameworkCode} · </span>
                <strong>{c.code}</strong> — {c.title}
                {c.isCrossCutting ? " (transversal)" : ""}
              </th>
              <td className={td}>{formatNumber(c.actionCount)}</td>
              <td className={td}>{formatNumber(c.doneCount)}</td>
              <td className={td}>{formatNumber(c.lateCount)}</td>
              <td className={td}>{pct(c.averageProgress)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
