import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TableScroll } from "@/components/ui/table-scroll";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { formatDate } from "@/lib/format";
import { listDepartmentReports } from "@/lib/reports/queries";
import { REPORT_PARTY_LABELS, REPORT_STATUS_LABELS } from "@/lib/reports/schemas";

export const metadata: Metadata = { title: "Rapports d'exécution" };

type Props = { params: Promise<{ code: string }> };

export default async function ReportsPage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const list = await listDepartmentReports(viewer, code);
  if (!list) notFound();
  const overdue = list.rows.filter((r) => r.overdue).length;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          Rapports d&apos;exécution — {list.department.name} ({list.department.code})
        </h1>
      </div>
      <DepartmentNav code={code} current="/rapports" />
      <p className="text-slate-700">
        Chaque année, le département rédige le rapport d&apos;exécution et le soumet ; l&apos;État et l&apos;ARS l&apos;approuvent ou le renvoient. Il est adopté par les trois
        signataires avant le 30 juin de l&apos;année suivante, sauf date fixée autrement.
      </p>
      {overdue ? (
        <p role="status" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {overdue} rapport{overdue > 1 ? "s" : ""} en retard.
        </p>
      ) : null}
      {list.rows.length === 0 ? (
        <p className="rounded bg-white p-4">Aucun contrat signé pour ce département.</p>
      ) : (
        <TableScroll label="Rapports d'exécution" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Rapports d&apos;exécution par année : état, qui doit agir, date limite</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2">Année</th>
                <th scope="col" className="px-3 py-2">Contrat</th>
                <th scope="col" className="px-3 py-2">État</th>
                <th scope="col" className="px-3 py-2">À qui d&apos;agir</th>
                <th scope="col" className="px-3 py-2">Date limite</th>
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
                  <td className="px-3 py-2">{REPORT_STATUS_LABELS[r.status]}</td>
                  <td className="px-3 py-2">{r.toAct.length ? r.toAct.map((p) => REPORT_PARTY_LABELS[p]).join(", ") : "—"}</td>
                  <td className="tabular px-3 py-2">
                    {formatDate(r.dueOn)}
                    {r.overdue ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 font-medium text-red-900">En retard</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
