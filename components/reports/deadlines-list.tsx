// A contract's deadlines as a table: report due dates, avenant dates, custom ones, with their state.
import { OverdueBadge } from "@/components/reports/report-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatDate } from "@/lib/core/format";
import { DEADLINE_KIND_LABELS, type DeadlineKind } from "@/lib/reports/schemas";

type Row = { key: string; kind: DeadlineKind; label: string; dueOn: string; done: boolean; overdue: boolean; departmentName?: string };

function stateOf(d: Row) {
  if (d.overdue) return <OverdueBadge />;
  if (d.done) return d.kind === "AMENDMENT" ? "Signé" : d.kind === "REPORT_DUE" ? "Adopté" : "Fait";
  return "À venir";
}

export function DeadlinesList({ deadlines, caption = "Échéances, par date" }: { deadlines: Row[]; caption?: string }) {
  if (deadlines.length === 0) return <p className="mt-2 text-sm">Aucune échéance.</p>;
  return (
    <TableScroll label="Échéances" className="mt-2">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Date</th>
            <th scope="col" className="px-3 py-2">Type</th>
            <th scope="col" className="px-3 py-2">Échéance</th>
            <th scope="col" className="px-3 py-2">État</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.key} className="border-b border-slate-100">
              <td className="tabular whitespace-nowrap px-3 py-2">{formatDate(d.dueOn)}</td>
              <td className="px-3 py-2">{DEADLINE_KIND_LABELS[d.kind]}</td>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {d.label}
              </th>
              <td className="px-3 py-2">{stateOf(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
