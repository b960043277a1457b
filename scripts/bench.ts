// `npm run bench`: generated national-scale data, the production build, then autocannon on 127.0.0.1
// (32 connections, 2 s warm-up + 10 s per route) and the targets of issue 8, met or missed.
// Isolated from everyone else: its own build dir, data dir, PostgreSQL port and HTTP port.
//   npm run bench                 1× (101 departments)
//   npm run bench -- --scale 10   10× (1,010 departments, generation takes a while), compared with the last 1×
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { createPrismaClient } from "../lib/server/prisma";
import { seedDatabase } from "../prisma/seed/seed";
import { runPrisma } from "./database";
import { BENCH_EMAIL, ensureBenchUser, generateBenchData, type GenerationReport } from "./bench/generate";
import { measureRoute, sampleMemory } from "./bench/load";
import { evaluate, printTable, type ScaleRun } from "./bench/report";

const ROOT = path.resolve(__dirname, "..");
const DIST_DIR = ".data/bench-build"; // under .data: ignored by git, ESLint and tsc alike
const HTTP_PORT = 3300;
const PG_PORT = 54369;
const ORIGIN = `http://127.0.0.1:${HTTP_PORT}`;
const BASELINE = path.join(ROOT, "public", "bench-baseline.html");
const RESULTS = path.join(ROOT, "bench-results", "latest.json");
const LOAD = { connections: 32, seconds: 10, warmupSeconds: 2 };
const BUILD_INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

const log = (line: string) => console.log(line);

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    const full = path.join(ROOT, p);
    if (!existsSync(full) || p.includes("generated")) return;
    if (statSync(full).isDirectory()) for (const entry of readdirSync(full).sort()) visit(path.join(p, entry));
    else hash.update(p).update(readFileSync(full));
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} a échoué (code ${code})`))));
  });
}

const nextBin = () => require.resolve("next/dist/bin/next");

/** `next build` writes its type paths into tsconfig.json for a new distDir: the file is put back as it was. */
async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const hashFile = path.join(ROOT, DIST_DIR, "tripartite-build-hash");
  const hash = sourceHash();
  if (existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash) {
    log("▸ Version compilée du banc d'essai à jour.");
    return;
  }
  log(`▸ next build dans ${DIST_DIR}…`);
  const tsconfig = readFileSync(path.join(ROOT, "tsconfig.json"));
  const started = Date.now();
  try {
    await runNode([nextBin(), "build"], env);
  } finally {
    if (!readFileSync(path.join(ROOT, "tsconfig.json")).equals(tsconfig)) writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
  }
  writeFileSync(hashFile, hash);
  log(`  compilé en ${Math.round((Date.now() - started) / 1000)} s`);
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300 && server.exitCode === null; i++) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("Le serveur du banc d'essai n'a pas démarré.");
}

/** A session for the bench user, stored as the app stores it (the SHA-256 of the token, lib/auth/sessions.ts). */
async function benchCookie(databaseUrl: string): Promise<{ cookie: string; end: () => Promise<void> }> {
  const prisma = createPrismaClient(databaseUrl);
  const userId = await ensureBenchUser(prisma);
  const token = randomBytes(32).toString("base64url");
  const id = createHash("sha256").update(token).digest("hex");
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3600_000), userAgent: "npm run bench" } });
  return {
    cookie: `tripartite_session=${token}`,
    end: async () => {
      await prisma.session.delete({ where: { id } }).catch(() => {});
      await prisma.$disconnect();
    },
  };
}

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
  const dataDir = scale === 1 ? ".data/bench" : `.data/bench-${scale}x`;
  log(`\n══ Banc d'essai ${scale}× (${dataDir}) ══`);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: PG_PORT });
  let server: ChildProcess | undefined;
  let session: Awaited<ReturnType<typeof benchCookie>> | undefined;
  try {
    await ensureDatabase(pg.url("postgres"), "tripartite");
    const url = pg.url("tripartite");
    await runPrisma(["migrate", "deploy"], url, true);
    await seedDatabase(url, { demo: false });
    log("▸ Génération des données (réutilisées si déjà présentes)…");
    const data: GenerationReport = await generateBenchData(url, scale, log);
    log(`  ${data.departments} départements, ${data.contracts} contrats, ${data.actions} fiches action, ${data.fundingLines} lignes de financement, ${data.auditRows} lignes d'historique (${data.reused ? "réutilisées" : `générées en ${Math.round(data.seconds)} s`})`);

    const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", PORT: String(HTTP_PORT) };
    await buildIfNeeded(env);
    // Public files are listed when the server starts: the file exists first, its content comes from `/`.
    writeFileSync(BASELINE, "<!doctype html>");
    server = spawn(process.execPath, [nextBin(), "start", "-p", String(HTTP_PORT), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForHealth(server);
    const home = await fetch(`${ORIGIN}/`);
    writeFileSync(BASELINE, Buffer.from(await home.arrayBuffer()));
    session = await benchCookie(url);
    const { cookie } = session;
    const region = "11"; // Île-de-France, the region of the measured department (93)

    const routes = [
      { label: "/ (accueil)", path: "/", kind: "public" as const },
      { label: "Vue nationale (connecté)", path: "/espace/national", cookie, kind: "national" as const },
      { label: `Vue régionale ${region}`, path: `/espace/regions/${region}`, cookie, kind: "other" as const },
      { label: "Tableau de bord 93", path: "/espace/departements/93", cookie, kind: "dashboard" as const },
      { label: "Page publique 93", path: "/departements/93", kind: "public" as const },
      { label: "API /api/v1/contrats", path: "/api/v1/contrats", kind: "other" as const },
      { label: "Fichier statique", path: "/bench-baseline.html", kind: "static" as const },
    ];
    const memory = sampleMemory(server.pid!);
    const results: ScaleRun["results"] = [];
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
      results.push({ ...(await measureRoute(ORIGIN, r, LOAD)), kind: r.kind, firstMs, aloneMs });
    }
    const exportTiming = await timeExport(cookie);
    const peakMemoryMb = memory.stop();
    const importNote = existsSync(path.join(ROOT, "lib", "spreadsheet"))
      ? "non mesuré (importSpreadsheet existe dans lib/spreadsheet mais n'est pas encore branché au banc d'essai)"
      : "non disponible (lib/spreadsheet absente)";
    return { scale, data, results, peakMemoryMb, exportTiming, importNote };
  } finally {
    await session?.end();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    rmSync(BASELINE, { force: true });
    await pg.stop();
  }
}

async function main() {
  const flag = process.argv.indexOf("--scale");
  const scale = flag >= 0 ? Number(process.argv[flag + 1]) : 1;
  if (![1, 10].includes(scale)) throw new Error("--scale vaut 1 ou 10.");
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as { runs?: Record<string, ScaleRun> }) : {};
  const run = await runScale(scale);
  const runs = { ...previous.runs, [String(scale)]: run };
  const verdicts = evaluate(run, scale === 10 ? runs["1"] : undefined);
  printTable(run, verdicts);
  writeFileSync(
    RESULTS,
    JSON.stringify({ date: new Date().toISOString(), machine: `${(await import("node:os")).cpus().length} cœurs, ${process.version}`, load: LOAD, user: BENCH_EMAIL, runs, verdicts: { ...(previous as { verdicts?: object }).verdicts, [String(scale)]: verdicts } }, null, 2),
  );
  log(`\nRésultats : ${path.relative(ROOT, RESULTS)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`✘ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
