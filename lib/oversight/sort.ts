// Sorting the oversight table by a column named in the URL. Unknown values (null) always sort last.
import type { OversightContractRow, SortKey, SortOrder } from "./schemas";

type SortValue = string | number | null;

/** INSEE order: 19, 2A, 2B, 21 … 95, 971; any other code (never a number) after them, by its digits. */
export const departmentOrder = (code: string): number => {
  if (code === "2A") return 20.1;
  if (code === "2B") return 20.2;
  return /^\d+$/.test(code) ? Number(code) : 10_000 + (Number(code.replace(/\D/g, "")) || 0);
};

const VALUE: Record<SortKey, (r: OversightContractRow) => SortValue> = {
  departement: (r) => departmentOrder(r.departmentCode),
  region: (r) => r.regionName,
  cadre: (r) => r.frameworkCode,
  vague: (r) => r.wave,
  actions: (r) => r.actionCount,
  avancement: (r) => r.averageProgress,
  retard: (r) => r.lateShare,
  notifie: (r) => r.funding.NOTIFIED,
  engage: (r) => r.funding.COMMITTED,
  verse: (r) => r.funding.PAID,
  taux: (r) => r.spendingRate,
  alertes: (r) => r.alertCount,
};

function compare(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "fr", { numeric: true });
}

export function sortContracts(rows: readonly OversightContractRow[], key: SortKey, order: SortOrder): OversightContractRow[] {
  const value = VALUE[key];
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compare(a, b) || departmentOrder(x.departmentCode) - departmentOrder(y.departmentCode) || y.periodStart.localeCompare(x.periodStart);
  });
}
