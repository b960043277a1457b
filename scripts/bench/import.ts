// Benchmark of the spreadsheet import (target: a 10,000-line import in at most 5 s).
//   measureSpreadsheetImport({ databaseUrl, departmentCode, lines })  — for scripts/bench.ts
//   npx tsx scripts/bench/import.ts [--lines 10000]                     — on its own embedded PostgreSQL
// A realistic file is built from the department's own export (XLSX: the three sheets; CSV: 10,000
// funding lines the way French Excel saves "CSV UTF-8": semicolons, 1 234,56, dd/mm/yyyy), with a mix
// of created, updated and unchanged rows; then preview and apply go through importSpreadsheet as a
// real department editor (a user with a session), and the result is checked against the database.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../embedded-postgres";
import { createPrismaClient, type PrismaClient } from "../../lib/server/prisma";
import type { ImportTimings } from "../../lib/spreadsheet/service";
import type { ContractSnapshot } from "../../lib/spreadsheet/snapshot";
import { seedDatabase } from "../../prisma/seed/seed";
import { adminQuery, createDatabase, dropDatabase } from "../../tests/setup/test-database";
import { runPrisma } from "../database";

export const IMPORT_TARGET_MS = 5000;

export type ImportRun = {
  format: "xlsx" | "csv";
  lines: number;
  bytes: number;
  counts: { created: number; updated: number; unchanged: number };
  /** The preview: authorization, parse, validation and plan (nothing written). */
  previewMs: number;
  /** The apply step: the same file read, checked and planned again, then written in one transaction. */
  applyMs: number;
  totalMs: number;
  /** Where the time goes, step by step (parse, snapshot, validate, plan; write for the apply step). */
  previewStages: ImportTimings;
  applyStages: ImportTimings;
  audits: number;
  problems: string[];
};

export type ImportBenchResult = { departmentCode: string; targetMs: number; preparation: { created: number; ms: number } | null; runs: ImportRun[] };

type Options = {
  databaseUrl: string;
  departmentCode: string;
  /** Data lines per file (headers excluded). */
  lines?: number;
  /** Rows created by the measured imports are deleted afterwards (default), so that repeated runs stay comparable. */
  keepCreatedRows?: boolean;
  log?: (line: string) => void;
  /** A folder where the measured files are written, to look at them. */
  saveFilesTo?: string;
};

/** The data layer is guarded by `server-only`, which throws outside React Server Components: a script is server code. */
function allowServerOnly() {
  const req = createRequire(__filename);
  const id = req.resolve("server-only");
  req.cache[id] ??= { id, filename: id, loaded: true, exports: {}, children: [], paths: [] } as unknown as NodeJS.Module;
}

