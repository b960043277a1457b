import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/actions/schemas";

// Colours only: the badge's shape is the .badge class (app/globals.css), short because it is on every row.
const STYLES: Record<ActionStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-blue-100 text-blue-900",
  DONE: "bg-green-100 text-green-900",
  POSTPONED: "bg-orange-100 text-orange-900",
  ABANDONED: "bg-slate-200 text-slate-700 line-through",
};

export function ActionStatusBadge({ status, isLate }: { status: ActionStatus; isLate: boolean }) {
  return (
    <span className="badges">
      <span className={`badge ${STYLES[status]}`}>{ACTION_STATUS_LABELS[status]}</span>
      {isLate ? <span className="badge bg-red-100 text-red-900">En retard</span> : null}
    </span>
  );
}

/** The bar and its value; styled by the .progress class (app/globals.css), as it is on every row of a table. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <span className="progress">
      <span role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}>
        <span style={{ width: `${value}%` }} />
      </span>
      <span>{`${value}\u00a0%`}</span>
    </span>
  );
}
