// The execution reports whose due date has passed without adoption, on the national and regional views,
// 50 a page (hundreds at national scale).
import Link from "next/link";
import { ReportStatusBadge } from "@/components/reports/report-status";
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
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Rapports d&apos;exécution en retard, par date limite</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2">Département</th>
                <th scope="col" className="px-3 py-2">Rapport</th>
                <th scope="col" className="px-3 py-2">Date limite</th>
                <th scope="col" className="px-3 py-2 text-right">Retard</th>
                <th scope="col" className="px-3 py-2">État</th>
                <th scope="col" className="px-3 py-2">En attente de</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.contractId}-${r.year}`} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/espace/departements/${r.departmentCode}`} className="text-marianne underline">
                      {r.departmentName} ({r.departmentCode})
                    </Link>
                  </td>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/espace/departements/${r.departmentCode}/rapports/${r.year}`} className="text-marianne underline">
                      Rapport {r.year}
                      <span className="sr-only"> de {r.departmentName}</span>
                    </Link>
                  </th>
                  <td className="tabular whitespace-nowrap px-3 py-2">{formatDate(r.dueOn)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right font-medium text-red-900">
                    {formatNumber(r.daysLate)} jour{r.daysLate > 1 ? "s" : ""}
                  </td>
                  <td className="px-3 py-2">
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td className="px-3 py-2">{toActCell(r.toAct)}</td>
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
