import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/core/vocabulary";

// Colours only, one short class per status (.st-*, app/globals.css): the badge is on every row of long tables.
const STYLES: Record<ActionStatus, string> = {
  NOT_STARTED: "st-ns",
  IN_PROGRESS: "st-ip",
  DONE: "st-done",
  POSTPONED: "st-pp",
  ABANDONED: "st-ab",
};

export function ActionStatusBadge({ status, isLate }: { status: ActionStatus; isLate: boolean }) {
  const badge = <span className={`badge ${STYLES[status]}`}>{ACTION_STATUS_LABELS[status]}</span>;
  if (!isLate) return badge;
  return (
    <span className="badges">
      {badge}
      <span className="badge st-late">En retard</span>
    </span>
  );
}

/**
 * The bar and its value; styled by the .progress class (app/globals.css), as it is on every row of a table.
 * Named by `label`, or by the element `labelledBy` (a row's title, instead of repeating it in every row).
 * aria-valuemin and aria-valuemax are left to their defaults, 0 and 100.
 */
export function ProgressBar({ value, label, labelledBy }: { value: number; label?: string; labelledBy?: string }) {
  return (
    <span className="progress">
      <span role="progressbar" aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy} aria-valuenow={value}>
        <span style={{ width: `${value}%` }} />
      </span>
      <span>{`${value}\u00a0%`}</span>
    </span>
  );
}
