import Link from "next/link";
import { formatDecimal, formatNumber, formatPercent } from "@/lib/format";
import { gapToMedian, type PeerMedians } from "@/lib/oversight/peers";
import type { OversightDepartmentRow } from "@/lib/oversight/schemas";
import { TableScroll } from "@/components/ui/table-scroll";

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

/** "+3,2 points", "−12 points": the sign is written, never shown by colour alone. */
function Gap({ value, median, worseWhenHigher = false }: { value: number | null; median: number | null; worseWhenHigher?: boolean }) {
  const gap = gapToMedian(value, median);
  if (gap === null) return <span>—</span>;
  const rounded = Math.round(gap * 10) / 10;
  const worse = worseWhenHigher ? rounded > 10 : rounded < -10;
  return (
    <span className={worse ? "font-semibold text-red-800" : undefined}>
      {rounded > 0 ? "+" : rounded < 0 ? "−" : ""}
      {formatDecimal(Math.abs(rounded))}&nbsp;pt{Math.abs(rounded) >= 2 ? "s" : ""}
      {worse ? <span className="sr-only"> (écart de plus de 10 points, défavorable)</span> : null}
    </span>
  );
}

/** Each department with data against the national median of the peer departments. */
export function PeersTable({ departments, medians }: { departments: OversightDepartmentRow[]; medians: PeerMedians }) {
  const rows = departments.filter((d) => d.contractCount > 0);
  if (rows.length === 0) return <p className="rounded bg-white p-3">Aucun département avec un contrat dans cette sélection.</p>;
  const cell = "tabular px-2 py-2 text-right whitespace-nowrap";
  return (
    <TableScroll label="Comparaison avec la médiane nationale" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">
          Chaque département comparé à la médiane nationale ({formatNumber(medians.departmentCount)} départements sous contrat) ; écarts en points de pourcentage
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left align-bottom">
            <th scope="col" className="px-2 py-2">Département</th>
            <th scope="col" className="px-2 py-2 text-right">Taux de versement (versé ÷ notifié)</th>
            <th scope="col" className="px-2 py-2 text-right">Écart à la médiane</th>
            <th scope="col" className="px-2 py-2 text-right">Part des fiches en retard</th>
            <th scope="col" className="px-2 py-2 text-right">Écart à la médiane</th>
            <th scope="col" className="px-2 py-2 text-right">Indicateurs à la cible</th>
            <th scope="col" className="px-2 py-2 text-right">Écart à la médiane</th>
            <th scope="col" className="px-2 py-2 text-right">Alertes</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b-2 border-slate-300 bg-slate-50 font-semibold">
            <th scope="row" className="px-2 py-2 text-left">Médiane nationale</th>
            <td className={cell}>{pct(medians.spendingRate)}</td>
            <td className={cell}>—</td>
            <td className={cell}>{pct(medians.lateShare)}</td>
            <td className={cell}>—</td>
            <td className={cell}>{pct(medians.targetShare)}</td>
            <td className={cell}>—</td>
            <td className={cell}>—</td>
          </tr>
          {rows.map((d) => (
            <tr key={d.code} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-2 text-left font-normal">
                <Link href={`/espace/departements/${d.code}`} className="text-marianne underline">
                  {d.name} ({d.code})
                </Link>
              </th>
              <td className={cell}>{pct(d.spendingRate)}</td>
              <td className={cell}><Gap value={d.spendingRate} median={medians.spendingRate} /></td>
              <td className={cell}>{pct(d.lateShare)}</td>
              <td className={cell}><Gap value={d.lateShare} median={medians.lateShare} worseWhenHigher /></td>
              <td className={cell}>
                {pct(d.targetShare)}
                <span className="block text-xs font-normal text-slate-700">{formatNumber(d.indicatorsMet)} sur {formatNumber(d.indicatorsEvaluated)}</span>
              </td>
              <td className={cell}><Gap value={d.targetShare} median={medians.targetShare} /></td>
              <td className={cell}>{formatNumber(d.alertCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
