import Link from "next/link";
import { DemoMark } from "@/components/ui/provenance";
import { CONTRACT_STATUS_LABELS, type AdminContractRow } from "@/lib/admin/contracts/schemas";
import { formatEuros, formatShortDate } from "@/lib/core/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function ContractsTable({ contracts }: { contracts: AdminContractRow[] }) {
  if (contracts.length === 0) return <p>Aucun contrat n&apos;est encore saisi.</p>;
  return (
    <TableScroll label="Contrats" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Contrats, brouillons compris, avec leur période, leur montant total et leurs avenants</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Département</th>
            <th scope="col" className="px-3 py-2">Cadre et vague</th>
            <th scope="col" className="px-3 py-2">Statut</th>
            <th scope="col" className="px-3 py-2">Période</th>
            <th scope="col" className="px-3 py-2 text-right">Montant total</th>
            <th scope="col" className="px-3 py-2 text-right">Avenants</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/espace/admin/contrats/${c.id}`} className="font-medium text-marianne underline">
                  {c.departmentCode} — {c.departmentName}
                </Link>
                {c.isDemo ? (
                  <span className="block">
                    <DemoMark compact />
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-2">
                {c.frameworkCode} · vague {c.wave}
              </td>
              <td className="px-3 py-2">{CONTRACT_STATUS_LABELS[c.status]}</td>
              <td className="tabular whitespace-nowrap px-3 py-2">
                {formatShortDate(c.periodStart)} → {formatShortDate(c.periodEnd)}
              </td>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">{formatEuros(c.totalCents)}</td>
              <td className="tabular px-3 py-2 text-right">{c.amendmentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
