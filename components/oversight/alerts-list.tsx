import { ALERT_KINDS, ALERT_LABELS, type AlertSummary } from "@/lib/oversight/alerts";
import { formatNumber, formatShortDate } from "@/lib/core/format";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = {
  /** The count per rule, the total and the first alerts (the export has them all). */
  summary: AlertSummary;
  /** Department names by code, to show the department column (views over several departments). */
  departmentNames?: Record<string, string>;
  caption: string;
};

/** Alerts computed from the data: a count per rule, then one row per alert. */
export function AlertsList({ summary, departmentNames, caption }: Props) {
  const shown = summary.first;
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Nombre d'alertes par règle">
        {ALERT_KINDS.map((kind) => (
          <li key={kind} className={`rounded border px-2 py-1 ${summary.byKind[kind] > 0 ? "border-red-700 bg-red-50 text-red-900" : "border-slate-300 bg-white text-slate-800"}`}>
            {ALERT_LABELS[kind]} : <strong className="tabular">{formatNumber(summary.byKind[kind])}</strong>
          </li>
        ))}
      </ul>
      {summary.total === 0 ? (
        <p className="rounded bg-white p-3">Aucune alerte : aucune des règles ne se déclenche sur ces données.</p>
      ) : (
        <TableScroll label="Alertes" className="rounded-lg border border-slate-200 bg-white">
          <table className={DATA_TABLE}>
            <caption className="px-3 pt-3 text-left font-semibold">
              {caption}
              {summary.total > shown.length ? ` (${formatNumber(shown.length)} premières sur ${formatNumber(summary.total)} ; toutes dans l'export)` : ""}
            </caption>
            <thead>
              <tr>
                {departmentNames ? <th scope="col">Département</th> : null}
                <th scope="col">Alerte</th>
                <th scope="col">Objet</th>
                <th scope="col">Détail</th>
                <th scope="col">Depuis le</th>
              </tr>
            </thead>
            <tbody>
              {/* Plain links and one text per cell: each row is sent twice (HTML and RSC payload). */}
              {shown.map((a, i) => (
                <tr key={`${a.kind}-${a.contractId}-${a.subject}-${i}`}>
                  {departmentNames ? (
                    <td>
                      <a href={`/espace/departements/${a.departmentCode}`}>{`${departmentNames[a.departmentCode] ?? a.departmentCode} (${a.departmentCode})`}</a>
                    </td>
                  ) : null}
                  <th scope="row" className="font-medium">
                    {ALERT_LABELS[a.kind]}
                  </th>
                  <td>{a.subject}</td>
                  <td>{a.detail}</td>
                  <td className="n">{a.date ? formatShortDate(a.date) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
