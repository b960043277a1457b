// The one place that builds the PostgreSQL driver adapter, for the app, the scripts and the Prisma CLI.
// @prisma/adapter-pg 6.19 needs six fixes to run Prisma Migrate without native engines (docs/decisions/prisma-6-moteur-javascript.md), and a
// seventh so that a restarted database server does not leak pool connections.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlQuery, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { noteDatabaseError, registerDatabaseProbe, watchQueries } from "./availability/availability";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number; wasCatalogChar?: boolean };
type FieldResult = { fields?: Field[] };

function relabelCatalogTypes<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as FieldResult[];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.wasCatalogChar = true;
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/**
 * Fix 1: Prisma Migrate reads catalog columns of type `name` and `"char"`, which the adapter cannot map
 * (prisma/orm#27403). Their wire format is the same as `text`: relabel them, values unchanged.
 * The schema engine still reads `"char"` columns (pg_constraint.contype) as a Character: see fix 6.
 */
class CatalogSafeClient extends pg.Client {
  // pg's overloads are many; forward them all and fix the result on every path.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callbackIndex = args.findIndex((a) => typeof a === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (err: Error | null, res: unknown) => callback(err, err ? res : relabelCatalogTypes(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(relabelCatalogTypes) : out;
  }
}

export function poolConfigFromUrl(url: string): pg.PoolConfig {
  // Fix 2: discrete fields, not a connectionString, so that `{ ...config, database }` (shadow database)
  // really targets another database.
  const parsed = parseIntoClientConfig(url) as pg.ClientConfig;
  return {
    ...parsed,
    Client: CatalogSafeClient,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A database that does not answer fails the request within seconds instead of holding it (pg waits forever by default).
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
    // Fix 4: let short-lived processes (CLI, scripts) exit once the pool is idle.
    allowExitOnIdle: true,
  };
}

/**
 * Connections of the pool that queries outside a transaction never take: a burst of reads (pages and
 * API answers recomputing what a write expired) must leave writers a connection for their transaction,
 * whose saves would otherwise wait behind the reads and fail with "timeout exceeded when trying to
 * connect" (a 503). A quarter of the pool, at most 3 (2 of the default 10); none for a pool of 1 to 3.
 */
export function reservedForTransactions(poolSize: number): number {
  return Math.min(3, Math.floor(poolSize / 4));
}

/**
 * Fix 8 (not a driver bug): queries outside a transaction (`pool.query`) may hold at most
 * `max - reserved` connections at once; the others wait here, in order, as long as the pool would have
 * made them wait (then fail with the pool's own message, so that lib/server/availability reads it as
 * "busy", not "down"). Transactions take their connection with `pool.connect()`, which is not gated.
 */
const GATED = Symbol("tripartite.gatedReads");

export function gateReads(pool: pg.Pool, limit: number, waitMs: number): void {
  const marked = pool as pg.Pool & { [GATED]?: true };
  if (limit < 1 || marked[GATED]) return;
  marked[GATED] = true;
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout | undefined }[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };
  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (running < limit) {
        running++;
        return resolve();
      }
      const waiter = {
        start: () => {
          running++;
          resolve();
        },
        timer: undefined as NodeJS.Timeout | undefined,
      };
      if (waitMs > 0)
        waiter.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error("timeout exceeded when trying to connect"));
        }, waitMs);
      waiting.push(waiter);
    });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // Only the promise form is used here (the adapter, the probe, executeScript): a callback call goes straight through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (pool as any).query = (...args: unknown[]) => {
    if (args.some((a) => typeof a === "function")) return query(...args);
    return acquire().then(() => query(...args).finally(release));
  };
}

type Transaction = Awaited<ReturnType<Awaited<ReturnType<PrismaPg["connect"]>>["startTransaction"]>>;

/**
 * Fix 7: Prisma ends a transaction by sending COMMIT or ROLLBACK and only then hands the connection back
 * (`commit()` / `rollback()`). When the connection was lost (server restarted), that query throws and
 * the connection is never handed back: each lost transaction leaks a slot until the pool is empty and the
 * app hangs for good. Hand it back anyway (pg drops a broken connection instead of reusing it).
 */
function releaseOnFailedEnd(tx: Transaction): Transaction {
  let released = false;
  const release = tx.rollback.bind(tx);
  const releaseOnce = async () => {
    if (released) return;
    released = true;
    await release();
  };
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await releaseOnce();
      throw error;
    }
  };
  tx.commit = releaseOnce;
  tx.rollback = releaseOnce;
  return tx;
}

class TripartitePgFactory extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    // A connection dropped by the server (restart, failover) is reported here, never as an unhandled 'error'.
    super(poolConfig, { onPoolError: noteDatabaseError, onConnectionError: noteDatabaseError });
  }

  // Fix 5: the stock executeScript splits migrations on every ";", which breaks any function body
  // (dollar-quoted PL/pgSQL). Send the script whole, as the native engine does (one simple query).
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    const size = this.poolConfig.max ?? 10;
    gateReads(pool, size - reservedForTransactions(size), this.poolConfig.connectionTimeoutMillis ?? 0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const onError = (adapter as any).onError.bind(adapter) as (error: unknown) => never;
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        onError(error);
      }
    };

    // Fix 6: the schema engine panics ("unreachable") when a `"char"` catalog column comes back as Text,
    // as soon as the database has CHECK constraints. Report those columns as Character again.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const performIO = (adapter as any).performIO.bind(adapter) as (q: SqlQuery) => Promise<{ fields: Field[] }>;
    const queryRaw = adapter.queryRaw;
    adapter.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
      let charColumns: number[] = [];
      const view = Object.create(adapter, {
        performIO: {
          value: async (q: SqlQuery) => {
            const result = await performIO(q);
            charColumns = result.fields.flatMap((f, i) => (f.wasCatalogChar ? [i] : []));
            return result;
          },
        },
      });
      const resultSet = await queryRaw.call(view, query);
      for (const i of charColumns) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
      return resultSet;
    };

    // Every query tells lib/server/availability/availability.ts whether the database answered (the proxy's 503 gate).
    watchQueries(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      try {
        return watchQueries(releaseOnFailedEnd(await startTransaction(...args)));
      } catch (error) {
        noteDatabaseError(error);
        throw error;
      }
    };
    registerDatabaseProbe(() => pool.query("SELECT 1"));
    return adapter;
  }

  // Fix 3: the stock version drops the shadow database while its own pool is still connected.
  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowFactory = new TripartitePgFactory({ ...this.poolConfig, database });
    const shadow = await shadowFactory.connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

export function createAdapterFactory(url: string) {
  return new TripartitePgFactory(poolConfigFromUrl(url));
}
