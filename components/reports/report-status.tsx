// Where a report stands: its status as a badge, and the steps of the tripartite circuit.
import type { ReportStatus } from "@/lib/reports/schemas";
import { REPORT_STATUS_LABELS } from "@/lib/reports/schemas";
import type { ReportStep, StepState } from "@/lib/reports/workflow";

// The same look as the action and indicator status badges: the short classes of app/globals.css (.badge,
// .st-*), as the national view lists up to 50 overdue reports, each sent twice (HTML and RSC payload).
const BADGE: Record<ReportStatus, string> = {
  DRAFT: "st-ns",
  SUBMITTED: "st-ip",
  SENT_BACK: "st-back",
  ADOPTED: "st-done",
};

export function ReportStatusBadge({ status, large = false }: { status: ReportStatus; large?: boolean }) {
  return <span className={`badge badge-nw ${large ? "text-base " : ""}${BADGE[status]}`}>{REPORT_STATUS_LABELS[status]}</span>;
}

export function OverdueBadge() {
  return <span className="ml-2 inline-block whitespace-nowrap rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">En retard</span>;
}

const STATE_TEXT: Record<StepState, string> = { done: "fait", current: "en cours", upcoming: "à venir" };
const MARK: Record<StepState, string> = { done: "✓", current: "●", upcoming: "○" };
const MARK_CLASS: Record<StepState, string> = {
  done: "border-green-800 bg-green-700 text-white",
  current: "border-marianne bg-white text-marianne",
  upcoming: "border-slate-400 bg-white text-slate-500",
};

function Step({ step }: { step: ReportStep }) {
  return (
    <li aria-current={step.state === "current" ? "step" : undefined} className="flex items-center gap-2">
      <span aria-hidden="true" className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${MARK_CLASS[step.state]}`}>
        {MARK[step.state]}
      </span>
      <span className={step.state === "current" ? "font-semibold" : step.state === "upcoming" ? "text-slate-700" : ""}>
        {step.label} <span className="text-sm text-slate-700">({STATE_TEXT[step.state]})</span>
      </span>
    </li>
  );
}

/** The circuit: the department, then the State and the ARS in either order, then adoption. */
export function ReportSteps({ steps }: { steps: ReportStep[] }) {
  const [write, ...rest] = steps;
  const approvals = rest.filter((s) => s.party !== null);
  const adoption = rest.find((s) => s.party === null)!;
  return (
    <ol aria-label="Étapes du circuit de validation" className="mt-3 grid gap-3 md:grid-cols-3">
      <li className="rounded border border-slate-200 p-3">
        <p className="mb-2 text-sm font-semibold text-slate-700">1. Rédaction</p>
        <ul>
          <Step step={write} />
        </ul>
      </li>
      <li className="rounded border border-slate-200 p-3">
        <p className="mb-2 text-sm font-semibold text-slate-700">2. Validation (dans n&apos;importe quel ordre)</p>
        <ul className="space-y-2">
          {approvals.map((s) => (
            <Step key={s.party} step={s} />
          ))}
        </ul>
      </li>
      <li className="rounded border border-slate-200 p-3">
        <p className="mb-2 text-sm font-semibold text-slate-700">3. Adoption</p>
        <ul>
          <Step step={adoption} />
        </ul>
      </li>
    </ol>
  );
}
