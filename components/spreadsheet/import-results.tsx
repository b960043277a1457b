// What an import step shows: the errors to correct, or the counts and the changes (to apply, or applied).
import { TableScroll } from "@/components/ui/table-scroll";
import { formatNumber, formatParisDateTime } from "@/lib/core/format";
import type { ImportFormState } from "@/lib/spreadsheet/import-state";

type Summary = NonNullable<ImportFormState["summary"]>;
type ImportError = NonNullable<ImportFormState["errors"]>[number];

const SHEET_LABELS = { actions: "Fiches action", funding: "Financements", indicators: "Indicateurs" } as const;

/** The errors the server listed (the first ones), with the complete count and, when some are not listed, the count per column. */
export function ErrorsTable({ errors, errorCount }: { errors: ImportError[]; errorCount?: ImportFormState["errorCount"] }) {
  const total = errorCount?.total ?? errors.length;
  const unlisted = total - errors.length;
  return (
    <TableScroll label="erreurs à corriger">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold text-red-900">
          {total > 1 ? `${formatNumber(total)} erreurs à corriger` : "1 erreur à corriger"} dans le fichier, puis importez-le de nouveau
          {unlisted > 0 ? ` (les ${formatNumber(errors.length)} premières sont listées)` : ""}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="px-2 py-1">Onglet</th>
            <th scope="col" className="px-2 py-1 text-right">Ligne</th>
            <th scope="col" className="px-2 py-1">Colonne</th>
            <th scope="col" className="px-2 py-1">Problème</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="border-b border-slate-200 align-top">
              <td className="px-2 py-1 whitespace-nowrap">{e.sheet ?? "Fichier"}</td>
              <td className="tabular px-2 py-1 text-right">{e.line ?? "—"}</td>
              <td className="px-2 py-1">{e.column ?? "—"}</td>
              <td className="px-2 py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unlisted > 0 && errorCount ? (
        <div className="mt-3 text-sm">
          <p>
            … et {formatNumber(unlisted)} autre{unlisted > 1 ? "s" : ""} erreur{unlisted > 1 ? "s" : ""}, montrée{unlisted > 1 ? "s" : ""} quand les premières seront corrigées. Toutes les erreurs, par colonne :
          </p>
          <ul className="mt-1 list-disc pl-6">
            {errorCount.byColumn.map((c, i) => (
              <li key={i}>
                {c.sheet ?? "Fichier"}, {c.column ?? "sans colonne"} : {formatNumber(c.count)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </TableScroll>
  );
}

/** Created, updated and unchanged rows per sheet read, with the total. */
export function CountsTable({ summary, applied }: { summary: Summary; applied: boolean }) {
  const keys = (Object.keys(SHEET_LABELS) as (keyof typeof SHEET_LABELS)[]).filter((k) => summary.sheets.includes(SHEET_LABELS[k]));
  const rows = keys.map((k) => ({ label: SHEET_LABELS[k], ...summary.counts[k] }));
  return (
    <TableScroll label="lignes par onglet">
      <table className="border-collapse text-sm">
        <caption className="sr-only">{applied ? "Lignes créées, modifiées et inchangées par l'import" : "Lignes que l'import créerait, modifierait ou laisserait inchangées"}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="py-1 pr-6">Onglet</th>
            <th scope="col" className="px-3 py-1 text-right">Créations</th>
            <th scope="col" className="px-3 py-1 text-right">Modifications</th>
            <th scope="col" className="px-3 py-1 text-right">Inchangées</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-6 text-left font-normal">{r.label}</th>
              <td className="tabular px-3 py-1 text-right">{formatNumber(r.created)}</td>
              <td className="tabular px-3 py-1 text-right">{formatNumber(r.updated)}</td>
              <td className="tabular px-3 py-1 text-right">{formatNumber(r.unchanged)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 ? (
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-1 pr-6 text-left">Total</th>
              <td className="tabular px-3 py-1 text-right">{formatNumber(summary.totals.created)}</td>
              <td className="tabular px-3 py-1 text-right">{formatNumber(summary.totals.updated)}</td>
              <td className="tabular px-3 py-1 text-right">{formatNumber(summary.totals.unchanged)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}

/** Changes shown open up to this many; beyond, the line-by-line detail is one click away. */
const OPEN_CHANGES = 20;

export function ChangesTable({ summary, applied }: { summary: Summary; applied: boolean }) {
  const listed = summary.changes.length;
  const total = listed + summary.unlistedChanges;
  // A row saved since the export is one to look at before applying: the detail opens whatever its length.
  const flagged = summary.changes.some((c) => c.savedSinceExport);
  return (
    <details open={total <= OPEN_CHANGES || flagged} className="space-y-2">
      <summary className="cursor-pointer font-medium text-marianne">
        Détail ligne par ligne : {summary.unlistedChanges > 0 ? `les ${formatNumber(listed)} premiers changements sur ${formatNumber(total)}` : `${formatNumber(total)} changement${total > 1 ? "s" : ""}`}
      </summary>
      <ChangesList summary={summary} applied={applied} />
    </details>
  );
}

function ChangesList({ summary, applied }: { summary: Summary; applied: boolean }) {
  return (
    <TableScroll label={applied ? "changements appliqués" : "changements à appliquer"}>
      <table className="w-full min-w-[48rem] border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{applied ? "Changements appliqués" : "Changements à appliquer"}, ligne par ligne</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="px-2 py-1">Onglet</th>
            <th scope="col" className="px-2 py-1 text-right">Ligne</th>
            <th scope="col" className="px-2 py-1">Changement</th>
            <th scope="col" className="px-2 py-1">Élément</th>
            <th scope="col" className="px-2 py-1">Détail</th>
          </tr>
        </thead>
        <tbody>
          {summary.changes.map((c) => (
            <tr key={`${c.sheet}-${c.line}`} className="border-b border-slate-200 align-top">
              <td className="px-2 py-1 whitespace-nowrap">{c.sheet}</td>
              <td className="tabular px-2 py-1 text-right">{c.line}</td>
              <td className="px-2 py-1">
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${c.kind === "create" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
                  {c.kind === "create" ? "Création" : "Modification"}
                </span>
              </td>
              <td className="px-2 py-1">
                {c.label}
                {c.savedSinceExport ? (
                  <p className="mt-1 font-semibold text-amber-900">
                    Modifiée depuis l&apos;export, le {formatParisDateTime(c.savedSinceExport.at)}
                    {c.savedSinceExport.by ? ` par ${c.savedSinceExport.by}` : ""} : {applied ? "l'import a remplacé cette modification." : "l'import remplacerait cette modification."}
                  </p>
                ) : null}
              </td>
              <td className="px-2 py-1">
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.column}>
                      <span className="text-slate-700">{f.column} :</span> {c.kind === "update" ? <del className="text-slate-700">{f.before || "(vide)"}</del> : null}
                      {c.kind === "update" ? " → " : ""}
                      <ins className="no-underline">{f.after || "(vide)"}</ins>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.unlistedChanges > 0 ? (
        <p className="mt-2 text-sm">
          … et {formatNumber(summary.unlistedChanges)} autres changements, non détaillés ici (les comptes ci-dessus les incluent).
        </p>
      ) : null}
    </TableScroll>
  );
}
