import "server-only";
import { env } from "./env";
import { createPrismaClient, type PrismaClient } from "./prisma";

// One client per server process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { tripartiteDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tripartiteDb ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.tripartiteDb;
}

export { Prisma } from "./generated/prisma/client";
export * from "./generated/prisma/enums";
