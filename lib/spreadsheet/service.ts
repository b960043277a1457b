import "server-only";
// The use cases: export a department's contract as a spreadsheet, and import one (preview or apply).
// The import is a write of the skeleton (`runBulkWrite`, lib/server/write.ts), preview included: the
// department of the URL, in the viewer's scope, with every edit permission the import needs (a refusal
// leaves its audit row); then the file is read, checked and planned; the apply writes the plan in the
// skeleton's one transaction and invalidates the department after the commit.
import { createHash } from "node:crypto";
import { can, type Permission, type Territory, type Viewer } from "../server/authz";
import { departmentScope } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { formatParisDateTime } from "../core/format";
import { departmentTerritory } from "../server/territory";
import { runBulkWrite } from "../server/write";
import { CHANGED_SINCE_PREVIEW, writePlan } from "./apply";
import { alreadyImportedMessage, findAppliedFile } from "./ledger";
import { capErrors, type ErrorCount } from "./errors";
import { loadContractSnapshot } from "./context";
import { exportFilename, snapshotToCsv, snapshotToXlsx } from "./export";
import { parseSpreadsheet, type ImportError } from "./parse";
import { planImport, type Counts, type Plan, type PlannedChange } from "./plan";
import { SHEETS, SHEET_KEYS, type SheetKey } from "./template";
import { checkDepartment, validateFile } from "./validate";

export const IMPORT_PERMISSIONS: readonly Permission[] = ["action.edit", "funding.edit", "indicator.edit"];
/** The preview lists this many changes at most (the counts are always complete). */
export const MAX_LISTED_CHANGES = 300;

export type ImportSummary = {
  format: "xlsx" | "csv";
  sheets: string[];
  counts: Record<SheetKey, Counts>;
  totals: Counts;
  changes: PlannedChange[];
  unlistedChanges: number;
  notices: string[];
  /** Rows of the file saved in Tripartite after its export, which the import would replace: said before applying. */
  warning: string | null;
  fileHash: string;
  /** What the apply must find again to write (planHash). */
  planHash: string;
};

export type ImportResult =
  | { ok: true; applied: boolean; summary: ImportSummary }
  | { ok: false; code: "forbidden" | "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; errors: ImportError[]; notices: string[]; errorCount: ErrorCount }
  | { ok: false; code: "conflict" | "already_imported"; message: string };

export type { ErrorCount } from "./errors";

type ImportFailure = Exclude<ImportResult, { ok: true }>;
type Imported = { applied: boolean; summary: ImportSummary };
type PlannedImport = { plan: Plan; summary: ImportSummary; contractId: string };

const FORBIDDEN = "Vous n'avez pas les droits nécessaires pour importer des données dans ce département.";
const NOT_FOUND = "Ce département n'existe pas ou n'est pas accessible.";

export const fileHash = (buffer: Uint8Array) => createHash("sha256").update(buffer).digest("hex");

/**
 * What a plan would write, as one SHA-256: each creation's fields, each update's row with the version it
 * was read at and its new fields. The preview returns it; the apply plans anew and writes only if it finds
 * the same fingerprint, so that it never writes what the user did not see (a colleague's edit made since
 * the preview to a row of the file would otherwise be silently reverted, or counted as a change).
 */
export function planHash(plan: Plan): string {
  const updates = (list: { existing: { id: string; version: number }; row: { fields: object } }[]) => list.map((u) => [u.existing.id, u.existing.version, u.row.fields]);
  const written = {
    actions: [plan.actions.creates.map((r) => [r.line, r.fields]), updates(plan.actions.updates)],
    funding: [plan.funding.creates.map((r) => [r.line, r.fields]), updates(plan.funding.updates)],
    indicators: [plan.indicators.creates.map((r) => [r.line, r.indicatorId, r.year, r.fields]), updates(plan.indicators.updates)],
  };
  return createHash("sha256")
    .update(JSON.stringify(written, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)))
    .digest("hex");
}

/** Milliseconds spent in each stage, filled in when the caller passes an object (the benchmark). */
export type ImportTimings = { parse?: number; snapshot?: number; validate?: number; plan?: number; write?: number };

/**
 * Reads, validates and plans an uploaded file against the department's current contract; with
 * `apply`, writes the plan in one transaction. `expectedHash`: the apply step must get the very file
 * that was previewed; `expectedPlan`: and find the very changes the preview showed (a « conflict »
 * otherwise, nothing written). The entry point of the form and of the benchmark.
 */
