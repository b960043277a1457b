// The app under test, isolated from everyone else: its own build dir, a fresh embedded PostgreSQL under
// .data/reliability and the production server on 127.0.0.1 only. Every process started here is stopped
// by `stopAll` (normal end, error, timeout, Ctrl+C).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, removeEmbeddedData, startEmbeddedPostgres, type EmbeddedServer } from "../embedded-postgres";
import { seedDatabase } from "../../prisma/seed/seed";
import { buildIfNeeded as build, nextStartArgs, ROOT } from "../build";
import { runPrisma } from "../database";

export { ROOT };
export const DIST_DIR = ".data/reliability-build"; // under .data: ignored by git, ESLint and tsc alike
export const DATA_DIR = path.join(ROOT, ".data", "reliability");
export const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 54379);
export const HTTP_PORT = Number(process.env.RELIABILITY_HTTP_PORT ?? 3340);
export const ORIGIN = `http://127.0.0.1:${HTTP_PORT}`;

export type Log = (line: string) => void;

const cleanups: (() => Promise<void>)[] = [];

/** Stops what was started, last first; each step bounded so that a stuck one never blocks the exit. */
export async function stopAll(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    await Promise.race([step().catch(() => {}), new Promise((r) => setTimeout(r, 20_000))]);
  }
}


function track(child: ChildProcess): ChildProcess {
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const exited = await Promise.race([new Promise((r) => child.once("exit", () => r(true))), new Promise((r) => setTimeout(() => r(false), 10_000))]);
    if (!exited) child.kill("SIGKILL");
  });
  return child;
}

/** `next build` into DIST_DIR when the sources changed (scripts/build.ts); the build is stopped with the rest. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, log: Log): Promise<{ built: boolean; seconds: number }> {
  return build({ distDir: DIST_DIR, env, log, onSpawn: track });
}

export type Database = {
  url: string;
  /** Fast shutdown of PostgreSQL (open connections are cut), as a crash or a restart would. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data. */
  start: () => Promise<void>;
};

/** A new database every run (the fuzzing writes junk): initdb, migrations, reference and demo data. */
export async function freshDatabase(log: Log): Promise<Database> {
  const dataDir = path.join(DATA_DIR, "postgres");
  await removeEmbeddedData(dataDir);
  mkdirSync(DATA_DIR, { recursive: true });
  let server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  const port = server.port;
  cleanups.push(() => server.stop());
  await ensureDatabase(server.url("postgres"), "tripartite");
  const url = server.url("tripartite");
  await runPrisma(["migrate", "deploy"], url, true);
  const seed = await seedDatabase(url, { demo: true });
  log(`▸ PostgreSQL embarqué sur le port ${port} (${path.relative(ROOT, dataDir)}), ${seed.summary}`);
  return {
    url,
    stop: () => server.stop(),
    start: async () => {
      server = await startEmbeddedPostgres({ dataDir, port });
      if (server.port !== port) throw new Error(`PostgreSQL a redémarré sur le port ${server.port} au lieu de ${port}.`);
    },
  };
}

export type Server = { pid: number; logFile: string; exited: () => boolean };

/** `next start` on 127.0.0.1:HTTP_PORT; its output goes to a log file (read after each phase for errors). */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const logFile = path.join(DATA_DIR, "server.log");
  const out = createWriteStream(logFile);
  const child = track(
    spawn(process.execPath, nextStartArgs(HTTP_PORT, "127.0.0.1"), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }),
  );
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return { pid: child.pid!, logFile, exited: () => child.exitCode !== null };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Le serveur n'a pas démarré (voir ${path.relative(ROOT, logFile)}).`);
}

/** Lines the server wrote since `from` (a character offset), to show errors next to a phase's table. */
export function serverLogSince(server: Server, from: number): { text: string; end: number } {
  const text = existsSync(server.logFile) ? readFileSync(server.logFile, "utf8") : "";
  return { text: text.slice(from), end: text.length };
}