async function loadApp() {
  allowServerOnly();
  const [service, context, parse, validate, plan, exportFile, sessions] = await Promise.all([
    import("../../lib/spreadsheet/service"),
    import("../../lib/spreadsheet/context"),
    import("../../lib/spreadsheet/parse"),
    import("../../lib/spreadsheet/validate"),
    import("../../lib/spreadsheet/plan"),
    import("../../lib/spreadsheet/export"),
    import("../../lib/auth/sessions"),
  ]);
  return { ...service, ...context, ...parse, ...validate, ...plan, ...exportFile, ...sessions };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const ms = (since: number) => Math.round(performance.now() - since);
const EDITOR_EMAIL = (code: string) => `editeur-banc-import.${code.toLowerCase()}@bench.tripartite.invalid`;
const FUNDERS = ["STATE_P304", "ARS_FIR", "ARS_ONDAM_MS", "DEPARTMENT", "OTHER"] as const;
const STAGES = ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"] as const;

/** A department editor with a real session, as the app sees them after signing in. */
async function benchEditor(prisma: PrismaClient, app: App, code: string) {
  const email = EDITOR_EMAIL(code);
  const user = await prisma.user.upsert({
    where: { email },
    update: { isActive: true },
    create: { email, displayName: `Éditeur du banc d'essai (${code})`, passwordHash: null, isDemo: true, roles: { create: { role: "DEPARTMENT_EDITOR", departmentCode: code } } },
  });
  const { token } = await app.createSession(user.id, { userAgent: "scripts/bench/import.ts" });
  const viewer = await app.viewerFromSessionToken(token);
  if (viewer?.kind !== "user") throw new Error("Session du banc d'essai introuvable.");
  return viewer;
}

/** New rows and changes, written into a copy of the snapshot so that the product's own export builds the file. */
type Mix = { actions: { existing: number; created: number }; funding: { existing: number; created: number }; indicators: boolean };

function editedSnapshot(snapshot: ContractSnapshot, mix: Mix, seed: string): ContractSnapshot {
  const live = snapshot.actions.filter((a) => !a.archived);
  const years = snapshot.contract.years;
  const keptActions = live.slice(0, mix.actions.existing).map((a, i) => (i % 2 === 0 ? { ...a, title: `${a.title.slice(0, 180)} (${seed})`, lead: `Direction enfance famille (${seed})` } : a));
  const newActions = Array.from({ length: mix.actions.created }, (_, i) => ({
    ...live[i % live.length],
    id: `new-${i}`,
    reference: "",
    title: `Fiche importée ${seed}-${i + 1} : accompagnement des familles`,
    purpose: "Donnée de démonstration du banc d'essai d'import.",
    status: "NOT_STARTED" as const,
    progress: 0,
  }));
  const keptLines = snapshot.fundingLines.slice(0, mix.funding.existing).map((l, i) => (i % 2 === 0 ? { ...l, amountCents: l.amountCents + 100n + BigInt(i % 97) } : l));
  const newLines = Array.from({ length: mix.funding.created }, (_, i) => ({
    id: "",
    actionId: i % 4 === 0 ? null : live[i % live.length].id,
    funder: FUNDERS[i % FUNDERS.length],
    year: years[i % years.length],
    stage: STAGES[i % STAGES.length],
    amountCents: BigInt(100_000 + ((i * 7919) % 9_000_000)),
    version: 1,
    updatedAt: "",
  }));
  // Every (indicator, year) row is in the file; every other one gets a value (created or updated).
  const values = new Map(snapshot.indicatorValues.map((v) => [`${v.indicatorId}:${v.year}`, v]));
  const indicatorValues = mix.indicators
    ? snapshot.indicators.flatMap((ind, i) =>
        years.map((year, j) => {
          const v = values.get(`${ind.id}:${year}`) ?? { id: "", indicatorId: ind.id, year, baseline: null, target: null, actual: null, version: 1, updatedAt: "" };
          const value = ind.kind === "MILESTONE" ? String((i + j + seed.length) % 2) : String(((i * 13 + j * 7 + seed.length) % 90) + 1);
          return (i + j) % 2 === 0 ? { ...v, actual: value } : v;
        }),
      )
    : snapshot.indicatorValues;
  return { ...snapshot, actions: [...keptActions, ...newActions], fundingLines: [...keptLines, ...newLines], indicatorValues };
}

/** One table as French Excel saves "CSV UTF-8": BOM, semicolons, 1 234,56, dd/mm/yyyy. */
function frenchExcelCsv(app: App, snapshot: ContractSnapshot): Uint8Array {
  const headers = ["Département", "Identifiant", "Fiche action", "Financeur", "Année", "Étape", "Montant (€)"];
  const rows = app.exportRows(snapshot).funding.map((r) =>
    r.map((v) => {
      if (v === null) return "";
      if (v.kind === "money") return `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, useGrouping: true }).format(Number(v.cents) / 100)}`.replace(/\u202f/g, " ");
      if (v.kind === "date") return app.frenchDate(v.value);
      return v.kind === "number" ? v.text : v.value;
    }),
  );
  const text = "\ufeff" + [headers, ...rows].map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(";")).join("\r\n") + "\r\n";
  return new TextEncoder().encode(text);
}

