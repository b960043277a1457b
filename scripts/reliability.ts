// `npm run reliability`: the reliability targets (docs/performances.md) on the production build, loopback only.
//   a) 50 writers for 60 s on the same few fiches action → 0 lost update, audit rows = successful writes, no 5xx
//   b) PostgreSQL stopped and started again under load → French 503 meanwhile, recovery without restart, no partial write
//   c) every server action and API endpoint fuzzed over HTTP (fast-check) → no HTTP 500
// Isolated: its own build dir, a fresh embedded PostgreSQL (.data/reliability, port 54379), the server on
// 127.0.0.1:3340. Bounded: a global timeout stops everything. Results: reliability-results/latest.json.
// Its HTTP client accepts response headers up to 64 KB (`--max-http-header-size` in package.json), as
// browsers do: Node's default, 16 KB, took Next's 308 for an address of 12,000 characters with "/.."
// in it (the address copied into Location and Refresh) for no answer at all.
//   npm run reliability                         everything (about 6 to 10 min once built)
//   npm run reliability -- --seconds 10         a quicker writers phase
//   npm run reliability -- --phases a,c --runs 20
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, DIST_DIR, freshDatabase, HTTP_PORT, ROOT, serverLogSince, startServer, stopAll, type Log } from "./reliability/app";
import { runFuzz } from "./reliability/fuzz";
import { runHostileImports } from "./reliability/hostile-imports";
import { runOutage } from "./reliability/outage";
import { errorLines, printPhase, type PhaseResult } from "./reliability/report";
import { runWriters } from "./reliability/writers";

const RESULTS = path.join(ROOT, "reliability-results", "latest.json");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const options = {
  phases: flag("phases", "a,b,c,d").split(",").map((p) => p.trim()),
  writers: { writers: Number(flag("writers", "50")), seconds: Number(flag("seconds", "60")), editors: 10, records: 5 },
  outage: { readers: 12, writers: 8, warmupSeconds: 5, outageSeconds: 8, afterSeconds: 8 },
  fuzz: { runs: Number(flag("runs", "40")), concurrency: 4, seed: Number(flag("seed", String(Date.now() % 1_000_000))) },
  timeoutMinutes: Number(flag("timeout", "30")),
};

const log: Log = (line) => console.log(line);

async function main() {
  for (const p of options.phases) if (!["a", "b", "c", "d"].includes(p)) throw new Error(`Phase inconnue : ${p} (a, b, c ou d).`);
  const started = Date.now();
  log("══ Fiabilité ══");
  const db = await freshDatabase(log);
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", PORT: String(HTTP_PORT) };
  const build = await buildIfNeeded(env, log);
  const server = await startServer(env);
  log(`▸ Serveur de production sur 127.0.0.1:${HTTP_PORT} (pid ${server.pid}).`);

  const phases: PhaseResult[] = [];
  let logOffset = serverLogSince(server, 0).end;
  const run = async (name: string, work: () => Promise<PhaseResult>) => {
    if (!options.phases.includes(name)) return;
    const result = await work();
    const logs = serverLogSince(server, logOffset);
    logOffset = logs.end;
    result.serverErrors = errorLines(logs.text);
    printPhase(result, log);
    phases.push(result);
  };
  await run("a", () => runWriters(db.url, options.writers, log));
  await run("b", () => runOutage(db, server, options.outage, log));
  await run("c", () => runFuzz(db.url, options.fuzz, log));
  await run("d", () => runHostileImports(db.url, server.pid, log));

  const checks = phases.flatMap((p) => p.checks);
  const missed = checks.filter((c) => !c.met);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  log(`\n${missed.length === 0 ? "✔ Toutes les cibles sont atteintes" : `✘ ${missed.length} cible(s) manquée(s) : ${missed.map((c) => c.target).join(" ; ")}`} (${minutes} min).`);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} cœurs, ${process.version}`, minutes: Number(minutes), build, options, phases }, null, 2),
  );
  log(`Résultats : ${path.relative(ROOT, RESULTS)}`);
  return missed.length === 0 ? 0 : 1;
}

// Bounded and tidy: a global timeout, and Ctrl+C, stop the server and PostgreSQL before leaving.
let exiting = false;
async function exit(code: number, message?: string) {
  if (exiting) return;
  exiting = true;
  if (message) console.error(message);
  await stopAll();
  process.exit(code);
}
const timer = setTimeout(() => void exit(2, `✘ Délai global de ${options.timeoutMinutes} min dépassé : arrêt.`), options.timeoutMinutes * 60_000);
timer.unref();
process.on("SIGINT", () => void exit(130, "\nInterrompu."));
process.on("SIGTERM", () => void exit(143, "\nInterrompu."));

main().then(
  (code) => exit(code),
  (error) => exit(1, `✘ ${error instanceof Error ? (error.stack ?? error.message) : error}`),
);
