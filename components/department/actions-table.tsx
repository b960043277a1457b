import { ActionScheduleHeaders, actionScheduleText } from "@/components/actions/action-schedule-cells";
import { Provenance } from "@/components/ui/provenance";
import type { PublicAction } from "@/lib/opendata/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";

/** Reference, title and purpose (the row's title names its progress bar), objective, pilot and partners, calendar, status, progress. */
const COLUMNS = [["fa"], ["t"], ["t"], ["t", "nw"], ["st"], ["pb"]] as const satisfies readonly CompactColumn[];

const row = (a: PublicAction): CompactRow<typeof COLUMNS> => [
  [a.reference, a.title, a.purpose],
  a.objectiveCode ?? "—",
  a.partners ? `${a.lead ?? "—"}, avec : ${a.partners}` : (a.lead ?? "—"),
  actionScheduleText(a),
  [a.status, a.isLate ? 1 : 0],
  a.progress,
];

/**
 * The fiches action of a contract; with `more`, only the first `more.shown` of them, and a link to the page that
 * lists them all (the CSV below the table has them all too).
 *
 * What is the same on every row is said once: the objectives' titles are listed under the table instead of a
 * tooltip on each code; when every fiche is a demonstration without a source, the table says so once. The rows
 * are drawn by a client component given their values (CompactRows): the page's RSC payload carries the values
 * once instead of the rendered tree of each row, which the HTML already holds; only each row's « Source » is
 * rendered here.
 */
export function ActionsTable({ actions, more }: { actions: PublicAction[]; more?: { shown: number; href: string } }) {
  if (actions.length === 0) return <p>Aucune fiche action n&apos;est encore publiée pour ce contrat.</p>;
  const partial = more !== undefined && actions.length > more.shown;
  const shown = partial ? actions.slice(0, more.shown) : actions;
  const allDemoUnsourced = actions.every((a) => a.isDemo && !a.sourceUrl && !a.source?.quote);
  const objectives = new Map<string, string>();
  for (const a of shown) if (a.objectiveCode && a.objectiveTitle && !objectives.has(a.objectiveCode)) objectives.set(a.objectiveCode, a.objectiveTitle);
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
          <caption className="sr-only">
            {partial ? `Fiches action du contrat avec leur statut et leur avancement : les ${shown.length} premières sur ${actions.length}` : "Fiches action du contrat avec leur statut et leur avancement"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Fiche action</th>
              <th scope="col">Objectif</th>
              <th scope="col">Pilote et partenaires</th>
              <ActionScheduleHeaders />
            </tr>
          </thead>
          <CompactRows
            columns={COLUMNS}
            rows={shown.map(row)}
            notes={allDemoUnsourced ? null : shown.map((a) => <Provenance key={a.reference} sourceUrl={a.sourceUrl} source={a.source} isDemo={a.isDemo} />)}
          />
        </table>
      </TableScroll>
      {partial ? (
        <p>
          <a href={more.href} className="font-medium text-marianne underline">
            {`Voir les ${actions.length} fiches action`}
          </a>{" "}
          <span className="text-sm text-slate-700">{`(${actions.length - shown.length} de plus, avec leur objectif, leur pilote, leur calendrier, leur statut et leur avancement)`}</span>
        </p>
      ) : null}
      {objectiveList.length > 0 ? (
        <div className="text-sm">
          <h3 className="font-medium">{partial ? "Objectifs de ces fiches action" : "Objectifs des fiches action"}</h3>
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
