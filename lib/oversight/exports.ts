import "server-only";
// Exports of the oversight tables, as the viewer may see them: CSV (export-tables.ts) and XLSX (exceljs)
// from the same rows. Expected refusals are coded results, mapped to HTTP statuses by the route.
import ExcelJS from "exceljs";
import { defuseFormula } from "../core/csv";
import type { Viewer } from "../server/authz";
import { readingFromReplica } from "../server/db";
import { EXPORT_TABLES, alertsTable, parseExportScope, tableToCsv, viewTable, type ColumnType, type ExportTable, type ExportTableName } from "./export-tables";
import { getOversightSummary, getOversightView, listDepartmentAlerts } from "./queries";
import { parseOversightParams } from "./schemas";
import { isoDay } from "../core/dates";

export { tableToCsv };

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = { euros: "#,##0.00", percent: "0.0", integer: "0" };

/** The same values as the CSV: euros as numbers with two decimals, codes and dates as text, formula-like text defused. */
export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tripartite";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.key, key: c.key, width: Math.max(12, c.key.length + 2), style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((v, i) => (v === null ? null : table.columns[i].type === "euros" ? Number(v) / 100 : table.columns[i].type === "text" || table.columns[i].type === "date" ? defuseFormula(String(v)) : v)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ExportResult = { ok: true; table: ExportTable; filename: string } | { ok: false; status: 400 | 401 | 403 | 404; message: string };

/**
 * One table of one view, built by the same queries as the page (so the same scope checks apply). A
 * download may be a few seconds behind the latest write: read from the replica when there is one.
 */
export function buildExport(viewer: Viewer, tableName: string, params: URLSearchParams, today = new Date()): Promise<ExportResult> {
  return readingFromReplica(() => buildExportTable(viewer, tableName, params, today));
}

async function buildExportTable(viewer: Viewer, tableName: string, params: URLSearchParams, today: Date): Promise<ExportResult> {
  if (!EXPORT_TABLES.includes(tableName as ExportTableName)) return { ok: false, status: 404, message: "Table inconnue." };
  const name = tableName as ExportTableName;
  const scope = parseExportScope(params.get("portee"));
  if (!scope || (scope.kind === "department" && name !== "alertes")) return { ok: false, status: 400, message: "Portée d'export invalide." };
  if (viewer.kind !== "user") return { ok: false, status: 401, message: "Connectez-vous pour exporter ces données." };
  const forbidden = { ok: false, status: 403, message: "Vous n'avez pas les droits nécessaires pour exporter ces données." } as const;
  const day = isoDay(today);
  const filename = (suffix: string) => `tripartite-${name}-${suffix}-${day}`;

  if (scope.kind === "department") {
    const result = await listDepartmentAlerts(viewer, scope.departmentCode, today);
    if (!result) return forbidden;
    return { ok: true, table: alertsTable(result.alerts, new Map([[scope.departmentCode, result.departmentName]])), filename: filename(scope.departmentCode) };
  }
  const filters = parseOversightParams(Object.fromEntries(params.entries())).filters;
  let table: ExportTable;
  if (name === "alertes") {
    // Every alert: computed afresh (the pages' cached summary keeps only the first ones).
    const view = await getOversightView(viewer, scope, filters, today);
    if (!view) return forbidden;
    table = alertsTable(view.alerts, new Map(view.departments.map((d) => [d.code, d.name])));
  } else {
    const view = await getOversightSummary(viewer, scope, filters, today);
    if (!view) return forbidden;
    table = viewTable(view, name);
  }
  return { ok: true, table, filename: filename(scope.kind === "national" ? "national" : `region-${scope.regionCode}`) };
}
