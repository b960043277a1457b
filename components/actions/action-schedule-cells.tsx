import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import { formatShortDate } from "@/lib/core/format";
import type { ActionStatus } from "@/lib/core/vocabulary";

/** The headers of the cells below, in the same order. */
export function ActionScheduleHeaders() {
  return (
    <>
      <th scope="col">Calendrier</th>
      <th scope="col">Statut</th>
      <th scope="col">Avancement</th>
    </>
  );
}

/** An action's calendar, status and progress: the last cells of every table of fiches action. */
export function ActionScheduleCells({ action: a }: { action: { title: string; startDate: string | null; endDate: string | null; status: ActionStatus; isLate: boolean; progress: number } }) {
  return (
    <>
      <td className="whitespace-nowrap tabular-nums">
        {a.startDate ? formatShortDate(a.startDate) : "?"} → {a.endDate ? formatShortDate(a.endDate) : "?"}
      </td>
      <td>
        <ActionStatusBadge status={a.status} isLate={a.isLate} />
      </td>
      <td>
        <ProgressBar value={a.progress} label={`Avancement de « ${a.title} »`} />
      </td>
    </>
  );
}
