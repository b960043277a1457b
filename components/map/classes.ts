// Classes of the departments map: fixed breaks per kind of measure (so that two maps read alike),
// a sequential palette from light to dark, and the labels of the legend.
import { formatNumber, formatPercent } from "@/lib/core/format";

export type MapClass = { index: number; label: string; color: string; min: number; max: number | null };

/** Light to dark blue; every class keeps a visible border against its neighbours. */
export const PALETTE = ["#cdd7fa", "#9dafef", "#6b80de", "#3a4fbf", "#1b1f7a"] as const;
export const NO_DATA_FILL = "url(#carte-sans-donnee)";
export const OUT_OF_SCOPE_FILL = "#fafafa";

const PERCENT_BREAKS = [0, 20, 40, 60, 80];
const COUNT_BREAKS = [0, 1, 3, 6, 11];

export function mapClasses(kind: "percent" | "count"): MapClass[] {
  const breaks = kind === "percent" ? PERCENT_BREAKS : COUNT_BREAKS;
  return breaks.map((min, i) => {
    const next = breaks[i + 1] ?? null;
    const label =
      kind === "percent"
        ? next === null
          ? `${formatPercent(min)} et plus`
          : `de ${formatNumber(min)} à moins de ${formatPercent(next)}`
        : next === null
          ? `${formatNumber(min)} et plus`
          : next - 1 === min
            ? formatNumber(min)
            : `de ${formatNumber(min)} à ${formatNumber(next - 1)}`;
    return { index: i, label, color: PALETTE[i], min, max: next };
  });
}

/** The class of a value, or null when there is no value. */
export function classOf(classes: readonly MapClass[], value: number | null): MapClass | null {
  if (value === null || !Number.isFinite(value)) return null;
  return [...classes].reverse().find((c) => value >= c.min) ?? classes[0];
}
