// Several production instances of the app (`next start`, the build already in .next) on one
// PostgreSQL: an embedded server of their own (dataDir, pgPort), or a database created for the run on
// an existing server (`serverUrl`, e.g. the machine's PostgreSQL 15), dropped afterwards. The database
// is migrated and loaded with the demo data first.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { nextStartArgs } from "../../scripts/build";
import { ensureDatabase, removeEmbeddedData, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { createDatabase, dropDatabase, uniqueName } from "../setup/test-database";

export type Cluster = {
  urls: string[];
  databaseUrl: string;
  /** What each instance printed, for failure messages. */
  logs: string[];
  stop: () => Promise<void>;
};

const ROOT = path.resolve(__dirname, "../..");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} : code ${code}\n${output}`))));
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`L'instance ${url} s'est arrêtée (code ${child.exitCode}) :\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`L'instance ${url} ne répond pas :\n${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startCluster(options: { ports: number[]; pgPort?: number; dataDir?: string; serverUrl?: string; env?: NodeJS.ProcessEnv }): Promise<Cluster> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Pas de version compilée dans .next : lancez d'abord `npm start` ou `next build`.");
  const dataDir = path.resolve(ROOT, options.dataDir ?? ".data/multi");
  let stopDatabase = async () => {};
  let databaseUrl: string;
  if (options.serverUrl) {
    const serverUrl = options.serverUrl;
    const name = uniqueName("tripartite_multi");
    databaseUrl = await createDatabase(serverUrl, name);
    stopDatabase = () => dropDatabase(serverUrl, name);
  } else {
    await removeEmbeddedData(dataDir);
    const server = await startEmbeddedPostgres({ dataDir, port: options.pgPort ?? 54399 });
    await ensureDatabase(server.url("postgres"), "tripartite");
    databaseUrl = server.url("tripartite");
    stopDatabase = async () => {
      await server.stop();
      await removeEmbeddedData(dataDir);
    };
  }

  const children: ChildProcess[] = [];
  const logs = options.ports.map(() => "");
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    await stopDatabase();
  };
  try {
    const env = { ...process.env, ...options.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
    await run([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "seed"], env);
    const urls = options.ports.map((port) => `http://127.0.0.1:${port}`);
    options.ports.forEach((port, i) => {
      const child = spawn(process.execPath, nextStartArgs(port, "127.0.0.1"), { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
      const append = (d: Buffer) => (logs[i] = (logs[i] + d).slice(-20_000));
      child.stdout!.on("data", append);
      child.stderr!.on("data", append);
      children.push(child);
    });
    await Promise.all(urls.map((url, i) => waitForHealth(url, children[i], () => logs[i])));
    return { urls, databaseUrl, logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
