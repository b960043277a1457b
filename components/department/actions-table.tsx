import { ActionScheduleCells, ActionScheduleHeaders } from "@/components/actions/action-schedule-cells";
import { Provenance } from "@/components/ui/provenance";
import type { PublicAction } from "@/lib/opendata/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

export function ActionsTable({ actions }: { actions: PublicAction[] }) {
  if (actions.length === 0) return <p>Aucune fiche action n&apos;est encore publiée pour ce contrat.</p>;
  return (
    <TableScroll label="Fiches action" className="rounded-lg border border-slate-200 bg-white">
      <table className={DATA_TABLE}>
        <caption className="sr-only">Fiches action du contrat avec leur statut et leur avancement</caption>
        <thead>
          <tr>
            <th scope="col">Fiche action</th>
            <th scope="col">Objectif</th>
            <th scope="col">Pilote et partenaires</th>
            <ActionScheduleHeaders />
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <small>{a.reference}</small>
                <span className="block font-medium">{a.title}</span>
                {a.purpose ? <span className="mt-1 block text-slate-700">{a.purpose}</span> : null}
                <Provenance sourceUrl={a.sourceUrl} source={a.source} isDemo={a.isDemo} />
              </th>
              <td>{a.objectiveCode ? <abbr title={a.objectiveTitle ?? undefined}>{a.objectiveCode}</abbr> : "—"}</td>
              <td>
                {a.lead ?? "—"}
                {a.partners ? <span className="block text-slate-700">Avec : {a.partners}</span> : null}
              </td>
              <ActionScheduleCells action={a} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
