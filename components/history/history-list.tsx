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

/** What changed in an update: « Statut : En cours → Réalisée ; Avancement (%) : 60 → 100 ». */
function changesText(item: HistoryItem): string {
  if (item.operation !== "update") return "";
  const fields = Object.keys(item.after ?? {}).filter((f) => f in FIELD_LABELS);
  return fields.map((f) => `${FIELD_LABELS[f]} : ${show(f, item.before?.[f])} → ${show(f, item.after?.[f])}`).join(" ; ");
}

/**
 * The same entries, one short paragraph each (the dashboard's « Activité récente »): a few texts per entry and
 * one class on the list (.activity, app/globals.css), as each entry is sent twice (HTML and RSC payload).
 */
function CompactHistoryList({ items }: { items: HistoryItem[] }) {
  return (
    <ol className="activity">
      {items.map((item) => {
        const changes = changesText(item);
        const what = `${OPERATION_LABELS[item.operation] ?? item.operation} · ${ENTITY_LABELS[item.entity] ?? item.entity}`;
        return (
          <li key={item.id}>
            <time dateTime={item.at}>{when.format(new Date(item.at))}</time>
            {item.title ? (item.link ? <>{` — ${what} : `}<a href={item.link}>{item.title}</a></> : ` — ${what} : ${item.title}`) : ` — ${what}`}
            {` — par ${item.actor}${item.role ? ` (${ROLE_LABELS[item.role]})` : ""}`}
            {changes ? <p>{changes}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function HistoryList({ items, showEntity = false, compact = false }: { items: HistoryItem[]; showEntity?: boolean; compact?: boolean }) {
  if (items.length === 0) return <p className="text-slate-700">Aucune modification enregistrée.</p>;
  if (compact) return <CompactHistoryList items={items} />;
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
