// Alerts are computed from the data, never typed. Each rule is a pure function of rows that PostgreSQL
// has already selected or summed, and of `today`, so that it can be tested on crafted rows.
import { isActionLate, type ActionStatus } from "../actions/schemas";
import { FUNDER_LABELS, type Funder } from "../funding/schemas";
import { formatDecimal, formatEuros, formatPercent, formatShortDate } from "../core/format";
import type { IndicatorDirection, IndicatorKind } from "../indicators/schemas";
import { formatIndicatorValue, indicatorStatus } from "../indicators/status";
import { departmentOrder } from "./sort";
import { isoDay } from "../core/dates";

export const ALERT_KINDS = ["late_action", "stale_action", "committed_unpaid", "spending_gap", "indicator_off_track"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_LABELS: Record<AlertKind, string> = {
  late_action: "Fiche action en retard",
  stale_action: "Sans mise à jour depuis 90 jours",
  committed_unpaid: "Engagé non versé depuis plus de 12 mois",
  spending_gap: "Taux de versement très inférieur à la médiane",
  indicator_off_track: "Indicateur en deçà de la cible",
};

/** Days without an update before an open action of a contract in force is flagged. */
export const STALE_DAYS = 90;
/** Percentage points below the national median before a spending rate is flagged. */
export const SPENDING_GAP_POINTS = 10;

export type Alert = {
  kind: AlertKind;
  departmentCode: string;
  contractId: string | null;
  subject: string;
  detail: string;
  /** ISO date the alert dates from (end date, last update, end of the budget year); null if none. */
  date: string | null;
  amountCents: number | null;
  value: number | null;
};

const DAY_MS = 86_400_000;

export type ActionAlertRow = {
  contractId: string;
  departmentCode: string;
  contractStatus: "DRAFT" | "SIGNED" | "ENDED";
  /** Last day of the contract's period (ISO): after it, the contract's actions raise no alert. */
  contractEnd: string;
  reference: string;
  title: string;
  status: ActionStatus;
  endDate: string | null;
  updatedAt: string;
};

/** Whether a contract is still running today: not ended, its period not over. Only those raise action alerts. */
export const contractRunning = (row: Pick<ActionAlertRow, "contractStatus" | "contractEnd">, today: Date) => row.contractStatus !== "ENDED" && row.contractEnd >= isoDay(today);

/**
 * End date passed and the action neither done nor abandoned (the same rule as the action's badge), in
 * a contract still running: the fiches of a contract whose period ended are not late any more.
 */
export function lateActionAlert(row: ActionAlertRow, today: Date): Alert | null {
  if (!contractRunning(row, today) || !isActionLate(row, today)) return null;
  return {
    kind: "late_action",
    departmentCode: row.departmentCode,
    contractId: row.contractId,
    subject: `${row.reference} — ${row.title}`,
    detail: `Échéance du ${formatShortDate(row.endDate!)} dépassée, fiche non réalisée.`,
    date: row.endDate,
    amountCents: null,
    value: Math.floor((Date.parse(`${isoDay(today)}T00:00:00Z`) - Date.parse(`${row.endDate}T00:00:00Z`)) / DAY_MS),
  };
}

/** An open action of a contract in force that nobody has updated for 90 days or more. */
export function staleActionAlert(row: ActionAlertRow, today: Date): Alert | null {
  if (row.contractStatus !== "SIGNED" || !contractRunning(row, today) || row.status === "DONE" || row.status === "ABANDONED") return null;
  const days = Math.floor((today.getTime() - Date.parse(row.updatedAt)) / DAY_MS);
  if (days < STALE_DAYS) return null;
  return {
    kind: "stale_action",
    departmentCode: row.departmentCode,
    contractId: row.contractId,
    subject: `${row.reference} — ${row.title}`,
    detail: `Dernière mise à jour le ${formatShortDate(row.updatedAt)}, il y a ${days} jours.`,
    date: row.updatedAt.slice(0, 10),
    amountCents: null,
    value: days,
  };
}

export type UnpaidRow = { contractId: string; departmentCode: string; year: number; funder: Funder; committedCents: number; paidCents: number };

/**
 * A budget year's commitments are made by its 31 December at the latest; what is still unpaid a full
 * year later (from 1 January of year + 2) has waited more than 12 months. One alert per contract.
 */
export function committedUnpaidAlerts(rows: readonly UnpaidRow[], today: Date): Alert[] {
  const byContract = new Map<string, { departmentCode: string; cents: number; years: Set<number>; funders: Set<Funder> }>();
  for (const r of rows) {
    const unpaid = r.committedCents - r.paidCents;
    if (unpaid <= 0 || isoDay(today) < `${r.year + 2}-01-01`) continue;
    const entry = byContract.get(r.contractId) ?? { departmentCode: r.departmentCode, cents: 0, years: new Set(), funders: new Set() };
    entry.cents += unpaid;
    entry.years.add(r.year);
    entry.funders.add(r.funder);
    byContract.set(r.contractId, entry);
  }
  return [...byContract.entries()].map(([contractId, e]) => {
    const years = [...e.years].sort((a, b) => a - b);
    return {
      kind: "committed_unpaid" as const,
      departmentCode: e.departmentCode,
      contractId,
      subject: `Années ${years.join(", ")}`,
      detail: `${formatEuros(e.cents)} engagés et non versés (${[...e.funders].map((f) => FUNDER_LABELS[f]).join(", ")}).`,
      date: `${years[0]}-12-31`,
      amountCents: e.cents,
      value: null,
    };
  });
}

/** A department whose spending rate (paid ÷ notified) is more than 10 points below the median. */
export function spendingGapAlert(row: { departmentCode: string; spendingRate: number | null }, medianRate: number | null): Alert | null {
  if (row.spendingRate === null || medianRate === null) return null;
  const gap = row.spendingRate - medianRate;
  if (gap >= -SPENDING_GAP_POINTS) return null;
  return {
    kind: "spending_gap",
    departmentCode: row.departmentCode,
    contractId: null,
    subject: "Taux de versement (versé ÷ notifié)",
    detail: `${formatPercent(row.spendingRate)} contre une médiane nationale de ${formatPercent(medianRate)} (${formatDecimal(gap)}\u00a0points).`,
    date: null,
    amountCents: null,
    value: Math.round(gap * 10) / 10,
  };
}

export type IndicatorAlertRow = {
  contractId: string;
  departmentCode: string;
  code: string;
  label: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  unit: string;
  year: number;
  baseline: number | null;
  target: number | null;
  actual: number | null;
};

/** The latest value of an indicator is below its target and no better than its baseline. */
export function indicatorOffTrackAlert(row: IndicatorAlertRow): Alert | null {
  if (indicatorStatus(row) !== "behind") return null;
  const show = (v: number | null) => formatIndicatorValue(row.kind, row.unit, v);
  return {
    kind: "indicator_off_track",
    departmentCode: row.departmentCode,
    contractId: row.contractId,
    subject: `${row.code} — ${row.label}`,
    detail: `${row.year} : ${show(row.actual)} pour une cible de ${show(row.target)}${row.baseline === null ? "" : ` (référence ${show(row.baseline)})`}.`,
    date: `${row.year}-12-31`,
    amountCents: null,
    value: row.actual,
  };
}

export type AlertInputs = {
  actions: readonly ActionAlertRow[];
  unpaid: readonly UnpaidRow[];
  departments: readonly { departmentCode: string; spendingRate: number | null }[];
  medianSpendingRate: number | null;
  indicators: readonly IndicatorAlertRow[];
};

/** Every rule over its rows, sorted by department, then rule, then subject. */
export function computeAlerts(input: AlertInputs, today: Date): Alert[] {
  const alerts = [
    ...input.actions.flatMap((a) => [lateActionAlert(a, today), staleActionAlert(a, today)]),
    ...committedUnpaidAlerts(input.unpaid, today),
    ...input.departments.map((d) => spendingGapAlert(d, input.medianSpendingRate)),
    ...input.indicators.map(indicatorOffTrackAlert),
  ].filter((a): a is Alert => a !== null);
  return sortAlerts(alerts);
}

const kindOrder = (k: AlertKind) => ALERT_KINDS.indexOf(k);

/** By department, then rule, then subject (then contract, so that equal subjects keep one order). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    departmentOrder(a.departmentCode) - departmentOrder(b.departmentCode) ||
    kindOrder(a.kind) - kindOrder(b.kind) ||
    a.subject.localeCompare(b.subject, "fr") ||
    (a.contractId ?? "").localeCompare(b.contractId ?? "")
  );
}

export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort(compareAlerts);
}

/** Alert counts per department code (and per contract, for contract-level alerts). */
export function countAlerts(alerts: readonly Alert[], key: "departmentCode" | "contractId"): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of alerts) {
    const k = a[key];
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** What a page shows of a long list of alerts: the count per rule, the total, and the first ones. */
export type AlertSummary = { total: number; byKind: Record<AlertKind, number>; first: Alert[] };

export function summarizeAlerts(alerts: readonly Alert[], limit: number): AlertSummary {
  const byKind = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  for (const a of alerts) byKind[a.kind] += 1;
  return { total: alerts.length, byKind, first: alerts.slice(0, limit) };
}
