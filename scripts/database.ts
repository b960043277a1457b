// Where the database comes from: DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export type Database = {
  url: string;
  embedded: boolean;
  /** Embedded only: where its data is, the port asked for and the one it got (the next free one). */
  dataDir?: string;
  askedPort?: number;
  port?: number;
  stop: () => Promise<void>;
};

export const DATA_DIR = process.env.TRIPARTITE_DATA_DIR ?? ".data";

export async function openDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const askedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: askedPort, log });
  await ensureDatabase(server.url("postgres"), "tripartite");
  return { url: server.url("tripartite"), embedded: true, dataDir: server.dataDir, askedPort, port: server.port, stop: server.stop };
}

/** Runs the Prisma CLI (JavaScript engines only, see prisma.config.ts) against a database. */
export function runPrisma(args: string[], databaseUrl: string, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: quiet ? ["inherit", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} a échoué (code ${code})\n${output}`)),
    );
  });
}
