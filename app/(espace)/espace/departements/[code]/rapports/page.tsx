import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeadlinesList } from "@/components/reports/deadlines-list";
import { OverdueBadge, ReportStatusBadge } from "@/components/reports/report-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { formatDate } from "@/lib/core/format";
import { listDepartmentReports } from "@/lib/reports/queries";
import { toActCell } from "@/lib/reports/workflow";
import { todayIso } from "@/lib/core/dates";

export const metadata: Metadata = { title: "Rapports d'exécution" };

type Props = { params: Promise<{ code: string }> };

export default async function ReportsPage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const list = await listDepartmentReports(viewer, code);
  if (!list) notFound();
  const overdue = list.rows.filter((r) => r.overdue).length;
  const today = todayIso();
  const upcoming = list.deadlines.filter((d) => d.dueOn >= today || d.overdue);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          Rapports d&apos;exécution — {list.department.name} ({list.department.code})
        </h1>
      </div>
      <DepartmentNav code={code} current="/rapports" />
      <p className="max-w-3xl text-slate-700">
        Chaque année du contrat, le département rédige le rapport d&apos;exécution et le soumet ; l&apos;État et l&apos;ARS l&apos;approuvent ou le renvoient avec un
        commentaire. Le rapport est adopté quand les deux l&apos;ont approuvé, au plus tard le 30 juin de l&apos;année suivante sauf date fixée par un administrateur.
      </p>
      {overdue ? (
        <p className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {overdue} rapport{overdue > 1 ? "s" : ""} en retard : date limite passée sans adoption.
        </p>
      ) : null}
      {list.rows.length === 0 ? (
        <p className="rounded bg-white p-4">Aucun contrat signé pour ce département.</p>
      ) : (
        <TableScroll label="Rapports d'exécution" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Rapports d&apos;exécution par année : état, partie attendue, date limite</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2">Année</th>
                <th scope="col" className="px-3 py-2">Cadre du contrat</th>
                <th scope="col" className="px-3 py-2">État</th>
                <th scope="col" className="px-3 py-2">En attente de</th>
                <th scope="col" className="px-3 py-2">Date limite d&apos;adoption</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={`${r.contractId}-${r.year}`} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left">
                    <Link href={`/espace/departements/${code}/rapports/${r.year}`} className="font-medium text-marianne underline">
                      Rapport {r.year}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{r.frameworkCode}</td>
                  <td className="px-3 py-2">
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td className="px-3 py-2">{toActCell(r.toAct)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2">
                    {formatDate(r.dueOn)}
                    {r.overdue ? <OverdueBadge /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="echeances" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="echeances" className="text-xl font-semibold">
          Échéances à venir ou en retard
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Rapports d&apos;exécution, signatures d&apos;avenants et autres échéances des contrats ; toutes figurent aussi dans votre agenda (lien iCalendar sur{" "}
          <Link href="/espace/compte" className="text-marianne underline">
            Mon compte
          </Link>
          ).
        </p>
        <DeadlinesList deadlines={upcoming} caption="Échéances à venir ou en retard, par date" />
      </section>
    </div>
  );
}
