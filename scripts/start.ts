// `npm start`: database (embedded PostgreSQL unless DATABASE_URL), migrations, reference and demo data,
// a production build when the sources changed, then the server on PORT (3000 by default, or the next free one:
// scripts/port.ts).
import "./check-node"; // first: a too old Node stops here with a French message
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-users";
import { seedDatabase } from "../prisma/seed/seed";
import { removeEmbeddedData, StartError, SYSTEM_DIR } from "./embedded-postgres";
import { buildIfNeeded as build, nextBin, nextStartArgs, ROOT } from "./build";
import { DATA_DIR, openDatabase, runPrisma } from "./database";
import { choosePort } from "./port";

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  await build({ distDir: ".next", env, log: (line) => console.log(line) });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function printAccounts(port: number) {
  console.log(`\n✔ Tripartite est prêt : http://localhost:${port}\n`);
  console.log(`Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`);
  for (const a of DEMO_ACCOUNTS) console.log(`  • ${a.email.padEnd(34)} ${a.label}`);
  console.log("\nCtrl+C pour arrêter (la base embarquée s'arrête avec l'application).\n");
}

function fail(error: unknown): never {
  // Expected failures carry their French explanation; anything else keeps its stack for the developer.
  console.error(error instanceof StartError ? `✘ ${error.message}` : error);
  process.exit(1);
}

async function main() {
  const dev = process.argv.includes("--dev");
  if (process.argv.includes("--fresh")) {
    // A throw-away database (end-to-end tests): stop what a killed run left, then start from nothing.
    await removeEmbeddedData(path.join(DATA_DIR, "postgres"));
  }

  const port = await choosePort(process.env.PORT, (line) => console.log(line)).catch(fail);
  const db = await openDatabase().catch(fail);
  if (db.embedded && db.port !== db.askedPort) console.log(`▸ Le port ${db.askedPort} est déjà pris : PostgreSQL utilise le port ${db.port}.`);
  if (db.embedded && db.dataDir !== path.resolve(DATA_DIR, "postgres")) {
    console.log(
      `▸ Lancé par root : PostgreSQL tourne sous le compte « postgres », qui ne peut pas entrer dans ${ROOT} ; ` +
        `ses binaires et ses données sont donc sous ${SYSTEM_DIR}.`,
    );
  }
  console.log(db.embedded ? `▸ PostgreSQL embarqué prêt (${db.dataDir}, port ${db.port}).` : "▸ Base PostgreSQL : DATABASE_URL.");
  let server: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await runPrisma(["migrate", "deploy"], db.url, true);
    console.log("▸ Migrations appliquées.");
    const report = await seedDatabase(db.url, { demo: "if-empty" });
    console.log(`▸ ${report.summary}`);
    const env = { ...process.env, DATABASE_URL: db.url, PORT: String(port) };
    if (!dev) await buildIfNeeded(env);
    server = spawn(process.execPath, dev ? [nextBin(), "dev", "-p", String(port)] : nextStartArgs(port), { cwd: ROOT, env, stdio: "inherit" });
    server.on("exit", (code) => void stop(code ?? 1));
    if (await waitForHealth(port, server)) printAccounts(port);
  } catch (error) {
    console.error(`✘ ${error instanceof Error ? error.message : error}`);
    await stop(1);
  }
}

void main();
