// `npm run bench`: generated national-scale data, the production build, then autocannon on 127.0.0.1
// (32 connections, 2 s warm-up + 10 s per route) and its targets (docs/performances.md), met or missed.
// Isolated from everyone else: its own build dir, data dir, PostgreSQL port and HTTP port (scripts/bench/server.ts).
//   npm run bench                 1× (101 departments)
//   npm run bench -- --scale 10   10× (1,010 departments, generation takes a while), compared with the last 1×
//   npm run bench -- --only weight   data, build, then the pages' weight alone (scripts/bench/weight.ts)
//   npm run bench -- --only import   data, build, then the 10,000-line spreadsheet import alone (scripts/bench/import.ts)
//   npm run bench -- --serve      data, build and server only, left running for manual measurements
//                                 (add --profile for a V8 CPU profile of the server in bench-results/tmp)
import { cpus } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_EMAIL } from "./bench/generate";
import { IMPORT_TARGET_MS, importTable, measureSpreadsheetImport } from "./bench/import";
import { LIGHTHOUSE_TARGETS, PUBLIC_PAGES, formatLighthouse, runLighthouse } from "./bench/lighthouse";
import { measureRoute, sampleMemory, treeCpuMs, waitForIdle } from "./bench/load";
import { WRITES_PER_SECOND, mixedTable, prepareMixed, startCacheSampler, startWriters, type MixedRun } from "./bench/mixed";
import { evaluate, printTable, type ScaleRun } from "./bench/report";
import { BASELINE_PATH, ORIGIN, ROOT, copyAsBaseline, log, startBenchServer } from "./bench/server";
import { formatWeight, measureWeight, weightRoutes } from "./bench/weight";

const RESULTS = path.join(ROOT, "bench-results", "latest.json");
/** How long the writers run alone, before the readers, to measure what they cost. */
const WRITERS_ALONE_SECONDS = 10;
const LOAD = { connections: 32, seconds: 10, warmupSeconds: 2 };
/**
 * The server's V8 heap limit, as a deployment on a small machine sets it (NODE_OPTIONS or node flag).
 * Measured here: 32 renders of the national view at once hold about 12 MB each; without a limit V8 lets
 * the heap grow to about 400 MB and the process to 700-760 MB. With 224 MB the process peaked at
 * 368-413 MB over five runs on 2026-12-01 (the 400 MB target met or missed by chance); with 192 MB,
 * 348 MB, for about a fifth more CPU per national view (more garbage collection).
 */
export const SERVER_HEAP_MB = 192;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - started)];
}

/** The national CSV export through its route (the same code path as the button), cold then warm. */
async function timeExport(cookie: string) {
  const url = `${ORIGIN}/api/exports/contrats?portee=national&format=csv`;
  const fetchCsv = async () => {
    const res = await fetch(url, { headers: { cookie } });
    if (!res.ok) throw new Error(`export national : HTTP ${res.status}`);
    return (await res.text()).split("\n").length - 1;
  };
  const [lines, firstMs] = await timed(fetchCsv);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await timed(fetchCsv))[1]);
  return { lines, firstMs, warmMs: warm.sort((a, b) => a - b)[1] };
}

