// The ids that name a fiche action's progress bar « Avancement <title> » instead of repeating the title in every
// row. Apart from the cells (./action-schedule-cells.tsx) so that client rows (components/ui/compact-rows.tsx)
// import them without the formatting of dates.

/** The progress column's header id: with the row's title (`actionTitleId`), it names each row's bar (one table per page). */
export const PROGRESS_HEADER_ID = "av";

/** The id of an action's title in its row, which names its progress bar. */
export function actionTitleId(index: number) {
  return `fa${index}`;
}

/** The ids naming an action's progress bar: the column's header and the row's title. */
export function actionProgressLabelledBy(titleId: string) {
  return `${PROGRESS_HEADER_ID} ${titleId}`;
}
