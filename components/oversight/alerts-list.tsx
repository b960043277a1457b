import Link from "next/link";
import { ALERT_KINDS, ALERT_LABELS, type Alert } from "@/lib/oversight/alerts";
import { formatNumber, formatShortDate } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = {
  alerts: Alert[];
  /** Department names by code, to show the department column (views over several departments). */
  departmentNames?: Record<string, string>;
  caption: string;
  /** At most this many rows on screen (the export has them all). */
  limit?: number;
};

/** Alerts computed from the data: a count per rule, then one row per alert. */
export function AlertsList({ alerts, departmentNames, caption, limit = 200 }: Props) {
  const counts = ALERT_KINDS.map((kind) => ({ kind, count: alerts.filter((a) => a.kind === kind).length }));
  const shown = alerts.slice(0, limit);
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Nombre d'alertes par règle">
        {counts.map((c) => (
          <li key={c.kind} className={`rounded border px-2 py-1 ${c.count > 0 ? "border-red-700 bg-red-50 text-red-900" : "border-slate-300 bg-white text-slate-800"}`}>
            {ALERT_LABELS[c.kind]} : <strong className="tabular">{formatNumber(c.count)}</strong>
          </li>
        ))}
      </ul>
      {alerts.length === 0 ? (
        <p className="rounded bg-white p-3">Aucune alerte : aucune des règles ne se déclenche sur ces données.</p>
      ) : (
        <TableScroll label="Alertes" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="px-3 pt-3 text-left font-semibold">
              {caption}
              {alerts.length > shown.length ? ` (${formatNumber(shown.length)} premières sur ${formatNumber(alerts.length)} ; toutes dans l'export)` : ""}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                {departmentNames ? <th scope="col" className="px-3 py-2">Département</th> : null}
                <th scope="col" className="px-3 py-2">Alerte</th>
                <th scope="col" className="px-3 py-2">Objet</th>
                <th scope="col" className="px-3 py-2">Détail</th>
                <th scope="col" className="px-3 py-2">Depuis le</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a, i) => (
                <tr key={`${a.kind}-${a.contractId}-${a.subject}-${i}`} className="border-b border-slate-100 align-top">
                  {departmentNames ? (
                    <td className="px-3 py-2">
                      <Link href={`/espace/departements/${a.departmentCode}`} className="text-marianne underline">
                        {departmentNames[a.departmentCode] ?? a.departmentCode} ({a.departmentCode})
                      </Link>
                    </td>
                  ) : null}
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {ALERT_LABELS[a.kind]}
                  </th>
                  <td className="px-3 py-2">{a.subject}</td>
                  <td className="px-3 py-2">{a.detail}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2">{a.date ? formatShortDate(a.date) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
