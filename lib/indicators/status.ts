// Whether a value is on track, and how values read on screen. Safe for the client.
import { formatEuros, formatNumber, formatPercent } from "../core/format";
import type { IndicatorDirection, IndicatorKind } from "./schemas";

export type IndicatorStatus = "met" | "improving" | "behind" | "no_target" | "no_actual" | "monitored";

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: "Cible atteinte",
  improving: "En progrès, cible non atteinte",
  behind: "En deçà de la cible",
  no_target: "Pas de cible",
  no_actual: "Non renseigné",
  monitored: "Suivi, sans sens attendu",
};

type Values = { kind: IndicatorKind; direction: IndicatorDirection; baseline: number | null; target: number | null; actual: number | null };

/**
 * Compares the actual value to the year's target in the indicator's direction. A milestone is reached
 * (1) or not (0) whatever its direction; a neutral indicator is monitored without a verdict. Below the
 * target but better than the baseline reads as progress.
 */
export function indicatorStatus({ kind, direction, baseline, target, actual }: Values): IndicatorStatus {
  if (actual === null) return "no_actual";
  if (kind === "MILESTONE") return actual >= (target ?? 1) ? "met" : "behind";
  if (direction === "NEUTRAL") return "monitored";
  if (target === null) return "no_target";
  const better = (a: number, b: number) => (direction === "HIGHER_IS_BETTER" ? a > b : a < b);
  if (actual === target || better(actual, target)) return "met";
  if (baseline !== null && better(actual, baseline)) return "improving";
  return "behind";
}

/** 72.5 → "72,5 %", 120 → "120 jours", 1 → "Oui", 150000 → "150 000 €", 80 places → "80 places". */
export function formatIndicatorValue(kind: IndicatorKind, unit: string, value: number | null): string {
  if (value === null) return "—";
  switch (kind) {
    case "RATE":
      return formatPercent(value);
    case "MILESTONE":
      return value >= 1 ? "Oui" : "Non";
    case "AMOUNT":
      return formatEuros(Math.round(value * 100));
    case "DELAY_DAYS":
      return `${formatNumber(value)}\u00a0${value === 1 ? "jour" : "jours"}`;
    default:
      return unit && unit !== "nombre" ? `${formatNumber(value)}\u00a0${unit}` : formatNumber(value);
  }
}

/** "Taux, en % — plus haut, mieux c'est", for a table caption. */
export function unitLabel(kind: IndicatorKind, unit: string): string {
  if (kind === "MILESTONE") return "oui/non";
  if (kind === "AMOUNT") return "en euros";
  return `en ${unit}`;
}
