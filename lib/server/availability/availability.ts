// Is the database there? One answer per server process, shared by the data layer (which learns it from
// every query and from the pool's error events) and by the proxy (which answers 503 while it is down).
// No import of pg, Prisma or "server-only": the proxy bundle, the scripts and the Prisma CLI load it too.

/** Error codes that mean "the database cannot be reached right now", not "this request is wrong". */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections, 08xxx connection exceptions.
const SQLSTATE = /^(57P0[123]|53300|08\d{3})$/;
// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres reports a dropped or refused connection with plain Errors, without a code.
const PG_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "Cannot use a pool after calling end on the pool",
];

type Loose = { code?: unknown; kind?: unknown; message?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

// Every connection of the pool was in use for longer than the connect timeout: node-postgres's pool says
// so with this message and no code (a connection that could not be opened says "Connection terminated
// due to connection timeout"), Prisma's own pool with P2024. The server is overloaded; the database
// answers. Treating it as an outage would turn a load peak into 503s for every visitor.
const POOL_WAIT_MESSAGE = "timeout exceeded when trying to connect";

/** True when a query failed only because no pooled connection came free in time (a load peak, not an outage). */
export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Loose;
  if (e.code === "P2024") return true;
  if (e.code === undefined && typeof e.message === "string" && e.message.includes(POOL_WAIT_MESSAGE)) return true;
  if (e.meta?.driverAdapterError && isDatabaseBusy(e.meta.driverAdapterError, depth + 1)) return true;
  return isDatabaseBusy(e.cause, depth + 1);
}

/** True when an error (a Prisma error, a driver adapter error, a pg or socket error) means the database is unreachable. */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Loose;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (NODE_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (PG_MESSAGES.some((m) => message.includes(m))) return true;
  // A raw query that failed for want of a connection: P2010 wraps the adapter's error.
  if (/Can't reach database server|Code: `(57P0[123]|08\d{3})`/.test(message)) return true;
  if (e.meta?.driverAdapterError && isDatabaseOutage(e.meta.driverAdapterError, depth + 1)) return true;
  return isDatabaseOutage(e.cause, depth + 1);
}

type Probe = () => Promise<unknown>;

type State = {
  /** Since when the database is known to be down (ms since epoch), or null when it answers. */
  downSince: number | null;
  lastProbeAt: number;
  probing: Promise<boolean> | null;
  probe: Probe | null;
  outages: number;
  /** Until when requests that fail are answered 503 because the pool was saturated (ms since epoch). */
  busyUntil: number;
  busyLoggedAt: number;
};

// On globalThis: Next loads the proxy and the routes as separate bundles of one Node process.
const KEY = Symbol.for("tripartite.databaseAvailability");
const holder = globalThis as unknown as Record<symbol, State | undefined>;

function state(): State {
  holder[KEY] ??= { downSince: null, lastProbeAt: 0, probing: null, probe: null, outages: 0, busyUntil: 0, busyLoggedAt: 0 };
  return holder[KEY];
}

/** Seconds between two checks of a database known to be down (one request waits for the check, the others get a 503). */
export const REPROBE_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

export function databaseStatus(): { up: boolean; downSince: number | null; outages: number } {
  const s = state();
  return { up: s.downSince === null, downSince: s.downSince, outages: s.outages };
}

/** How long after a pool timeout the server answers its failures 503 (busy) rather than 500. */
export const BUSY_WINDOW_MS = 2_000;

/** True for a short while after a query waited too long for a pooled connection. */
export function databaseBusy(now = Date.now()): boolean {
  return state().busyUntil > now;
}

export function noteDatabaseError(error: unknown): void {
  const s = state();
  if (isDatabaseBusy(error)) {
    const now = Date.now();
    s.busyUntil = now + BUSY_WINDOW_MS;
    if (now - s.busyLoggedAt > 10_000) {
      s.busyLoggedAt = now;
      console.error("Base de données très sollicitée : aucune connexion libre à temps, la requête reçoit une réponse 503 (la base reste considérée comme disponible).");
    }
    return;
  }
  if (!isDatabaseOutage(error)) return;
  if (s.downSince === null) {
    s.downSince = Date.now();
    s.lastProbeAt = s.downSince;
    s.outages += 1;
    console.error(`Base de données injoignable : les requêtes reçoivent une réponse 503 jusqu'à son retour (${describe(error)}).`);
  }
}

/** `since`: when the query that answered was sent; one sent before the outage began proves nothing. */
export function noteDatabaseSuccess(since = Date.now()): void {
  const s = state();
  if (s.downSince === null || since < s.downSince) return;
  console.error(`Base de données de retour après ${Math.round((Date.now() - s.downSince) / 1000)} s.`);
  s.downSince = null;
}

/** How to check the database cheaply (the app's pool: `SELECT 1`); the last one registered wins. */
export function registerDatabaseProbe(probe: Probe): void {
  state().probe = probe;
}

function describe(error: unknown): string {
  const e = error as Loose;
  const code = typeof e?.code === "string" ? e.code : typeof e?.kind === "string" ? e.kind : "";
  const message = typeof e?.message === "string" ? e.message.trim().split("\n").pop() : String(error);
  return [code, message].filter(Boolean).join(" ").slice(0, 200);
}

async function runProbe(s: State): Promise<boolean> {
  const sent = (s.lastProbeAt = Date.now());
  if (!s.probe) {
    // Nothing to check with (no pool yet): let requests through, the data layer reports again if it fails.
    s.downSince = null;
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      s.probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("timeout exceeded when trying to connect"), { code: "ETIMEDOUT" })), PROBE_TIMEOUT_MS);
      }),
    ]);
    noteDatabaseSuccess(sent);
    return true;
  } catch (error) {
    noteDatabaseError(error);
    return state().downSince === null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For the proxy: true when the request may go on to the app. While the database is down, one request
 * per REPROBE_MS waits for a check (bounded); the others are answered at once.
 */
export async function databaseLikelyUp(now = Date.now()): Promise<boolean> {
  const s = state();
  if (s.downSince === null) return true;
  if (s.probing || now - s.lastProbeAt < REPROBE_MS) return false;
  s.probing = runProbe(s).finally(() => {
    s.probing = null;
  });
  return s.probing;
}

type Watchable = {
  queryRaw: (...args: never[]) => Promise<unknown>;
  executeRaw: (...args: never[]) => Promise<unknown>;
};

/** Wraps a driver adapter (or one of its transactions) so that each query tells whether the database answered. */
export function watchQueries<T extends Watchable>(target: T): T {
  for (const name of ["queryRaw", "executeRaw"] as const) {
    const original = target[name].bind(target) as (...args: unknown[]) => Promise<unknown>;
    (target as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const sent = Date.now();
      try {
        const result = await original(...args);
        noteDatabaseSuccess(sent);
        return result;
      } catch (error) {
        noteDatabaseError(error);
        throw error;
      }
    };
  }
  return target;
}