async function tableCounts(prisma: PrismaClient, contractId: string) {
  const [actions, funding, values] = await Promise.all([
    prisma.action.count({ where: { contractId } }),
    prisma.fundingLine.count({ where: { contractId } }),
    prisma.indicatorValue.count({ where: { contractId } }),
  ]);
  return { actions, funding, values };
}

async function measureOne(save: string | undefined, prisma: PrismaClient, app: App, viewer: Awaited<ReturnType<typeof benchEditor>>, code: string, format: "xlsx" | "csv", file: Uint8Array, lines: number, edited: ContractSnapshot): Promise<ImportRun> {
  const filename = format === "xlsx" ? "contrat.xlsx" : "financements.csv";
  if (save) writeFileSync(path.join(save, filename), file);
  const problems: string[] = [];
  const contractId = (await app.loadContractSnapshot(viewer, code))!.contract.id;
  const before = await tableCounts(prisma, contractId);
  const auditsBefore = await prisma.auditLog.count({ where: { actorId: viewer.user.id, operation: { in: ["create", "update"] } } });
  const previewStages: ImportTimings = {};
  const applyStages: ImportTimings = {};
  let t = performance.now();
  const preview = await app.importSpreadsheet(viewer, code, file, filename, { apply: false, timings: previewStages });
  const previewMs = ms(t);
  if (!preview.ok) throw new Error(`Aperçu refusé (${format}) : ${preview.message}${"errors" in preview ? ` ${JSON.stringify(preview.errors.slice(0, 5))}` : ""}`);
  t = performance.now();
  const applied = await app.importSpreadsheet(viewer, code, file, filename, { apply: true, expectedHash: preview.summary.fileHash, expectedPlan: preview.summary.planHash, timings: applyStages });
  const applyMs = ms(t);
  if (!applied.ok || !applied.applied) throw new Error(`Application refusée (${format}) : ${applied.ok ? "rien appliqué" : applied.message}`);

  const { counts, totals } = preview.summary;
  const after = await tableCounts(prisma, contractId);
  const audits = (await prisma.auditLog.count({ where: { actorId: viewer.user.id, operation: { in: ["create", "update"] } } })) - auditsBefore;
  const expect = (label: string, got: number, wanted: number) => got !== wanted && problems.push(`${label} : ${got} au lieu de ${wanted}`);
  expect("fiches action créées", after.actions - before.actions, counts.actions.created);
  expect("lignes de financement créées", after.funding - before.funding, counts.funding.created);
  expect("valeurs d'indicateurs créées", after.values - before.values, counts.indicators.created);
  expect("lignes d'historique", audits, totals.created + totals.updated);
  expect("lignes lues", totals.created + totals.updated + totals.unchanged, lines);
  if (totals.created === 0 || totals.updated === 0) problems.push("le fichier devrait mêler créations et modifications");
  // Every existing funding line of the file now holds the file's amount (updated or unchanged).
  const wanted = new Map(edited.fundingLines.filter((l) => l.id !== "").map((l) => [l.id, l.amountCents]));
  const stored = await prisma.fundingLine.findMany({ where: { id: { in: [...wanted.keys()] } }, select: { id: true, amountCents: true } });
  expect("montants écrits", stored.filter((l) => l.amountCents === wanted.get(l.id)).length, wanted.size);
  return { format, lines, bytes: file.byteLength, counts: totals, previewMs, applyMs, totalMs: previewMs + applyMs, previewStages, applyStages, audits, problems };
}

