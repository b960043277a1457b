// Loaded by the Prisma CLI only. Prisma 6.19 with its JavaScript schema engine: no native binary.
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./lib/server/pg-adapter";

// Fix 4 (CLI side): the wasm schema engine leaves long timers that keep `migrate` alive after it is done.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 1000 && typeof timer?.unref === "function") timer.unref();
  return timer;
}) as typeof setTimeout;

// `prisma generate` needs no database, but silently does nothing when the schema's env("DATABASE_URL")
// is unset: give it a placeholder, and refuse to connect anywhere with it.
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://not-configured@127.0.0.1:1/not-configured";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const url = databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: run Prisma through `npm run db -- <command>`.");
    return createAdapterFactory(url);
  },
});
