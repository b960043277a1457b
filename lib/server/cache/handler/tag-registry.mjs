// The cluster's cache tags: which tags were revalidated, by any instance, and when. Kept in
// PostgreSQL ("CacheTagRevalidation", one row per tag with a version from one sequence) and mirrored
// in this process, so that checking an entry costs a map lookup per tag.
//
// Strict: `sync()` resolves once this process knows every revalidation committed before it was
// called. Versions commit in order (the SQL function cache_tags_revalidate takes a lock), so a sync
// only asks for the versions above the highest one seen. Concurrent callers share one round trip:
// the calls that arrive while a query runs all wait for the next one. When the database does not
// answer, `sync()` says so (false) within the query timeout and then stops trying for a moment:
// callers go on with what this process knows; revalidations that could not be recorded are kept and
// sent again with the next sync.
//
// `maxLagMs` (CACHE_TAGS_MAX_LAG_MS, 0 by default) trades strictness for fewer queries: a sync that
// started less than that long ago counts, so another instance's revalidation may take up to that
// long to be seen here.
import pg from "pg";

// The versions above the last one seen, and the highest version of all (the row whose tag is null):
// lower than the last one seen means the database was restored or replaced.
const FETCH_SQL = `SELECT tag, version::text AS version, (extract(epoch FROM "revalidatedAt") * 1000)::float8 AS at, "expireSeconds" AS expire
  FROM "CacheTagRevalidation" WHERE version > $1
  UNION ALL SELECT NULL, coalesce(max(version), 0)::text, NULL, NULL FROM "CacheTagRevalidation"`;
const REVALIDATE_SQL = `SELECT tag, version::text AS version FROM cache_tags_revalidate($1::text[], $2::int)`;

/** @typedef {{ version: number, at: number }} Stamp  what a cache entry was built from: the versions known, and when (this process's clock) */
/** @typedef {{ version: number, revalidatedAt: number, expireSeconds: number | null, localAt: number }} TagState */

const now = () => performance.timeOrigin + performance.now();

export class TagRegistry {
  /**
   * @param {{ connectionString?: string | null, queryTimeoutMs?: number, retryAfterMs?: number, maxLagMs?: number, log?: (message: string, error?: unknown) => void, onReset?: () => void }} options
   */
  constructor({ connectionString = null, queryTimeoutMs = 2000, retryAfterMs = 1000, maxLagMs = 0, log = defaultLog, onReset = () => {} } = {}) {
    this.connectionString = connectionString;
    /** Called when the database turns out to be older than what this process saw (a restore). */
    this.onReset = onReset;
    this.maxLagMs = maxLagMs;
    /** When the last successful round started. */
    this.syncedAt = -Infinity;
    this.queryTimeoutMs = queryTimeoutMs;
    this.retryAfterMs = retryAfterMs;
    this.log = log;
    /** @type {Map<string, TagState>} */
    this.tags = new Map();
    /** Highest version read from the database: every version up to it is in `tags`. */
    this.known = 0;
    /** Revalidations not recorded yet (the database did not answer): tag → expireSeconds. */
    this.pending = new Map();
    this.failingSince = 0;
    this.retryAt = 0;
    /** @type {Promise<boolean> | null} */ this.running = null;
    /** @type {Promise<boolean> | null} */ this.queued = null;
    /** @type {pg.Pool | null} */ this.pool = null;
  }

  get shared() {
    return Boolean(this.connectionString);
  }

  /** @returns {pg.Pool} */
  getPool() {
    if (!this.pool) {
      this.pool = new pg.Pool({
        connectionString: /** @type {string} */ (this.connectionString),
        max: 2,
        connectionTimeoutMillis: this.queryTimeoutMs,
        query_timeout: this.queryTimeoutMs,
        idleTimeoutMillis: 30_000,
        allowExitOnIdle: true,
        application_name: "tripartite-cache-tags",
      });
      // An idle connection that breaks must not take the server down: the next query reconnects.
      this.pool.on("error", (error) => this.log("connexion au cache partagé interrompue", error));
    }
    return this.pool;
  }

  /** What an entry built from now on depends on. */
  stamp() {
    return { version: this.known, at: now() };
  }

