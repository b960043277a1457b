import Link from "next/link";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";
import { formatDecimal, formatEuros, formatEurosCompact, formatNumber, formatPercent } from "@/lib/format";
import { oversightQuery, type OversightContractRow, type OversightParams, type SortKey, SORT_LABELS } from "@/lib/oversight/schemas";
import { TableScroll } from "@/components/ui/table-scroll";

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

function SortHeader({ column, params, basePath, numeric }: { column: SortKey; params: OversightParams; basePath: string; numeric?: boolean }) {
  const active = params.sort === column;
  const next = active && params.order === "asc" ? "desc" : "asc";
  const state = active ? (params.order === "asc" ? "croissant" : "décroissant") : null;
  return (
    <th scope="col" aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : undefined} className={`px-2 py-2 ${numeric ? "text-right" : ""}`}>
      <Link href={`${basePath}${oversightQuery(params, { sort: column, order: next })}#contrats`} className="text-marianne underline">
        {SORT_LABELS[column]}
        <span aria-hidden="true">{active ? (params.order === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">{state ? ` (trié par ordre ${state} ; activer pour inverser)` : " (trier)"}</span>
      </Link>
    </th>
  );
}

function Money({ cents }: { cents: number }) {
  return <span title={formatEuros(cents)}>{formatEurosCompact(cents)}</span>;
}

/** Every contract of the view with its progress by commitment, its money by stage and its alerts. */
export function ContractsTable({ rows, params, basePath }: { rows: OversightContractRow[]; params: OversightParams; basePath: string }) {
  const header = (column: SortKey, numeric = false) => <SortHeader column={column} params={params} basePath={basePath} numeric={numeric} />;
  if (rows.length === 0) return <p className="rounded bg-white p-3">Aucun contrat ne correspond à ces filtres.</p>;
  return (
    <TableScroll label="Contrats" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">
          Contrats ({formatNumber(rows.length)}), triés par {SORT_LABELS[params.sort].toLowerCase()} ; les en-têtes de colonne changent le tri.
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left align-bottom">
            {header("departement")}
            {header("region")}
            {header("cadre")}
            {header("vague", true)}
            {header("actions", true)}
            {header("avancement", true)}
            <th scope="col" className="px-2 py-2">Avancement par engagement</th>
            {header("retard", true)}
            {header("notifie", true)}
            {header("engage", true)}
            {header("verse", true)}
            {header("taux", true)}
            {header("alertes", true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.contractId} className="border-b border-slate-100 align-top">
              <th scope="row" className="px-2 py-2 text-left font-normal">
                <Link href={`/espace/departements/${r.departmentCode}`} className="font-medium text-marianne underline">
                  {r.departmentName} ({r.departmentCode})
                </Link>
                <span className="block text-xs text-slate-700">{CONTRACT_STATUS_LABELS[r.status]}</span>
              </th>
              <td className="px-2 py-2">{r.regionName}</td>
              <td className="px-2 py-2">{r.frameworkCode}</td>
              <td className="tabular px-2 py-2 text-right">{r.wave}</td>
              <td className="tabular px-2 py-2 text-right">
                {formatNumber(r.actionCount)}
                <span className="block text-xs text-slate-700">dont {formatNumber(r.doneCount)} réalisées</span>
              </td>
              <td className="tabular px-2 py-2 text-right">{pct(r.averageProgress)}</td>
              <td className="px-2 py-2">
                {r.commitments.length === 0 ? (
                  "—"
                ) : (
                  <ul className="tabular text-xs">
                    {r.commitments.map((c) => (
                      <li key={c.code} className="whitespace-nowrap">
                        {c.code} : {c.averageProgress === null ? "—" : `${formatDecimal(c.averageProgress)}\u00a0%`} ({formatNumber(c.actionCount)} fiche{c.actionCount > 1 ? "s" : ""})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="tabular px-2 py-2 text-right">
                {pct(r.lateShare)}
                <span className="block text-xs text-slate-700">{formatNumber(r.lateCount)} en retard</span>
              </td>
              <td className="tabular px-2 py-2 text-right"><Money cents={r.funding.NOTIFIED} /></td>
              <td className="tabular px-2 py-2 text-right"><Money cents={r.funding.COMMITTED} /></td>
              <td className="tabular px-2 py-2 text-right"><Money cents={r.funding.PAID} /></td>
              <td className="tabular px-2 py-2 text-right">{pct(r.spendingRate)}</td>
              <td className="tabular px-2 py-2 text-right">{formatNumber(r.alertCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
