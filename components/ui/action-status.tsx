import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/actions/schemas";

const STYLES: Record<ActionStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-blue-100 text-blue-900",
  DONE: "bg-green-100 text-green-900",
  POSTPONED: "bg-orange-100 text-orange-900",
  ABANDONED: "bg-slate-200 text-slate-700 line-through",
};

export function ActionStatusBadge({ status, isLate }: { status: ActionStatus; isLate: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{ACTION_STATUS_LABELS[status]}</span>
      {isLate ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">En retard</span> : null}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <span className="flex items-center gap-2">
      <span
        role="progressbar"
        aria-label={label}
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        className="block h-2 w-20 overflow-hidden rounded bg-slate-200"
      >
        <span className="block h-full bg-marianne" style={{ width: `${value}%` }} />
      </span>
      <span className="tabular text-sm">{value}&nbsp;%</span>
    </span>
  );
}
