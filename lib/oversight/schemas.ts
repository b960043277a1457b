// Oversight views (national, regional): filters, sorting, map measures and DTOs. Safe for the client.
import { z } from "zod";
import type { ContractStatus } from "../contracts/schemas";
import type { Funder, StageTotals } from "../funding/schemas";
import type { Alert, AlertSummary } from "./alerts";
import type { PeerMedians } from "./peers";

/** Whose departments a view covers: every department, or one region's. */
export type OversightScope = { kind: "national" } | { kind: "region"; regionCode: string };

export type OversightFilters = { framework: string | null; wave: number | null; year: number | null; region: string | null };

export const NO_FILTERS: OversightFilters = { framework: null, wave: null, year: null, region: null };

export const SORT_KEYS = ["departement", "region", "cadre", "vague", "actions", "avancement", "retard", "notifie", "engage", "verse", "taux", "alertes"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

export const SORT_LABELS: Record<SortKey, string> = {
  departement: "Département",
  region: "Région",
  cadre: "Cadre",
  vague: "Vague",
  actions: "Fiches action",
  avancement: "Avancement moyen",
  retard: "Part en retard",
  notifie: "Notifié",
  engage: "Engagé",
  verse: "Versé",
  taux: "Taux de versement",
  alertes: "Alertes",
};

export const MAP_MEASURES = ["taux", "retard", "cibles", "avancement", "alertes"] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export const MAP_MEASURE_LABELS: Record<MapMeasure, string> = {
  taux: "taux de versement",
  retard: "part des fiches action en retard",
  cibles: "part des indicateurs à la cible",
  avancement: "avancement moyen",
  alertes: "nombre d'alertes",
};

/**
 * `page`: of the contracts table; `departmentPage`: of the tables with one row per department;
 * `reportPage`: of the overdue execution reports; `mapPage`: of the table under the map.
 */
export type OversightParams = { filters: OversightFilters; sort: SortKey; order: SortOrder; measure: MapMeasure; page: number; departmentPage: number; reportPage: number; mapPage: number };

/** Rows per page of the contracts table (each row is sent twice, HTML and RSC payload; all rows are in the CSV). */
export const CONTRACTS_PER_PAGE = 25;
/** Rows per page of the department tables: every department of France on one page (more only with synthetic territories). */
export const DEPARTMENTS_PER_PAGE = 101;
/** Rows per page of the overdue execution reports (hundreds at national scale: one page would weigh megabytes). */
export const OVERDUE_REPORTS_PER_PAGE = 25;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

const ParamsSchema = z.object({
  cadre: optional(z.string().regex(/^[0-9A-Za-z-]{1,20}$/)),
  vague: optional(z.coerce.number().int().min(2000).max(2100)),
  annee: optional(z.coerce.number().int().min(2000).max(2100)),
  region: optional(z.string().regex(/^\d{2}$/)),
  tri: optional(z.enum(SORT_KEYS)),
  ordre: optional(z.enum(["asc", "desc"])),
  mesure: optional(z.enum(MAP_MEASURES)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  page_departements: optional(z.coerce.number().int().min(1).max(100_000)),
  page_rapports: optional(z.coerce.number().int().min(1).max(100_000)),
  page_carte: optional(z.coerce.number().int().min(1).max(100_000)),
});

type RawParams = Record<string, string | string[] | undefined>;

/** The URL's search params; anything unreadable falls back to its default (a filter left off). */
export function parseOversightParams(raw: RawParams): OversightParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = ParamsSchema.parse(first);
  return {
    filters: { framework: p.cadre ?? null, wave: p.vague ?? null, year: p.annee ?? null, region: p.region ?? null },
    sort: p.tri ?? "departement",
    order: p.ordre ?? "asc",
    measure: p.mesure ?? "taux",
    page: p.page ?? 1,
    departmentPage: p.page_departements ?? 1,
    reportPage: p.page_rapports ?? 1,
    mapPage: p.page_carte ?? 1,
  };
}

/** Back to search params (defaults left out), for links that change one thing and keep the rest. */
export function oversightQuery(params: OversightParams, change: Partial<Omit<OversightParams, "filters">> = {}): string {
  const merged = { ...params, ...change };
  const q = new URLSearchParams();
  if (merged.filters.framework) q.set("cadre", merged.filters.framework);
  if (merged.filters.wave) q.set("vague", String(merged.filters.wave));
  if (merged.filters.year) q.set("annee", String(merged.filters.year));
  if (merged.filters.region) q.set("region", merged.filters.region);
  if (merged.sort !== "departement") q.set("tri", merged.sort);
  if (merged.order !== "asc") q.set("ordre", merged.order);
  if (merged.measure !== "taux") q.set("mesure", merged.measure);
  if (merged.page > 1) q.set("page", String(merged.page));
  if (merged.departmentPage > 1) q.set("page_departements", String(merged.departmentPage));
  if (merged.reportPage > 1) q.set("page_rapports", String(merged.reportPage));
  if (merged.mapPage > 1) q.set("page_carte", String(merged.mapPage));
  const text = q.toString();
  return text ? `?${text}` : "";
}

export type Page<T> = { rows: T[]; page: number; pageCount: number; total: number; first: number };

/** One page of rows (a page past the end shows the last one). */
export function paginate<T>(rows: readonly T[], page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  const first = (current - 1) * size;
  return { rows: rows.slice(first, first + size), page: current, pageCount, total: rows.length, first: first + 1 };
}

/** Paid over notified (granted), in percent; null when nothing was notified. */
export function spendingRate(t: Pick<StageTotals, "NOTIFIED" | "PAID">): number | null {
  return t.NOTIFIED > 0 ? (t.PAID / t.NOTIFIED) * 100 : null;
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

/** One decimal, as the tables and the exports show rates. */
export const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

// ───────────────────────── DTOs ─────────────────────────

export type CommitmentCell = { code: string; averageProgress: number | null; actionCount: number };

export type OversightContractRow = {
  contractId: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  frameworkCode: string;
  wave: number;
  status: ContractStatus;
  periodStart: string;
  periodEnd: string;
  actionCount: number;
  doneCount: number;
  lateCount: number;
  lateShare: number | null;
  averageProgress: number | null;
  funding: StageTotals;
  /** The part of each stage's amount that comes from demo lines (0: none). */
  demoFunding: StageTotals;
  spendingRate: number | null;
  commitments: CommitmentCell[];
  alertCount: number;
};

export type OversightDepartmentRow = {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  contractCount: number;
  funding: StageTotals;
  demoFunding: StageTotals;
  spendingRate: number | null;
  actionCount: number;
  lateCount: number;
  lateShare: number | null;
  averageProgress: number | null;
  indicatorsEvaluated: number;
  indicatorsMet: number;
  targetShare: number | null;
  alertCount: number;
};

export type CommitmentRow = { frameworkCode: string; code: string; title: string; isCrossCutting: boolean; actionCount: number; doneCount: number; lateCount: number; averageProgress: number | null };

export type FunderRow = { funder: Funder } & StageTotals & { demo: StageTotals; spendingRate: number | null };

export type OversightTotals = { contractCount: number; departmentCount: number; actionCount: number; lateCount: number; funding: StageTotals; demoFunding: StageTotals; spendingRate: number | null };

export type OversightOptions = { frameworks: string[]; waves: number[]; years: number[]; regions: { code: string; name: string }[] };

export type OversightView = {
  scope: OversightScope;
  title: string;
  filters: OversightFilters;
  options: OversightOptions;
  totals: OversightTotals;
  contracts: OversightContractRow[];
  departments: OversightDepartmentRow[];
  commitments: CommitmentRow[];
  funders: FunderRow[];
  medians: PeerMedians;
  alerts: Alert[];
  today: string;
};

/** What the pages show of a view (cached per scope): every figure, and a summary of its alerts (all of them in the export). */
export type OversightSummary = Omit<OversightView, "alerts"> & { alerts: AlertSummary };

/** The value a map measure takes for a department; null: no data. */
export function measureValue(d: OversightDepartmentRow, measure: MapMeasure): number | null {
  if (d.contractCount === 0) return null;
  switch (measure) {
    case "taux":
      return d.spendingRate;
    case "retard":
      return d.lateShare;
    case "cibles":
      return d.targetShare;
    case "avancement":
      return d.averageProgress;
    case "alertes":
      return d.alertCount;
  }
}