export async function importSpreadsheet(
  viewer: Viewer,
  code: string,
  fileBuffer: Uint8Array,
  filename: string,
  options: { apply: boolean; expectedHash?: string; expectedPlan?: string; timings?: ImportTimings },
): Promise<ImportResult> {
  let lap = performance.now();
  const time = (stage: keyof ImportTimings) => {
    const now = performance.now();
    if (options.timings) options.timings[stage] = Math.round(now - lap);
    lap = now;
  };
  const invalidCounted = (counted: { errors: ImportError[]; errorCount: ErrorCount }, notices: string[] = []): ImportFailure => {
    const total = counted.errorCount.total;
    return {
      ok: false,
      code: "invalid",
      message: `Le fichier n'a pas été importé : ${new Intl.NumberFormat("fr-FR").format(total).replace(/\u202f/g, " ")} erreur${total > 1 ? "s" : ""} à corriger. Rien n'a été écrit.`,
      ...counted,
      notices,
    };
  };
  const invalidFile = (all: ImportError[], notices: string[] = []) => invalidCounted(capErrors(all), notices);
  const hash = fileHash(fileBuffer);

  /** The file read, checked and planned against the contract: what the preview shows and the apply writes. */
  const prepare = async (): Promise<{ ok: true; value: PlannedImport } | { ok: true; done: Imported } | ImportFailure> => {
    if (options.expectedHash && options.expectedHash !== hash) {
      return invalidFile([{ sheet: null, line: null, column: null, message: "Ce fichier n'est pas celui de l'aperçu : relancez l'aperçu avec le fichier à appliquer." }]);
    }
    // A file already applied to this department is refused at once, preview included.
    const previous = await findAppliedFile(code, hash);
    if (previous) return { ok: false, code: "already_imported", message: alreadyImportedMessage(previous) };
    lap = performance.now(); // the stages below; authorization and hashing are not timed
    const file = await parseSpreadsheet(fileBuffer, filename);
    time("parse");
    if (file.errors.length > 0) return invalidFile(file.errors, file.notices);
    const otherDepartment = checkDepartment(file, code);
    if (otherDepartment.length > 0) return invalidFile(otherDepartment, file.notices);

    const snapshot = await loadContractSnapshot(viewer, code);
    if (!snapshot) return { ok: false, code: "not_found", message: "Aucun contrat pour ce département." };
    time("snapshot");
    const validated = validateFile(file, snapshot);
    time("validate");
    if (!validated.ok) return invalidCounted(validated, file.notices);
    const plan = planImport(validated.rows, snapshot, file.exportedAt ?? null);
    const planned = planHash(plan);
    const warning = await nameSavers(plan, file.exportedAt, viewer.kind === "user" ? viewer.user.email : null);
    time("plan");
    if (options.apply && options.expectedPlan && options.expectedPlan !== planned) return { ok: false, code: "conflict", message: CHANGED_SINCE_PREVIEW };
    const summary: ImportSummary = {
      format: file.format,
      sheets: SHEET_KEYS.filter((k) => file.tables[k]).map((k) => SHEETS[k].name),
      counts: plan.counts,
      totals: plan.totals,
      changes: plan.changes.slice(0, MAX_LISTED_CHANGES),
      unlistedChanges: Math.max(0, plan.changes.length - MAX_LISTED_CHANGES),
      notices: file.notices,
      warning,
      fileHash: hash,
      planHash: planned,
    };
    if (!options.apply || plan.changes.length === 0) return { ok: true, done: { applied: false, summary } };
    return { ok: true, value: { plan, summary, contractId: snapshot.contract.id } };
  };

  const result = await runBulkWrite<{ territory: Territory }, PlannedImport, Imported, ImportFailure>({
    viewer,
    permissions: IMPORT_PERMISSIONS,
    entity: "Department",
    entityId: code,
    what: "Ce département",
    locate: async () => {
      const territory = await departmentTerritory(db(), code);
      return territory ? { territory } : null;
    },
    prepare,
    write: async (tx, { territory }, { plan, summary, contractId }, user) => {
      const written = await writePlan(tx, { viewer, user, territory, contractId, plan, file: { fileHash: hash, filename } });
      if (!written.ok) return written;
      // New actions are numbered when written: the summary names the reference each one received.
      const { references } = written.value;
      const actionsSheet = SHEETS.actions.name;
      const changes = summary.changes.map((c) => (c.sheet === actionsSheet && c.kind === "create" && references.has(c.line) ? { ...c, label: `${references.get(c.line)} — ${c.label}` } : c));
      return { ok: true, value: { applied: true, summary: { ...summary, changes } } };
    },
    // The unique (department, fingerprint) pair, should two applies ever pass the lock.
    rescue: async (error) => {
      const earlier = (error as { code?: string }).code === "P2002" ? await findAppliedFile(code, hash) : null;
      return earlier ? { ok: false, code: "already_imported", message: alreadyImportedMessage(earlier) } : null;
    },
    scope: (territory) => departmentScope(territory),
    transaction: { timeout: 60_000, maxWait: 10_000 },
  });
  if (!result.ok) return result.code === "forbidden" ? { ok: false, code: "forbidden", message: FORBIDDEN } : result;
  if (result.value.applied) time("write");
  return { ok: true, ...result.value };
}

