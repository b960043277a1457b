import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { readReplicas } from "@prisma/extension-read-replicas";
import { env } from "./env";
import { createPrismaClient, type PrismaClient } from "./prisma";

// One primary client per server process (kept across hot reloads in development), and, when
// DATABASE_REPLICA_URL is set, a client whose reads go to the read replica
// (@prisma/extension-read-replicas, plus the raw reads).
//
// Everything reads from the primary unless it runs inside `readingFromReplica(…)`: sessions, login
// throttling, the reads that fill the shared cache (a fill from a replica that lags behind a write
// would keep the old data cached after the revalidation) and every read that follows a write must
// see the primary. What may be a few seconds behind (downloads, exports) opts in.
const globalForDb = globalThis as unknown as { tripartiteDb?: PrismaClient; tripartiteReplicaDb?: PrismaClient };
const readPreference = new AsyncLocalStorage<"replica" | "primary">();

function primaryClient(): PrismaClient {
  globalForDb.tripartiteDb ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.tripartiteDb;
}

/**
 * The primary's client with the extension: model reads outside a transaction go to the replica, and
 * so do raw queries ($queryRaw, the oversight aggregates), which the extension itself leaves on the
 * primary; writes, $executeRaw and transactions stay on the primary.
 */
export function withReadReplica(primary: PrismaClient, replica: PrismaClient): PrismaClient {
  const routed = primary.$extends(readReplicas({ replicas: [replica] }));
  return new Proxy(routed, {
    get(target, property, receiver) {
      if (property === "$queryRaw" || property === "$queryRawUnsafe") {
        const client = target.$replica();
        return client[property].bind(client);
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as PrismaClient; // same model API and results
}

export function db(): PrismaClient {
  const replicaUrl = readPreference.getStore() === "replica" ? env().DATABASE_REPLICA_URL : undefined;
  if (!replicaUrl) return primaryClient();
  globalForDb.tripartiteReplicaDb ??= withReadReplica(primaryClient(), createPrismaClient(replicaUrl));
  return globalForDb.tripartiteReplicaDb;
}

/**
 * Runs `work` with its database reads sent to the read replica (when DATABASE_REPLICA_URL is set):
 * only for reads that may be a little behind the primary and fill no shared cache.
 */
export function readingFromReplica<T>(work: () => Promise<T>): Promise<T> {
  return readPreference.run("replica", work);
}

/** Runs `work` on the primary, even inside readingFromReplica: what fills a shared cache must be current. */
export function readingFromPrimary<T>(work: () => Promise<T>): Promise<T> {
  return readPreference.run("primary", work);
}

export { Prisma } from "./generated/prisma/client";
export * from "./generated/prisma/enums";
