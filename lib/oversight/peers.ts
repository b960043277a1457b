// Each department against the national median. Pure functions over per-department aggregates
// (already summed by PostgreSQL): a median is an order statistic of about a hundred values.

/** The median of the known values; null when there is none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

export type PeerMeasures = { spendingRate: number | null; lateShare: number | null; targetShare: number | null; averageProgress: number | null };

export type PeerMedians = PeerMeasures & { departmentCount: number };

export const PEER_MEASURES = ["spendingRate", "lateShare", "targetShare", "averageProgress"] as const satisfies readonly (keyof PeerMeasures)[];

/** Medians of each measure across the departments that have a contract in the peer set. */
export function peerMedians(departments: readonly PeerMeasures[]): PeerMedians {
  return {
    spendingRate: median(departments.map((d) => d.spendingRate)),
    lateShare: median(departments.map((d) => d.lateShare)),
    targetShare: median(departments.map((d) => d.targetShare)),
    averageProgress: median(departments.map((d) => d.averageProgress)),
    departmentCount: departments.length,
  };
}

/** The difference with the median, in percentage points; null when either side is unknown. */
export function gapToMedian(value: number | null, med: number | null): number | null {
  return value === null || med === null ? null : value - med;
}
