// The production build, redone only when its sources changed: used by `npm start` (.next), the benchmark
// and the reliability run (each with its own dist dir, NEXT_DIST_DIR, so that none overwrites another's).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

/** Everything `next build` reads: a change to any of them makes the next start rebuild. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

/** Files the bench writes into public/ while it runs: not sources. */
const IGNORED = [/generated/, /bench-baseline\.html$/];

export function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    const full = path.join(ROOT, p);
    if (!existsSync(full) || IGNORED.some((re) => re.test(p))) return;
    if (statSync(full).isDirectory()) for (const entry of readdirSync(full).sort()) visit(path.join(p, entry));
    else hash.update(p).update(readFileSync(full));
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

export const nextBin = () => require.resolve("next/dist/bin/next");

/**
 * How long the server keeps an idle keep-alive connection open. Node's default (5 s) is shorter than the
 * idle timeout of the usual reverse proxies and HTTP clients (60 s): one that reuses a connection just as
 * the server closes it gets a reset (a 502 behind the proxy; « ECONNRESET » in a client). Longer than
 * theirs, it is always the client that closes first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** `next start` as every script runs the production server: its port, its host when given, the keep-alive above. */
export function nextStartArgs(port: number, hostname?: string): string[] {
  return [nextBin(), "start", "-p", String(port), ...(hostname ? ["-H", hostname] : []), "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)];
}

type BuildOptions = {
  /** ".next", or a folder of its own (passed to Next as NEXT_DIST_DIR). */
  distDir: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Called with the `next build` process (to stop it with the caller's other processes). */
  onSpawn?: (child: ChildProcess) => void;
};

/**
 * `next build` into `distDir` unless the build there was made from the same sources. `next build` writes
 * its type paths into tsconfig.json for a new distDir: the file is put back as it was.
 */
export async function buildIfNeeded({ distDir, env, log, onSpawn }: BuildOptions): Promise<{ built: boolean; seconds: number }> {
  const hashFile = path.join(ROOT, distDir, "tripartite-build-hash");
  const hash = sourceHash();
  if (existsSync(path.join(ROOT, distDir, "BUILD_ID")) && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash) {
    log("▸ Version compilée à jour.");
    return { built: false, seconds: 0 };
  }
  log(`▸ Compilation de l'application (next build${distDir === ".next" ? "" : ` dans ${distDir}`}, 30 s à 3 min)…`);
  const tsconfig = readFileSync(path.join(ROOT, "tsconfig.json"));
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [nextBin(), "build"], {
        cwd: ROOT,
        env: { ...env, NEXT_TELEMETRY_DISABLED: "1", ...(distDir === ".next" ? {} : { NEXT_DIST_DIR: distDir }) },
        stdio: ["ignore", "inherit", "inherit"],
      });
      onSpawn?.(child);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build a échoué (code ${code})`))));
    });
  } finally {
    if (!readFileSync(path.join(ROOT, "tsconfig.json")).equals(tsconfig)) writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
  }
  writeFileSync(hashFile, hash);
  return { built: true, seconds: Math.round((Date.now() - started) / 1000) };
}
