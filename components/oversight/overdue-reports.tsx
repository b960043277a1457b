// The execution reports whose due date has passed without adoption, on the national and regional views,
// 25 a page (hundreds at national scale), the others one page link away.
import { ReportStatusBadge } from "@/components/reports/report-status";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatDate, formatNumber } from "@/lib/core/format";
import { OVERDUE_REPORTS_PER_PAGE, paginate } from "@/lib/oversight/schemas";
import type { OverdueReportRow } from "@/lib/reports/schemas";
import { toActCell } from "@/lib/reports/workflow";
import { Pagination } from "./pagination";

export function OverdueReports({ rows: all, page: pageNumber, pageHref }: { rows: OverdueReportRow[]; page: number; pageHref: (page: number) => string }) {
  const page = paginate(all, pageNumber, OVERDUE_REPORTS_PER_PAGE);
  const rows = page.rows;
  return (
    <section aria-labelledby="rapports-en-retard" className="space-y-3">
      <h2 id="rapports-en-retard" className="text-xl font-semibold">
        Rapports d&apos;exécution en retard ({formatNumber(page.total)})
      </h2>
      <p className="text-sm text-slate-700">
        Rapports dont la date limite d&apos;adoption est passée sans que les trois signataires l&apos;aient adopté (tous cadres, vagues et années de contrat).
      </p>
      {page.total === 0 ? (
        <p className="rounded bg-white p-3">Aucun rapport d&apos;exécution en retard.</p>
      ) : (
        <TableScroll label="Rapports d'exécution en retard" className="rounded-lg border border-slate-200 bg-white">
          <table className={DATA_TABLE}>
            <caption className="sr-only">Rapports d&apos;exécution en retard, par date limite</caption>
            <thead>
              <tr>
                <th scope="col">Département</th>
                <th scope="col">Rapport</th>
                <th scope="col">Date limite</th>
                <th scope="col" className="r">Retard</th>
                <th scope="col">État</th>
                <th scope="col">En attente de</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.contractId}-${r.year}`}>
                  <td>
                    <a href={`/espace/departements/${r.departmentCode}`}>{`${r.departmentName} (${r.departmentCode})`}</a>
                  </td>
                  <th scope="row">
                    <a href={`/espace/departements/${r.departmentCode}/rapports/${r.year}`}>
                      {`Rapport ${r.year}`}
                      <span className="sr-only">{` de ${r.departmentName}`}</span>
                    </a>
                  </th>
                  <td className="nw">{formatDate(r.dueOn)}</td>
                  <td className="n font-medium text-red-900">{`${formatNumber(r.daysLate)} jour${r.daysLate > 1 ? "s" : ""}`}</td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td>{toActCell(r.toAct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} label="rapports d'exécution en retard" href={pageHref} />
    </section>
  );
}
