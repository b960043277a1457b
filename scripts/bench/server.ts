// The benchmark's own world: generated data on its own PostgreSQL (port 54369), its own build directory
// and the production server on 127.0.0.1:3300, never .next, port 3000 or .data/postgres.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../embedded-postgres";
import { createPrismaClient } from "../../lib/server/prisma";
import { seedDatabase } from "../../prisma/seed/seed";
import { buildIfNeeded as build, nextStartArgs, ROOT } from "../build";

export { ROOT };
import { runPrisma } from "../database";
import { ensureBenchUser, generateBenchData, type GenerationReport } from "./generate";


const DIST_DIR = ".data/bench-build"; // under .data: ignored by git, ESLint and tsc alike
export const HTTP_PORT = Number(process.env.BENCH_HTTP_PORT ?? 3300);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54369);
export const ORIGIN = `http://127.0.0.1:${HTTP_PORT}`;
export const BASELINE_PATH = "/bench-baseline.html";
const BASELINE = path.join(ROOT, "public", BASELINE_PATH);

/**
 * Makes the static baseline a copy of `pagePath` as served now, so that a page is compared with a static
 * file of its own size (the file was listed when the server started; only its content changes).
 */
export async function copyAsBaseline(pagePath: string): Promise<void> {
  const page = await fetch(`${ORIGIN}${pagePath}`);
  writeFileSync(BASELINE, Buffer.from(await page.arrayBuffer()));
}
export const log = (line: string) => console.log(line);

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const { built, seconds } = await build({ distDir: DIST_DIR, env, log });
  if (built) log(`  compilé en ${seconds} s`);
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
async function benchSession(databaseUrl: string): Promise<{ cookie: string; end: () => Promise<void> }> {
  const prisma = createPrismaClient(databaseUrl);
  const userId = await ensureBenchUser(prisma);
  const token = randomBytes(32).toString("base64url");
  const id = createHash("sha256").update(token).digest("hex");
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3 * 3600_000), userAgent: "npm run bench" } });
  return {
    cookie: `tripartite_session=${token}`,
    end: async () => {
      await prisma.session.delete({ where: { id } }).catch(() => {});
      await prisma.$disconnect();
    },
  };
}

export type BenchServer = {
  data: GenerationReport;
  databaseUrl: string;
  /** The production server's process id (its memory is sampled with its children). */
  pid: number;
  /** PostgreSQL's main process (its CPU is read with its backends'); null if unknown. */
  postgresPid: number | null;
  cookie: string;
  stop: () => Promise<void>;
};

/**
 * Data (generated once per scale, then reused), the build (redone when the sources change) and the
 * server. The static baseline is a copy of `/` as first served, so that both have the same size.
 */
export async function startBenchServer(scale: number, serverArgs: string[] = []): Promise<BenchServer> {
  const dataDir = scale === 1 ? ".data/bench" : `.data/bench-${scale}x`;
  log(`\n══ Banc d'essai ${scale}× (${dataDir}) ══`);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: PG_PORT });
  let server: ChildProcess | undefined;
  let session: Awaited<ReturnType<typeof benchSession>> | undefined;
  const stop = async () => {
    await session?.end();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    rmSync(BASELINE, { force: true });
    await pg.stop();
  };
  try {
    await ensureDatabase(pg.url("postgres"), "tripartite");
    const url = pg.url("tripartite");
    await runPrisma(["migrate", "deploy"], url, true);
    await seedDatabase(url, { demo: false });
    log("▸ Génération des données (réutilisées si déjà présentes)…");
    const data = await generateBenchData(url, scale, log);
    log(
      `  ${data.departments} départements, ${data.contracts} contrats, ${data.actions} fiches action, ${data.fundingLines} lignes de financement, ${data.auditRows} lignes d'historique (${data.reused ? "réutilisées" : `générées en ${Math.round(data.seconds)} s`})`,
    );
    const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", PORT: String(HTTP_PORT) };
    await buildIfNeeded(env);
    // Next keeps its data cache and the pages it renders on demand (ISR) on disk between runs: the other
    // scale's (or an older run's) entries must not answer this run.
    rmSync(path.join(ROOT, DIST_DIR, "cache", "fetch-cache"), { recursive: true, force: true });
    rmSync(path.join(ROOT, DIST_DIR, "server", "route-cache"), { recursive: true, force: true });
    // Public files are listed when the server starts: the file exists first, its content comes from `/`.
    mkdirSync(path.dirname(BASELINE), { recursive: true }); // a fresh clone has no public/ folder
    writeFileSync(BASELINE, "<!doctype html>");
    server = spawn(process.execPath, [...serverArgs, ...nextStartArgs(HTTP_PORT, "127.0.0.1")], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForHealth(server);
    const home = await fetch(`${ORIGIN}/`);
    writeFileSync(BASELINE, Buffer.from(await home.arrayBuffer()));
    session = await benchSession(url);
    const pidFile = path.join(ROOT, dataDir, "postgres", "postmaster.pid");
    const postgresPid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) || null : null;
    return { data, databaseUrl: url, pid: server.pid!, postgresPid, cookie: session.cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
