import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import { formatShortDate } from "@/lib/core/format";
import type { ActionStatus } from "@/lib/core/vocabulary";
import { PROGRESS_HEADER_ID, actionProgressLabelledBy } from "./action-ids";


/** The headers of the cells below, in the same order. */
export function ActionScheduleHeaders() {
  return (
    <>
      <th scope="col">Calendrier</th>
      <th scope="col">Statut</th>
      <th scope="col" id={PROGRESS_HEADER_ID}>
        Avancement
      </th>
    </>
  );
}

/** An action's calendar as one text: « 01/01/25 → 31/12/27 », « ? » for a date not set. */
export function actionScheduleText(a: { startDate: string | null; endDate: string | null }) {
  return `${a.startDate ? formatShortDate(a.startDate) : "?"} → ${a.endDate ? formatShortDate(a.endDate) : "?"}`;
}

/**
 * An action's calendar, status and progress: the last cells of every table of fiches action. These cells are on
 * every row of long tables, sent twice (HTML and RSC payload): one text per cell, short classes (.nw:
 * components/ui/data-table.ts), and the bar named « Avancement <title> » by ids instead of repeating the title.
 */
export function ActionScheduleCells({
  action: a,
  titleId,
}: {
  action: { startDate: string | null; endDate: string | null; status: ActionStatus; isLate: boolean; progress: number };
  /** The id of the row's element holding the action's title. */
  titleId: string;
}) {
  return (
    <>
      <td className="nw">{actionScheduleText(a)}</td>
      <td>
        <ActionStatusBadge status={a.status} isLate={a.isLate} />
      </td>
      <td>
        <ProgressBar value={a.progress} labelledBy={actionProgressLabelledBy(titleId)} />
      </td>
    </>
  );
}