/**
 * Rows the file would update although they were saved after its export: who saved each one, and when,
 * from the audit trail (one query, for the rows the preview can list); the notice that heads the preview, or null.
 */
async function nameSavers(plan: Plan, exportedAt: string | undefined, viewerEmail: string | null): Promise<string | null> {
  if (!exportedAt || plan.savedSinceExport.length === 0) return null;
  const listed = plan.savedSinceExport.slice(0, MAX_LISTED_CHANGES);
  const saves = await db().auditLog.findMany({
    where: {
      OR: (["Action", "FundingLine", "IndicatorValue"] as const).map((entity) => ({ entity, entityId: { in: listed.filter((r) => r.entity === entity).map((r) => r.id) } })),
      operation: { in: ["create", "update"] },
      at: { gt: new Date(exportedAt) },
    },
    select: { entity: true, entityId: true, at: true, actorEmail: true },
    orderBy: { id: "desc" },
  });
  const latest = new Map<string, (typeof saves)[number]>();
  for (const s of saves) if (!latest.has(`${s.entity}:${s.entityId}`)) latest.set(`${s.entity}:${s.entityId}`, s);
  for (const row of listed) {
    const save = latest.get(`${row.entity}:${row.id}`);
    // « vous-même »: a save of one's own (an earlier import of the same workbook, a form) is worth a word too.
    if (save) row.change.savedSinceExport = { at: save.at.toISOString(), by: save.actorEmail === viewerEmail ? "vous-même" : save.actorEmail };
  }
  const n = plan.savedSinceExport.length;
  return (
    `${n === 1 ? "1 ligne du fichier a été modifiée" : `${n} lignes du fichier ont été modifiées`} dans Tripartite après l'export de ce classeur ` +
    `(le ${formatParisDateTime(new Date(Date.parse(exportedAt) - 999))}) : l'import remplacerait ${n === 1 ? "cette modification" : "ces modifications"} par les valeurs du fichier. ` +
    `Vérifiez ${n === 1 ? "la ligne signalée" : "les lignes signalées"} « modifiée depuis l'export » dans le détail, ou exportez de nouveau le classeur.`
  );
}

export type ExportResult =
  | { ok: true; body: Uint8Array | string; filename: string; contentType: string }
  | { ok: false; status: 401 | 404; message: string };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The department's current contract as the import template: XLSX (every table) or CSV (one table). */
export async function exportSpreadsheet(viewer: Viewer, code: string, format: "xlsx" | "csv", table: SheetKey = "actions"): Promise<ExportResult> {
  if (viewer.kind !== "user") return { ok: false, status: 401, message: "Connectez-vous pour exporter ces données." };
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return { ok: false, status: 404, message: NOT_FOUND };
  const snapshot = await loadContractSnapshot(viewer, code);
  if (!snapshot) return { ok: false, status: 404, message: "Aucun contrat pour ce département." };
  if (format === "xlsx") return { ok: true, body: new Uint8Array(await snapshotToXlsx(snapshot)), filename: `${exportFilename(snapshot, "contrat")}.xlsx`, contentType: XLSX_TYPE };
  return { ok: true, body: snapshotToCsv(snapshot, table), filename: `${exportFilename(snapshot, SHEETS[table].slug)}.csv`, contentType: "text/csv; charset=utf-8" };
}
