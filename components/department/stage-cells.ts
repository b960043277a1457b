// The stage columns of the funding tables (prévu, notifié, engagé, versé, taux), shared by the server-rendered
// table by funder and the client figure by year. A plain module: values exported by a "use client" file are
// client references on the server, not values.
import { formatEuros, formatPercent } from "@/lib/core/format";
import type { StageAmounts } from "@/lib/opendata/schemas";

/** What the column says: versé ÷ notifié (nothing notified yet: no rate). */
export const paidOverNotified = (t: StageAmounts) => (t.notifiedCents > 0 ? formatPercent((t.paidCents / t.notifiedCents) * 100) : "—");
export const stageCells = (t: StageAmounts) => [formatEuros(t.plannedCents), formatEuros(t.notifiedCents), formatEuros(t.committedCents), formatEuros(t.paidCents), paidOverNotified(t)];

export const STAGE_COLUMNS = [
  { label: "Prévu", numeric: true },
  { label: "Notifié", numeric: true },
  { label: "Engagé", numeric: true },
  { label: "Versé", numeric: true },
  { label: "Taux de versement (versé ÷ notifié)", numeric: true },
];