async function runScale(scale: number): Promise<ScaleRun> {
  const server = await startBenchServer(scale, [`--max-old-space-size=${SERVER_HEAP_MB}`]);
  try {
    const { cookie } = server;
    // Bytes first: they do not depend on the load, and the route table is printed beside them.
    const weight = await measureWeight(ORIGIN, weightRoutes(cookie));
    log(formatWeight(weight));
    const region = "11"; // Île-de-France, the region of the measured department (93)
    const routes = [
      { label: "/ (accueil)", path: "/", kind: "public" as const },
      { label: "Vue nationale (connecté)", path: "/espace/national", cookie, kind: "national" as const },
      { label: `Vue régionale ${region}`, path: `/espace/regions/${region}`, cookie, kind: "other" as const },
      { label: "Tableau de bord 93", path: "/espace/departements/93", cookie, kind: "dashboard" as const },
      { label: "Page publique 93", path: "/departements/93", kind: "public" as const },
      { label: "API /api/v1/contrats", path: "/api/v1/contrats", kind: "other" as const },
      { label: "Fichier statique", path: BASELINE_PATH, kind: "static" as const },
    ];
    const memory = sampleMemory(server.pid);
    const results: ScaleRun["results"] = [];
    const pids = { server: server.pid, postgres: server.postgresPid };
    const staticFile = routes.find((r) => r.kind === "static")!;
    for (const r of routes) {
      // One request alone first (it also lets the server finish what the previous route left running).
      const single = async () => {
        const res = await fetch(`${ORIGIN}${r.path}`, { headers: r.cookie ? { cookie: r.cookie } : {}, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${r.path} : HTTP ${res.status} avant la mesure`);
      };
      const [, firstMs] = await timed(single);
      const [, aloneMs] = await timed(single);
      log(`▸ ${r.label} (${r.path}) : seule ${firstMs} ms puis ${aloneMs} ms ; charge…`);
      // A public page is compared with the static file measured just before it: on a shared machine the
      // load of other work changes from one minute to the next.
      // The static file is then a copy of that page: same size (the target compares a page with a static
      // file of its own size).
      if (r.kind === "public") await copyAsBaseline(r.path);
      if (r.kind === "static") await copyAsBaseline("/");
      const pairedStaticRps = r.kind === "public" ? (await measureRoute(ORIGIN, staticFile, LOAD, pids)).rps : undefined;
      results.push({ ...(await measureRoute(ORIGIN, r, LOAD, pids)), kind: r.kind, firstMs, aloneMs, pairedStaticRps });
    }
    const mixed = await runMixed(server.databaseUrl, routes.filter((r) => r.kind !== "static"), results, pids);
    const exportTiming = await timeExport(cookie);
    const peakMemoryMb = memory.stop();
    // Lighthouse (1× only: the public pages are the same size at 10×, the generated departments aside).
    let lighthouse: ScaleRun["lighthouse"] = null;
    if (scale === 1) {
      const rest = await waitForIdle();
      const busyShare = `${Math.round(rest.busy * 100)} %`;
      log(`▸ Lighthouse sur les pages publiques (mobile), ${rest.idle ? `machine au repos après ${Math.round(rest.waitedMs / 1000)} s d'attente (${busyShare} du processeur occupé)` : `machine toujours occupée après ${Math.round(rest.waitedMs / 1000)} s (${busyShare} du processeur) : scores à lire avec l'indice machine`}…`);
      const pages = await runLighthouse(ORIGIN, PUBLIC_PAGES, { formFactor: "mobile" });
      log(formatLighthouse(pages, "mobile"));
      lighthouse = pages.map((p) => ({ path: p.path, performance: p.performance, accessibility: p.accessibility, benchmarkIndex: p.benchmarkIndex }));
    }
    // The import of 10,000 lines, as a department editor, on a department whose routes were not measured
    // (after the route measurements, so that its writes do not disturb them).
    log("▸ Import tableur de 10 000 lignes (XLSX puis CSV)…");
    const imported = await measureSpreadsheetImport({ databaseUrl: server.databaseUrl, departmentCode: "94", log });
    log(importTable(imported));
    const importTiming = imported.runs.map((r) => ({ format: r.format, lines: r.lines, previewMs: r.previewMs, applyMs: r.applyMs, totalMs: r.totalMs, problems: r.problems }));
    return { scale, data: server.data, weight, results, mixed, peakMemoryMb, serverHeapMb: SERVER_HEAP_MB, exportTiming, importTiming, lighthouse };
  } finally {
    await server.stop();
  }
}

/**
 * The mixed phase: the same readers, route by route, while writers save through the real forms
 * (scripts/bench/mixed.ts), and a sampler reads the public pages' cache state. 93 (measured) and 94
 * (the import's) are never written.
 */
async function runMixed(databaseUrl: string, routes: { label: string; path: string; cookie?: string }[], readOnly: ScaleRun["results"], pids: { server: number; postgres: number | null }): Promise<MixedRun> {
  log(`▸ Phase mixte : lecteurs + ${WRITES_PER_SECOND} enregistrements par seconde sur 50 départements, un changement de rôle toutes les 10 s…`);
  const world = await prepareMixed(databaseUrl, ["93", "94"]);
  log(`  ${world.lines.length} départements écrits préparés ; échantillon du cache mis en cache…`);
  const sampler = await startCacheSampler(world);
  const writers = startWriters(world, log);
  const measured: MixedRun["routes"] = [];
  let stats: Awaited<ReturnType<typeof writers.stop>>;
  let cache: MixedRun["cache"];
  try {
    // The writers' own cost first, before any reader: the processor time they (and the cache sampler,
    // one cached page at a time) take from the readers on this machine.
    const cpuBefore = { server: treeCpuMs(pids.server), postgres: pids.postgres ? treeCpuMs(pids.postgres) : 0, saves: writers.stats.saves, at: performance.now() };
    await new Promise((resolve) => setTimeout(resolve, WRITERS_ALONE_SECONDS * 1000));
    const saves = writers.stats.saves - cpuBefore.saves;
    const serverMs = treeCpuMs(pids.server) - cpuBefore.server;
    const postgresMs = pids.postgres ? treeCpuMs(pids.postgres) - cpuBefore.postgres : 0;
    const elapsedMs = performance.now() - cpuBefore.at;
    const writersAlone = { seconds: WRITERS_ALONE_SECONDS, saves, serverCpuMsPerSave: saves ? serverMs / saves : NaN, postgresCpuMsPerSave: saves ? postgresMs / saves : NaN, coresShare: (serverMs + postgresMs) / elapsedMs / cpus().length };
    log(
      `  Écrivains seuls (${WRITERS_ALONE_SECONDS} s, sans lecteur) : ${saves} enregistrements, CPU ${writersAlone.serverCpuMsPerSave.toFixed(0)} ms (serveur) + ${writersAlone.postgresCpuMsPerSave.toFixed(0)} ms (PostgreSQL) par enregistrement, ${(writersAlone.coresShare * 100).toFixed(0)} % des ${cpus().length} cœurs`,
    );
    for (const r of routes) {
      const result = await measureRoute(ORIGIN, r, LOAD, pids);
      const before = readOnly.find((x) => x.path === r.path)!;
      measured.push({ label: r.label, path: r.path, readP95: before.p95, readRps: before.rps, mixedP95: result.p95, mixedRps: result.rps, non2xx: result.non2xx, errors: result.errors });
      log(`  ${r.label} : p95 ${result.p95} ms (lecture seule ${before.p95} ms), ${Math.round(result.rps)} req/s, ${result.non2xx} non-2xx, ${result.errors} échecs`);
    }
  } finally {
    stats = await writers.stop();
    cache = await sampler.stop();
    await world.end();
  }
  const { written, ...writes } = stats;
  const run: MixedRun = { routes: measured, writes: { ...writes, departments: written.size }, cache };
  log(mixedTable(run));
  return run;
}

/** `--serve`: the bench's server left running, with a signed-in cookie, until Ctrl+C. */
async function serve(scale: number, profile: boolean) {
  const server = await startBenchServer(scale, [`--max-old-space-size=${SERVER_HEAP_MB}`, ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench-results", "tmp")}`] : [])]);
  log(`\nServeur : ${ORIGIN}  (Ctrl+C pour arrêter)\nCookie (pilote national) : ${server.cookie}`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.stop();
}

/** `--only weight`: the pages' bytes and JavaScript, without the load (a minute once built). */
async function onlyWeight(scale: number) {
  const server = await startBenchServer(scale, [`--max-old-space-size=${SERVER_HEAP_MB}`]);
  try {
    log(formatWeight(await measureWeight(ORIGIN, weightRoutes(server.cookie))));
  } finally {
    await server.stop();
  }
}

/** `--only import`: the import of 10,000 lines (XLSX then CSV), without the load; printed, not saved. */
async function onlyImport(scale: number) {
  const server = await startBenchServer(scale, [`--max-old-space-size=${SERVER_HEAP_MB}`]);
  try {
    log("▸ Import tableur de 10 000 lignes (XLSX puis CSV)…");
    log(importTable(await measureSpreadsheetImport({ databaseUrl: server.databaseUrl, departmentCode: "94", log })));
  } finally {
    await server.stop();
  }
}

async function main() {
  const flag = process.argv.indexOf("--scale");
  const scale = flag >= 0 ? Number(process.argv[flag + 1]) : 1;
  if (![1, 10].includes(scale)) throw new Error("--scale vaut 1 ou 10.");
  if (process.argv.includes("--serve")) return serve(scale, process.argv.includes("--profile"));
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
  if (only === "weight") return onlyWeight(scale);
  if (only === "import") return onlyImport(scale);
  if (only !== null) throw new Error("--only vaut weight ou import.");
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as { runs?: Record<string, ScaleRun>; verdicts?: object }) : {};
  const run = await runScale(scale);
  const runs = { ...previous.runs, [String(scale)]: run };
  const verdicts = evaluate(run, scale === 10 ? runs["1"] : undefined);
  printTable(run, verdicts);
  const machine = `${(await import("node:os")).cpus().length} cœurs, ${process.version}`;
  const document = { date: new Date().toISOString(), machine, load: LOAD, serverHeapMb: SERVER_HEAP_MB, user: BENCH_EMAIL, targets: { importMs: IMPORT_TARGET_MS, lighthouse: LIGHTHOUSE_TARGETS }, runs, verdicts: { ...previous.verdicts, [String(scale)]: verdicts } };
  writeFileSync(RESULTS, JSON.stringify(document, null, 2));
  log(`\nRésultats : ${path.relative(ROOT, RESULTS)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`✘ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
