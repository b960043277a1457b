import Link from "next/link";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";
import { formatDecimal, formatEuros, formatEurosCompact, formatNumber, formatPercent } from "@/lib/core/format";
import { CONTRACTS_PER_PAGE, SORT_LABELS, oversightQuery, paginate, type OversightContractRow, type OversightParams, type SortKey } from "@/lib/oversight/schemas";
import { sortContracts } from "@/lib/oversight/sort";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";
import { Pagination } from "./pagination";

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

function SortHeader({ column, params, basePath, numeric }: { column: SortKey; params: OversightParams; basePath: string; numeric?: boolean }) {
  const active = params.sort === column;
  const next = active && params.order === "asc" ? "desc" : "asc";
  const state = active ? (params.order === "asc" ? "croissant" : "décroissant") : null;
  return (
    <th scope="col" aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : undefined} className={numeric ? "n" : undefined}>
      <Link href={`${basePath}${oversightQuery(params, { sort: column, order: next, page: 1 })}#contrats`}>
        {SORT_LABELS[column]}
        <span aria-hidden="true">{active ? (params.order === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">{state ? ` (trié par ordre ${state} ; activer pour inverser)` : " (trier)"}</span>
      </Link>
    </th>
  );
}

const money = (cents: number) => [formatEurosCompact(cents), formatEuros(cents)] as const;

const COLUMNS = [["as", "font-medium"], ["t"], ["t"], ["t", "n"], ["ts", "n"], ["t", "n"], ["ul"], ["ts", "n"], ["m", "n"], ["m", "n"], ["m", "n"], ["t", "n"], ["t", "n"]] as const satisfies readonly CompactColumn[];

/** A contract's row: department and status, region, framework, wave, actions, progress by commitment, lateness, money by stage, alerts. */
function contractCells(r: OversightContractRow): CompactRow<typeof COLUMNS> {
  return [
    [`${r.departmentName} (${r.departmentCode})`, r.departmentCode, CONTRACT_STATUS_LABELS[r.status]],
    r.regionName,
    r.frameworkCode,
    String(r.wave),
    [formatNumber(r.actionCount), `dont ${formatNumber(r.doneCount)} réalisées`],
    pct(r.averageProgress),
    r.commitments.map((c) => `${c.code} : ${c.averageProgress === null ? "—" : `${formatDecimal(c.averageProgress)}\u00a0%`} (${formatNumber(c.actionCount)} fiche${c.actionCount > 1 ? "s" : ""})`),
    [pct(r.lateShare), `${formatNumber(r.lateCount)} en retard`],
    money(r.funding.NOTIFIED),
    money(r.funding.COMMITTED),
    money(r.funding.PAID),
    pct(r.spendingRate),
    formatNumber(r.alertCount),
  ];
}

/** The view's contracts, sorted, one page at a time: progress by commitment, money by stage, alerts. */
export function ContractsTable({ rows, params, basePath }: { rows: OversightContractRow[]; params: OversightParams; basePath: string }) {
  const header = (column: SortKey, numeric = false) => <SortHeader column={column} params={params} basePath={basePath} numeric={numeric} />;
  if (rows.length === 0) return <p className="rounded bg-white p-3">Aucun contrat ne correspond à ces filtres.</p>;
  const page = paginate(sortContracts(rows, params.sort, params.order), params.page, CONTRACTS_PER_PAGE);
  return (
    <>
      <TableScroll label="Contrats" className="rounded-lg border border-slate-200 bg-white">
        <table className={DATA_TABLE}>
          <caption className="px-3 pt-3 text-left font-semibold">
            Contrats ({formatNumber(rows.length)}), triés par {SORT_LABELS[params.sort].toLowerCase()} ; les en-têtes de colonne changent le tri.
          </caption>
          <thead>
            <tr>
              {header("departement")}
              {header("region")}
              {header("cadre")}
              {header("vague", true)}
              {header("actions", true)}
              {header("avancement", true)}
              <th scope="col">Avancement par engagement</th>
              {header("retard", true)}
              {header("notifie", true)}
              {header("engage", true)}
              {header("verse", true)}
              {header("taux", true)}
              {header("alertes", true)}
            </tr>
          </thead>
          {/* Every row as the texts it shows, drawn by a client component: sent once (props), not twice (HTML and RSC tree). */}
          <CompactRows base="/espace/departements/" columns={COLUMNS} rows={page.rows.map(contractCells)} />
        </table>
      </TableScroll>
      <Pagination page={page} label="Contrats" href={(p) => `${basePath}${oversightQuery(params, { page: p })}#contrats`} />
    </>
  );
}