/** Runs the XLSX then the CSV measurement on `departmentCode` of the database at `databaseUrl`. */
export async function measureSpreadsheetImport(options: Options): Promise<ImportBenchResult> {
  const { databaseUrl, departmentCode: code, lines = 10_000, log = () => {} } = options;
  const app = await loadApp();
  // The data layer's client (lib/server/db.ts keeps one per process on globalThis): pointed at this database for the run.
  const holder = globalThis as unknown as { tripartiteDb?: PrismaClient };
  const previousClient = holder.tripartiteDb;
  holder.tripartiteDb = createPrismaClient(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  const started = new Date();
  let viewer: Awaited<ReturnType<typeof benchEditor>> | undefined;
  try {
    viewer = await benchEditor(prisma, app, code);
    const initial = await app.loadContractSnapshot(viewer, code);
    if (!initial) throw new Error(`Aucun contrat pour le département ${code}.`);
    const indicatorRows = initial.indicators.length * initial.contract.years.length;
    const actionRows = Math.round(lines * 0.15);
    const fundingRows = lines - actionRows - indicatorRows;
    if (fundingRows < 2) throw new Error(`Trop peu de lignes (${lines}) pour les ${indicatorRows} valeurs d'indicateurs du contrat.`);
    const half = { actions: Math.round(actionRows / 2), funding: Math.round(fundingRows / 2) };

    // Preparation (not measured): enough existing rows for half of each table to be updates or unchanged.
    let preparation: ImportBenchResult["preparation"] = null;
    const live = initial.actions.filter((a) => !a.archived).length;
    const missing = { actions: Math.max(0, half.actions - live), funding: Math.max(0, Math.max(half.funding, lines / 2) - initial.fundingLines.length) };
    if (missing.actions + missing.funding > 0) {
      log(`▸ Préparation : ${missing.actions} fiches action et ${missing.funding} lignes de financement créées par un premier import…`);
      const t = performance.now();
      const prep = editedSnapshot(initial, { actions: { existing: live, created: missing.actions }, funding: { existing: 0, created: missing.funding }, indicators: false }, "prep");
      const prepFile = new Uint8Array(await app.snapshotToXlsx(prep));
      const result = await app.importSpreadsheet(viewer, code, prepFile, "preparation.xlsx", { apply: true });
      if (!result.ok) throw new Error(`Préparation refusée : ${result.message}${"errors" in result ? ` ${JSON.stringify(result.errors.slice(0, 5))}` : ""}`);
      preparation = { created: result.summary.totals.created, ms: ms(t) };
    }

    const runs: ImportRun[] = [];
    const lastAudit = (await prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const seed = started.toISOString().slice(11, 19);
    let snapshot = (await app.loadContractSnapshot(viewer, code))!;
    const xlsxSnapshot = editedSnapshot(snapshot, { actions: { existing: half.actions, created: actionRows - half.actions }, funding: { existing: half.funding, created: fundingRows - half.funding }, indicators: true }, seed);
    const xlsx = new Uint8Array(await app.snapshotToXlsx(xlsxSnapshot));
    log(`▸ XLSX : ${actionRows} fiches action, ${fundingRows} lignes de financement, ${indicatorRows} valeurs d'indicateurs (${Math.round(xlsx.byteLength / 1024)} Ko)…`);
    runs.push(await measureOne(options.saveFilesTo, prisma, app, viewer, code, "xlsx", xlsx, actionRows + fundingRows + indicatorRows, xlsxSnapshot));

    snapshot = (await app.loadContractSnapshot(viewer, code))!;
    const csvSnapshot = editedSnapshot(snapshot, { actions: { existing: Number.MAX_SAFE_INTEGER, created: 0 }, funding: { existing: lines / 2, created: lines / 2 }, indicators: false }, `${seed}b`);
    const csv = frenchExcelCsv(app, csvSnapshot);
    log(`▸ CSV : ${lines} lignes de financement (${Math.round(csv.byteLength / 1024)} Ko)…`);
    runs.push(await measureOne(options.saveFilesTo, prisma, app, viewer, code, "csv", csv, lines, csvSnapshot));

    if (!options.keepCreatedRows) await deleteCreatedRows(prisma, viewer.user.id, lastAudit);
    return { departmentCode: code, targetMs: IMPORT_TARGET_MS, preparation, runs };
  } finally {
    if (viewer) await app.revokeSession(viewer.sessionId).catch(() => {});
    await holder.tripartiteDb?.$disconnect();
    holder.tripartiteDb = previousClient;
    await prisma.$disconnect();
  }
}

/** The rows the measured imports created (their "create" audit rows say which), not the preparation's. */
async function deleteCreatedRows(prisma: PrismaClient, actorId: string, afterAuditId: bigint) {
  const created = await prisma.auditLog.findMany({ where: { actorId, operation: "create", id: { gt: afterAuditId } }, select: { entity: true, entityId: true } });
  const ids = (entity: string) => created.filter((c) => c.entity === entity).map((c) => c.entityId);
  await prisma.$transaction([
    prisma.fundingLine.deleteMany({ where: { id: { in: ids("FundingLine") } } }),
    prisma.indicatorValue.deleteMany({ where: { id: { in: ids("IndicatorValue") } } }),
    prisma.action.deleteMany({ where: { id: { in: ids("Action") } } }),
  ]);
}

const stages = (t: ImportTimings) => `lecture ${t.parse ?? "–"} + base ${t.snapshot ?? "–"} + contrôle ${t.validate ?? "–"} + plan ${t.plan ?? "–"}${t.write === undefined ? "" : ` + écriture ${t.write}`} ms`;

/** The result as a small table (French, like the other bench output). */
export function importTable(result: ImportBenchResult): string {
  const head = ["Format", "Lignes", "Créées / modifiées / inchangées", "Aperçu", "Application", "Total", `Objectif ≤ ${result.targetMs / 1000} s`];
  const rows = result.runs.map((r) => [
    r.format.toUpperCase(),
    r.lines.toLocaleString("fr-FR"),
    `${r.counts.created} / ${r.counts.updated} / ${r.counts.unchanged}`,
    `${r.previewMs} ms`,
    `${r.applyMs} ms`,
    `${r.totalMs} ms`,
    r.problems.length ? `résultat faux : ${r.problems.join(" ; ")}` : r.totalMs <= result.targetMs ? "atteint" : "manqué",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    `Import tableur, département ${result.departmentCode} : aperçu puis application par un éditeur du département`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    ...result.runs.map((r) => `${r.format.toUpperCase()} (${Math.round(r.bytes / 1024)} Ko) — aperçu : ${stages(r.previewStages)} ; application : ${stages(r.applyStages)} ; ${r.audits} lignes d'historique.`),
  ].join("\n");
}

const BENCH_DIR = ".data/bench-import";
const TEMPLATE = "tripartite_bench_import_tpl";
const RUN_DB = "tripartite_bench_import";

async function main() {
  const flag = process.argv.indexOf("--lines");
  const lines = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
  const log = (line: string) => console.log(line);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DIR, "postgres"), port: 54373 });
  try {
    const admin = pg.url("postgres");
    // A migrated and seeded template, made once; each run measures on a fresh copy of it.
    const client = createPrismaClient(admin);
    const hasTemplate = (await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_database WHERE datname = ${TEMPLATE}`)[0].n > 0n;
    await client.$disconnect();
    if (!hasTemplate) {
      log("▸ Base du banc d'essai : migration et données de démonstration…");
      await ensureDatabase(admin, `${TEMPLATE}_build`);
      const buildUrl = pg.url(`${TEMPLATE}_build`);
      await runPrisma(["migrate", "deploy"], buildUrl, true);
      await seedDatabase(buildUrl, { demo: true });
      await adminQuery(admin, `ALTER DATABASE "${TEMPLATE}_build" RENAME TO "${TEMPLATE}"`);
    }
    await dropDatabase(admin, RUN_DB);
    const url = await createDatabase(admin, RUN_DB, TEMPLATE);
    const result = await measureSpreadsheetImport({ databaseUrl: url, departmentCode: "77", lines, log, saveFilesTo: BENCH_DIR });
    if (result.preparation) log(`  préparation : ${result.preparation.created} lignes créées en ${result.preparation.ms} ms (non comptée)`);
    log("");
    log(importTable(result));
    log("Machine partagée (2 cœurs, d'autres travaux en cours) : chiffres indicatifs.");
    process.exitCode = result.runs.some((r) => r.problems.length) ? 1 : 0;
  } finally {
    await pg.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
