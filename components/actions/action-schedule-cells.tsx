import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import { formatShortDate } from "@/lib/core/format";
import type { ActionStatus } from "@/lib/core/vocabulary";

/** The progress column's header id: with the row's title (`titleId`), it names each row's bar (one table per page). */
export const PROGRESS_HEADER_ID = "av";

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

/** The id of an action's title in its row, which names its progress bar. */
export function actionTitleId(index: number) {
  return `fa${index}`;
}

/** An action's calendar as one text: « 01/01/25 → 31/12/27 », « ? » for a date not set. */
export function actionScheduleText(a: { startDate: string | null; endDate: string | null }) {
  return `${a.startDate ? formatShortDate(a.startDate) : "?"} → ${a.endDate ? formatShortDate(a.endDate) : "?"}`;
}

/** The ids naming an action's progress bar: the column's header and the row's title. */
export function actionProgressLabelledBy(titleId: string) {
  return `${PROGRESS_HEADER_ID} ${titleId}`;
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
