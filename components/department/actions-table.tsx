import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import { Provenance } from "@/components/ui/provenance";
import type { PublicAction } from "@/lib/opendata/schemas";
import { formatShortDate } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function ActionsTable({ actions }: { actions: PublicAction[] }) {
  if (actions.length === 0) return <p>Aucune fiche action n&apos;est encore publiée pour ce contrat.</p>;
  return (
    <TableScroll label="Fiches action" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Fiches action du contrat avec leur statut et leur avancement</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Fiche action</th>
            <th scope="col" className="px-3 py-2">Objectif</th>
            <th scope="col" className="px-3 py-2">Pilote et partenaires</th>
            <th scope="col" className="px-3 py-2">Calendrier</th>
            <th scope="col" className="px-3 py-2">Statut</th>
            <th scope="col" className="px-3 py-2">Avancement</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="block text-xs text-slate-700">{a.reference}</span>
                <span className="block font-medium">{a.title}</span>
                {a.purpose ? <span className="mt-1 block text-slate-700">{a.purpose}</span> : null}
                <Provenance sourceUrl={a.sourceUrl} isDemo={a.isDemo} />
              </th>
              <td className="px-3 py-2">{a.objectiveCode ? <abbr title={a.objectiveTitle ?? undefined}>{a.objectiveCode}</abbr> : "—"}</td>
              <td className="px-3 py-2">
                {a.lead ?? "—"}
                {a.partners ? <span className="block text-slate-700">Avec : {a.partners}</span> : null}
              </td>
              <td className="tabular whitespace-nowrap px-3 py-2">
                {a.startDate ? formatShortDate(a.startDate) : "?"} → {a.endDate ? formatShortDate(a.endDate) : "?"}
              </td>
              <td className="px-3 py-2">
                <ActionStatusBadge status={a.status} isLate={a.isLate} />
              </td>
              <td className="px-3 py-2">
                <ProgressBar value={a.progress} label={`Avancement de « ${a.title} »`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