  /**
   * "fresh", "stale" (serve, refresh in the background) or "expired" (a miss), for an entry with these
   * tags built at `stamp`.
   * @param {Iterable<string>} tags
   * @param {Stamp} stamp
   * @returns {"fresh" | "stale" | "expired"}
   */
  check(tags, stamp) {
    let result = /** @type {"fresh" | "stale"} */ ("fresh");
    for (const tag of tags) {
      const state = this.tags.get(tag);
      if (!state || (state.version <= stamp.version && state.localAt <= stamp.at)) continue;
      if (!state.expireSeconds || now() >= state.revalidatedAt + state.expireSeconds * 1000) return "expired";
      result = "stale";
    }
    return result;
  }

  /**
   * Records a revalidation: at once in this process, then in the database for the other instances.
   * Never throws: when the database does not answer, it is sent again with the next sync.
   * @param {string[]} tags
   * @param {number | null} expireSeconds null or 0: entries become misses at once
   */
  async revalidate(tags, expireSeconds) {
    const at = now();
    const expire = expireSeconds || null;
    for (const tag of tags) {
      const state = this.tags.get(tag);
      this.tags.set(tag, { version: state?.version ?? 0, revalidatedAt: at, expireSeconds: expire, localAt: at });
    }
    if (!this.shared || tags.length === 0) return;
    for (const tag of tags) this.pending.set(tag, expire);
    try {
      await this.flushPending();
    } catch (error) {
      this.failed(error);
    }
  }

  /** Sends the revalidations not recorded yet, grouped by lifetime. */
  async flushPending() {
    if (this.pending.size === 0) return;
    const byExpire = new Map();
    for (const [tag, expire] of this.pending) byExpire.set(expire, [...(byExpire.get(expire) ?? []), tag]);
    for (const [expire, tags] of byExpire) {
      const { rows } = await this.getPool().query(REVALIDATE_SQL, [tags, expire]);
      for (const row of rows) {
        // Not `known`: versions below this one, written by others, may still be unread.
        const state = this.tags.get(row.tag);
        if (state) state.version = Math.max(state.version, Number(row.version));
        if (this.pending.get(row.tag) === expire) this.pending.delete(row.tag);
      }
    }
  }

  /**
   * Resolves true once every revalidation committed before the call is known here; false when the
   * database did not answer (the caller goes on with what this process knows).
   * @returns {Promise<boolean>}
   */
  sync() {
    if (!this.shared) return Promise.resolve(true);
    if (this.maxLagMs > 0 && now() - this.syncedAt < this.maxLagMs) return Promise.resolve(true);
    if (!this.running) return this.start();
    // A round is under way, maybe started before the revalidation the caller must see: wait for the next.
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  /** @returns {Promise<boolean>} */
  start() {
    const round = this.round().finally(() => {
      if (this.running === round && !this.queued) this.running = null;
    });
    this.running = round;
    return round;
  }

  /** @returns {Promise<boolean>} */
  async round() {
    if (now() < this.retryAt) return false;
    const startedAt = now();
    try {
      await this.flushPending();
      let { rows } = await this.getPool().query(FETCH_SQL, [String(this.known)]);
      if (Number(rows.find((row) => row.tag === null).version) < this.known) {
        // Versions went back: every entry of this process may hold data the database no longer has.
        this.log("cache partagé : la base de données a été restaurée ou remplacée, le cache de cette instance est vidé");
        this.tags.clear();
        this.known = 0;
        this.onReset();
        ({ rows } = await this.getPool().query(FETCH_SQL, ["0"]));
      }
      for (const row of rows) {
        if (row.tag === null) continue;
        const version = Number(row.version);
        const state = this.tags.get(row.tag);
        this.tags.set(row.tag, { version, revalidatedAt: Number(row.at), expireSeconds: row.expire, localAt: state?.localAt ?? 0 });
        if (version > this.known) this.known = version;
      }
      this.syncedAt = startedAt;
      if (this.failingSince) this.log(`cache partagé : base de données de nouveau joignable (${Math.round((now() - this.failingSince) / 1000)} s d'interruption)`);
      this.failingSince = 0;
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  /** @param {unknown} error */
  failed(error) {
    this.retryAt = now() + this.retryAfterMs;
    if (!this.failingSince) {
      this.failingSince = now();
      this.log("cache partagé : base de données injoignable, les pages en mémoire restent servies et les invalidations seront transmises au retour", error);
    }
  }

  async close() {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }
}

/** @param {string} message @param {unknown} [error] */
function defaultLog(message, error) {
  console.error(`[cache] ${message}${error ? ` : ${error instanceof Error ? error.message : String(error)}` : ""}`);
}
