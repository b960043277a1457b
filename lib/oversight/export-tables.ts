// The tables of the oversight views as exports: one column list, one row list, written as CSV here and
// as XLSX in exports.ts, so that both files carry the same figures. Raw values: euros in cents,
// rates in percent rounded to one decimal, dates in ISO 8601, INSEE codes as text.
import { centsCell, writeCsv, type CsvCell } from "../core/csv";
import { isDepartmentOrSyntheticCode } from "../core/territory";
import { ALERT_LABELS, type Alert } from "./alerts";
import { gapToMedian } from "./peers";
import { oversightQuery, round1, type OversightParams, type OversightScope, type OversightView } from "./schemas";

export const EXPORT_TABLES = ["contrats", "departements", "engagements", "financeurs", "alertes"] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export const EXPORT_TABLE_LABELS: Record<ExportTableName, string> = {
  contrats: "Contrats",
  departements: "Comparaison avec la médiane nationale",
  engagements: "Avancement par engagement",
  financeurs: "Financements par financeur",
  alertes: "Alertes",
};

export type ColumnType = "text" | "integer" | "number" | "euros" | "percent" | "date";
export type ExportColumn = { key: string; type: ColumnType };
export type ExportValue = string | number | null;
export type ExportTable = { name: ExportTableName; sheet: string; columns: ExportColumn[]; rows: ExportValue[][] };

const col = (key: string, type: ColumnType = "text"): ExportColumn => ({ key, type });
const STAGE_COLUMNS = [col("notifie_eur", "euros"), col("engage_eur", "euros"), col("verse_eur", "euros"), col("prevu_eur", "euros")];
const stages = (t: { NOTIFIED: number; COMMITTED: number; PAID: number; PLANNED: number }) => [t.NOTIFIED, t.COMMITTED, t.PAID, t.PLANNED];
/** The part of each amount that comes from demo lines: a total that includes demo amounts says so (0: none). */
const DEMO_COLUMNS = [col("dont_demo_notifie_eur", "euros"), col("dont_demo_engage_eur", "euros"), col("dont_demo_verse_eur", "euros"), col("dont_demo_prevu_eur", "euros")];

export function viewTable(view: Omit<OversightView, "alerts">, name: Exclude<ExportTableName, "alertes">): ExportTable {
  switch (name) {
    case "contrats":
      return {
        name,
        sheet: "Contrats",
        columns: [
          col("code_departement"), col("departement"), col("code_region"), col("region"), col("cadre"), col("vague", "integer"), col("statut"),
          col("debut", "date"), col("fin", "date"), col("fiches_action", "integer"), col("realisees", "integer"), col("en_retard", "integer"),
          col("part_retard_pct", "percent"), col("avancement_moyen_pct", "percent"), ...STAGE_COLUMNS, col("taux_versement_pct", "percent"), col("alertes", "integer"),
          ...DEMO_COLUMNS,
        ],
        rows: view.contracts.map((c) => [
          c.departmentCode, c.departmentName, c.regionCode, c.regionName, c.frameworkCode, c.wave, c.status, c.periodStart, c.periodEnd,
          c.actionCount, c.doneCount, c.lateCount, round1(c.lateShare), round1(c.averageProgress), ...stages(c.funding), round1(c.spendingRate), c.alertCount,
          ...stages(c.demoFunding),
        ]),
      };
    case "departements": {
      const m = view.medians;
      return {
        name,
        sheet: "Pairs",
        columns: [
          col("code_departement"), col("departement"), col("code_region"), col("region"), col("contrats", "integer"), ...STAGE_COLUMNS,
          col("taux_versement_pct", "percent"), col("mediane_taux_versement_pct", "percent"), col("ecart_taux_versement_points", "percent"),
          col("fiches_action", "integer"), col("en_retard", "integer"), col("part_retard_pct", "percent"), col("mediane_part_retard_pct", "percent"), col("ecart_part_retard_points", "percent"),
          col("indicateurs_evalues", "integer"), col("indicateurs_a_la_cible", "integer"), col("part_cible_pct", "percent"), col("mediane_part_cible_pct", "percent"), col("ecart_part_cible_points", "percent"),
          col("avancement_moyen_pct", "percent"), col("alertes", "integer"), ...DEMO_COLUMNS,
        ],
        rows: view.departments.map((d) => [
          d.code, d.name, d.regionCode, d.regionName, d.contractCount, ...stages(d.funding),
          round1(d.spendingRate), round1(m.spendingRate), round1(gapToMedian(d.spendingRate, m.spendingRate)),
          d.actionCount, d.lateCount, round1(d.lateShare), round1(m.lateShare), round1(gapToMedian(d.lateShare, m.lateShare)),
          d.indicatorsEvaluated, d.indicatorsMet, round1(d.targetShare), round1(m.targetShare), round1(gapToMedian(d.targetShare, m.targetShare)),
          round1(d.averageProgress), d.alertCount, ...stages(d.demoFunding),
        ]),
      };
    }
    case "engagements":
      return {
        name,
        sheet: "Engagements",
        columns: [col("cadre"), col("code_engagement"), col("engagement"), col("fiches_action", "integer"), col("realisees", "integer"), col("en_retard", "integer"), col("avancement_moyen_pct", "percent")],
        rows: view.commitments.map((c) => [c.frameworkCode, c.code, c.title, c.actionCount, c.doneCount, c.lateCount, round1(c.averageProgress)]),
      };
    case "financeurs":
      return {
        name,
        sheet: "Financeurs",
        columns: [col("financeur"), ...STAGE_COLUMNS, col("taux_versement_pct", "percent"), ...DEMO_COLUMNS],
        rows: view.funders.map((f) => [f.funder, ...stages(f), round1(f.spendingRate), ...stages(f.demo)]),
      };
  }
}

