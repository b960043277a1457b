// The first start on a fresh machine: as root from a directory the `postgres` account cannot traverse (a clone
// in /root, mode 700), the embedded database still starts, and what cannot work stops with a French message
// saying why and what to do, never a stack trace. Each case runs the real command-line entry point in a child
// process, on a hard-linked copy of the project.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { canReach, StartError } from "../../scripts/embedded-postgres";
import { MINIMUM_NODE, nodeTooOld } from "../../scripts/check-node";
import { choosePort, DEFAULT_PORT } from "../../scripts/port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const isRoot = process.getuid?.() === 0;
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a project script with tsx, without the test database's environment. */
function runScript(cwd: string, args: string[], env: Record<string, string>): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.TRIPARTITE_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ...args], { cwd, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("who can reach a directory", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tripartite-reach-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const other = { uid: 4242, gid: 4242 };

  it("is decided by every directory on the way, including one not created yet", () => {
    mkdirSync(path.join(dir, "open", "inner"), { recursive: true });
    chmodSync(path.join(dir, "open"), 0o755);
    chmodSync(path.join(dir, "open", "inner"), 0o755);
    chmodSync(dir, 0o755);
    expect(canReach(other, path.join(dir, "open", "inner", "not-yet", "postgres"))).toBe(true);
    chmodSync(path.join(dir, "open"), 0o700);
    expect(canReach(other, path.join(dir, "open", "inner", "not-yet", "postgres"))).toBe(false);
    // The owner of a closed directory still passes.
    const owner = { uid: statSync(dir).uid, gid: statSync(dir).gid };
    expect(canReach(owner, path.join(dir, "open", "inner"))).toBe(true);
  });
});

/** Holds a port for the test (whoever already holds it is as good: the port is taken either way). */
async function holdPort(port: number): Promise<() => Promise<void>> {
  const server = net.createServer();
  const held = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, () => resolve(true));
  });
  return async () => {
    if (held) await new Promise((r) => server.close(r));
  };
}

describe("the port of `npm start`", () => {
  it("moves to the next free one when 3000 is taken, and says so", async () => {
    const release = await holdPort(DEFAULT_PORT);
    const said: string[] = [];
    try {
      const port = await choosePort(undefined, (line) => said.push(line));
      expect(port).toBeGreaterThan(DEFAULT_PORT);
      expect(said).toEqual([`▸ Le port ${DEFAULT_PORT} est déjà pris : Tripartite utilisera le port ${port}.`]);
    } finally {
      await release();
    }
  });

  it("keeps a port chosen with PORT, and stops with a French message when it is taken", async () => {
    const port = Number(process.env.TEST_PG_PORT ?? 54339) + 71;
    const release = await holdPort(port);
    try {
      const refused = choosePort(String(port), () => {});
      await expect(refused).rejects.toBeInstanceOf(StartError);
      await expect(refused).rejects.toThrow(`Le port ${port} (PORT) est déjà pris par un autre programme. Choisissez-en un autre, par exemple : PORT=${port + 1} npm start`);
    } finally {
      await release();
    }
    await expect(choosePort(String(port), () => {})).resolves.toBe(port);
    await expect(choosePort("trois mille", () => {})).rejects.toThrow("PORT=trois mille n'est pas un numéro de port (1 à 65535).");
  });
});

describe("a Node older than the app needs", () => {
  it("is named, with the version needed, and newer ones pass", () => {
    expect(nodeTooOld("v20.18.3")).toContain(`Tripartite demande Node ${MINIMUM_NODE} ou plus récent ; celui-ci est v20.18.3`);
    expect(nodeTooOld("v18.20.0")).toContain("Installez une version à jour");
    expect(nodeTooOld("v20.19.0")).toBeNull();
    expect(nodeTooOld("v22.1.0")).toBeNull();
  });

  it("stops `npm start` before anything starts, with a French message and no stack trace", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tripartite-node-"));
    try {
      const fake = path.join(dir, "old-node.cjs");
      writeFileSync(fake, 'Object.defineProperty(process, "version", { value: "v20.18.1" });\n');
      const run = await runScript(ROOT, ["scripts/start.ts"], { NODE_OPTIONS: `--require ${fake}` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("✘ Tripartite demande Node 20.19.0 ou plus récent ; celui-ci est v20.18.1.");
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).not.toContain("PostgreSQL");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Only root meets this case (PostgreSQL then runs as another account); as any other user the embedded
// database runs as that user, who can reach their own clone.
describe.skipIf(!isRoot)("started by root from a directory closed to the postgres account (needs root)", () => {
  let home: string;
  let app: string;
  let system: string;
  const port = String(Number(process.env.TEST_PG_PORT ?? 54339) + 70);

  beforeAll(async () => {
    // A clone in a home directory of mode 700, as `git clone … /root/app` leaves it.
    home = mkdtempSync(path.join(os.tmpdir(), "tripartite-home-"));
    chmodSync(home, 0o700);
    app = path.join(home, "app");
    mkdirSync(app);
    for (const entry of ["package.json", "tsconfig.json", "prisma.config.ts", "scripts", "lib", "prisma", "node_modules"]) {
      const cp = spawn("cp", ["-al", path.join(ROOT, entry), app]);
      await new Promise((resolve) => cp.on("close", resolve));
    }
    system = mkdtempSync(path.join(os.tmpdir(), "tripartite-system-"));
    chmodSync(system, 0o755);
  }, 120_000);

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(system, { recursive: true, force: true });
  });

  it("places PostgreSQL's binaries and data where that account reaches them, and the database works", async () => {
    const run = await runScript(app, ["scripts/db.ts", "migrate", "deploy"], { TRIPARTITE_SYSTEM_DIR: system, EMBEDDED_PG_PORT: port });
    expect(run.stderr + run.stdout).not.toContain("EACCES");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/migrations? found in prisma\/migrations/);

    const binaries = readdirSync(system).filter((name) => name.startsWith("postgresql-"));
    expect(binaries).toHaveLength(1);
    expect(existsSync(path.join(system, binaries[0], "bin", "postgres"))).toBe(true);
    const [data] = readdirSync(path.join(system, "data"));
    expect(data).toMatch(/^postgres-[0-9a-f]{12}$/);
    const version = path.join(system, "data", data, "PG_VERSION");
    expect(statSync(version).uid).not.toBe(0); // initialised by the postgres account
    // Nothing was written in the closed clone: the data lives outside it.
    expect(existsSync(path.join(app, ".data", "postgres", "PG_VERSION"))).toBe(false);

    // The second start finds the same data (no new initdb): the applied migrations are still there.
    const again = await runScript(app, ["scripts/db.ts", "migrate", "status"], { TRIPARTITE_SYSTEM_DIR: system, EMBEDDED_PG_PORT: port });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Database schema is up to date");
  }, 180_000);

  it("stops with a French message and the way out when no reachable place can be made", async () => {
    const run = await runScript(app, ["scripts/db.ts", "migrate", "status"], {
      TRIPARTITE_SYSTEM_DIR: "/dev/null/tripartite",
      EMBEDDED_PG_PORT: port,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Le compte « postgres » qui fait tourner PostgreSQL ne peut pas atteindre");
    expect(run.stderr).toContain("Clonez le dépôt dans un dossier lisible par tous");
    expect(run.stderr).toContain("DATABASE_URL");
    expect(run.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
