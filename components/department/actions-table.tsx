import { ActionScheduleCells, ActionScheduleHeaders, actionTitleId } from "@/components/actions/action-schedule-cells";
import { Provenance } from "@/components/ui/provenance";
import type { PublicAction } from "@/lib/opendata/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

// Every row is sent twice (HTML and the page's RSC payload): what is the same on every row is said once. The
// objectives' titles are listed under the table instead of a tooltip on each code; when every fiche is a
// demonstration without a source, the table says so once instead of on each row.
export function ActionsTable({ actions }: { actions: PublicAction[] }) {
  if (actions.length === 0) return <p>Aucune fiche action n&apos;est encore publiée pour ce contrat.</p>;
  const allDemoUnsourced = actions.every((a) => a.isDemo && !a.sourceUrl && !a.source?.quote);
  const objectives = new Map<string, string>();
  for (const a of actions) if (a.objectiveCode && a.objectiveTitle && !objectives.has(a.objectiveCode)) objectives.set(a.objectiveCode, a.objectiveTitle);
  const objectiveList = [...objectives].sort(([a], [b]) => a.localeCompare(b, "fr", { numeric: true }));
  return (
    <>
      {allDemoUnsourced ? (
        <p className="text-sm">
          Toutes ces fiches action sont des <span className="demo">données de démonstration</span> : aucune n&apos;a de source.
        </p>
      ) : null}
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
            {actions.map((a, i) => (
              <tr key={a.id}>
                <th scope="row">
                  <small>{a.reference}</small>
                  <b id={actionTitleId(i)}>{a.title}</b>
                  {a.purpose ? <p>{a.purpose}</p> : null}
                  {allDemoUnsourced ? null : <Provenance sourceUrl={a.sourceUrl} source={a.source} isDemo={a.isDemo} />}
                </th>
                <td>{a.objectiveCode ?? "—"}</td>
                <td>{a.partners ? `${a.lead ?? "—"}, avec : ${a.partners}` : (a.lead ?? "—")}</td>
                <ActionScheduleCells action={a} titleId={actionTitleId(i)} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {objectiveList.length > 0 ? (
        <div className="text-sm">
          <h3 className="font-medium">Objectifs des fiches action</h3>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
            {objectiveList.map(([code, title]) => (
              <div key={code} className="contents">
                <dt className="font-medium">{code}</dt>
                <dd>{title}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </>
  );
}