export function alertsTable(alerts: readonly Alert[], departmentNames: ReadonlyMap<string, string>): ExportTable {
  return {
    name: "alertes",
    sheet: "Alertes",
    columns: [col("code_departement"), col("departement"), col("type"), col("alerte"), col("objet"), col("detail"), col("date", "date"), col("montant_eur", "euros"), col("valeur", "number")],
    rows: alerts.map((a) => [a.departmentCode, departmentNames.get(a.departmentCode) ?? "", a.kind, ALERT_LABELS[a.kind], a.subject, a.detail, a.date, a.amountCents, a.value]),
  };
}

/** CSV: UTF-8, comma, header row, decimal point, euros with two decimals, ISO dates, codes as text. */
export function tableToCsv(table: ExportTable): string {
  const rows: CsvCell[][] = table.rows.map((r) => r.map((v, i) => (v !== null && table.columns[i].type === "euros" ? centsCell(Number(v)) : v)));
  return writeCsv([table.columns.map((c) => c.key), ...rows]);
}

export type ExportScope = OversightScope | { kind: "department"; departmentCode: string };

/** "national", "region-11", "departement-77". */
export function parseExportScope(text: string | null): ExportScope | null {
  if (text === "national") return { kind: "national" };
  const region = /^region-(\d{2})$/.exec(text ?? "");
  if (region) return { kind: "region", regionCode: region[1] };
  const department = /^departement-(\w{2,3})$/.exec(text ?? "");
  return department && isDepartmentOrSyntheticCode(department[1]) ? { kind: "department", departmentCode: department[1] } : null;
}

export function exportScopeParam(scope: ExportScope): string {
  return scope.kind === "national" ? "national" : scope.kind === "region" ? `region-${scope.regionCode}` : `departement-${scope.departmentCode}`;
}

/** The export route of a table, with the view's filters (sorting and map measure left out). */
export function exportHref(table: ExportTableName, scope: ExportScope, format: "csv" | "xlsx", params?: OversightParams): string {
  const filters = params ? oversightQuery({ ...params, sort: "departement", order: "asc", measure: "taux" }).replace(/^\?/, "&") : "";
  return `/api/exports/${table}?portee=${exportScopeParam(scope)}${filters}&format=${format}`;
}
