import Link from "next/link";
import { formatDecimal, formatNumber, formatPercent } from "@/lib/core/format";
import { gapToMedian, type PeerMedians } from "@/lib/oversight/peers";
import { paginate, type OversightDepartmentRow } from "@/lib/oversight/schemas";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { Pagination } from "./pagination";

/**
 * Rows per page: a quarter of France. All 101 on one page were a sixth of the national view's weight (each
 * cell sent twice, HTML and RSC payload); every row is in the CSV export below the table.
 */
export const PEERS_PER_PAGE = 25;

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

/** "+3,2 points", "−12 points": the sign is written, never shown by colour alone. */
function Gap({ value, median, worseWhenHigher = false }: { value: number | null; median: number | null; worseWhenHigher?: boolean }) {
  const gap = gapToMedian(value, median);
  if (gap === null) return <>—</>;
  const rounded = Math.round(gap * 10) / 10;
  const worse = worseWhenHigher ? rounded > 10 : rounded < -10;
  const text = `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${formatDecimal(Math.abs(rounded))}\u00a0pt${Math.abs(rounded) >= 2 ? "s" : ""}`;
  if (!worse) return <>{text}</>;
  return (
    <strong className="text-red-800">
      {text}
      <span className="sr-only"> (écart de plus de 10 points, défavorable)</span>
    </strong>
  );
}

type Props = { departments: OversightDepartmentRow[]; medians: PeerMedians; page: number; pageHref: (page: number) => string };

/** Each department with data against the national median of the peer departments, a page at a time. */
export function PeersTable({ departments, medians, page: requested, pageHref }: Props) {
  const withData = departments.filter((d) => d.contractCount > 0);
  if (withData.length === 0) return <p className="rounded bg-white p-3">Aucun département avec un contrat dans cette sélection.</p>;
  const page = paginate(withData, requested, PEERS_PER_PAGE);
  return (
    <>
      <TableScroll label="Comparaison avec la médiane nationale" className="rounded-lg border border-slate-200 bg-white">
        <table className={DATA_TABLE}>
          <caption className="px-3 pt-3 text-left font-semibold">
            Chaque département comparé à la médiane nationale ({formatNumber(medians.departmentCount)} départements sous contrat) ; écarts en points de pourcentage
          </caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col" className="n">Taux de versement (versé ÷ notifié)</th>
              <th scope="col" className="n">Écart à la médiane</th>
              <th scope="col" className="n">Part des fiches en retard</th>
              <th scope="col" className="n">Écart à la médiane</th>
              <th scope="col" className="n">Indicateurs à la cible</th>
              <th scope="col" className="n">Écart à la médiane</th>
              <th scope="col" className="n">Alertes</th>
            </tr>
          </thead>
          <tbody>
            <tr className="bg-slate-50 font-semibold">
              <th scope="row" className="font-semibold">Médiane nationale</th>
              <td className="n">{pct(medians.spendingRate)}</td>
              <td className="n">—</td>
              <td className="n">{pct(medians.lateShare)}</td>
              <td className="n">—</td>
              <td className="n">{pct(medians.targetShare)}</td>
              <td className="n">—</td>
              <td className="n">—</td>
            </tr>
            {page.rows.map((d) => (
              <tr key={d.code}>
                <th scope="row">
                  <Link href={`/espace/departements/${d.code}`}>
                    {d.name} ({d.code})
                  </Link>
                </th>
                <td className="n">{pct(d.spendingRate)}</td>
                <td className="n"><Gap value={d.spendingRate} median={medians.spendingRate} /></td>
                <td className="n">{pct(d.lateShare)}</td>
                <td className="n"><Gap value={d.lateShare} median={medians.lateShare} worseWhenHigher /></td>
                <td className="n">
                  {pct(d.targetShare)}
                  <small>{formatNumber(d.indicatorsMet)} sur {formatNumber(d.indicatorsEvaluated)}</small>
                </td>
                <td className="n"><Gap value={d.targetShare} median={medians.targetShare} /></td>
                <td className="n">{formatNumber(d.alertCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} label="Comparaison avec la médiane nationale" href={pageHref} />
    </>
  );
}
