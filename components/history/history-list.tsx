import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/actions/schemas";
import { formatEuros } from "@/lib/core/format";
import { FUNDER_LABELS, STAGE_LABELS, type Funder, type FundingStage } from "@/lib/funding/schemas";
import { ENTITY_LABELS, FIELD_LABELS, OPERATION_LABELS } from "@/lib/history/labels";

export type HistoryItem = {
  id: string;
  at: string;
  actor: string;
  role: Role | null;
  entity: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  link?: string;
  title?: string;
};

const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "status" && typeof value === "string" && value in ACTION_STATUS_LABELS) return ACTION_STATUS_LABELS[value as ActionStatus];
  if (field === "funder" && typeof value === "string" && value in FUNDER_LABELS) return FUNDER_LABELS[value as Funder];
  if (field === "stage" && typeof value === "string" && value in STAGE_LABELS) return STAGE_LABELS[value as FundingStage];
  if (field.endsWith("Cents") && (typeof value === "number" || typeof value === "string")) return formatEuros(Number(value));
  return String(value);
}

export function HistoryList({ items, showEntity = false }: { items: HistoryItem[]; showEntity?: boolean }) {
  if (items.length === 0) return <p className="text-slate-700">Aucune modification enregistrée.</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => {
        const fields = Object.keys(item.after ?? {}).filter((f) => f in FIELD_LABELS);
        return (
          <li key={item.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p>
              <time dateTime={item.at} className="font-medium">
                {when.format(new Date(item.at))}
              </time>{" "}
              — {OPERATION_LABELS[item.operation] ?? item.operation}
              {showEntity ? (
                <>
                  {" "}
                  · {ENTITY_LABELS[item.entity] ?? item.entity}
                  {item.title ? (item.link ? <> : <a href={item.link} className="text-marianne underline">{item.title}</a></> : ` : ${item.title}`) : null}
                </>
              ) : null}
            </p>
            <p className="text-slate-700">
              par {item.actor}
              {item.role ? ` (${ROLE_LABELS[item.role]})` : ""}
            </p>
            {item.operation === "update" && fields.length > 0 ? (
              <ul className="mt-1 list-inside list-disc">
                {fields.map((f) => (
                  <li key={f}>
                    {FIELD_LABELS[f]} : {show(f, item.before?.[f])} → <strong>{show(f, item.after?.[f])}</strong>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
