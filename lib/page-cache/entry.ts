// The address of a signed-in view in Next's page cache: which view (national, one region's, or one
// department's workspace), for whom (the roles of a reader, lib/server/reader.ts, or of a user: its roles key, same file)
// and with which filters, signed with this process's key. Only the proxy
// makes such addresses (lib/page-cache/rewrite.ts): it puts one in a request header, which a rewrite of
// next.config.ts turns into the page's address inside the server; the visitor never sees it, the proxy
// drops that header from every request it did not set it on, and answers 404 to anyone asking for a
// cached copy's address. The signature makes addresses unforgeable all the same.
// No "server-only": the proxy bundle and next.config.ts import it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Where the cached views live: never reachable from outside (the proxy answers 404). */
export const CACHED_VIEW_PREFIX = "/vues-en-cache";

/** The request header the proxy puts the signed entry in (and removes from every other request). */
export const CACHED_VIEW_HEADER = "x-tripartite-cached-view";

/**
 * next.config.ts's rewrites (before the file system): a view's page load carrying the proxy's header is
 * served by the cached copy it names. Internal rewrites, whatever the host name the server listens on.
 */
export function cachedViewRewrites() {
  const has = [{ type: "header" as const, key: CACHED_VIEW_HEADER, value: "(?<entry>[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)" }];
  return ["/espace/national", "/espace/regions/:code", "/espace/departements/:code"].map((source) => ({ source, has, destination: `${CACHED_VIEW_PREFIX}/:entry` }));
}

export type CachedView = { kind: "national" } | { kind: "region"; regionCode: string } | { kind: "department"; departmentCode: string };

/** A cached copy: the view, whose copy it is (`key`: a reader key for national and regional views, a roles key for a department), and the view's normalized query. */
export type CachedViewEntry = { view: CachedView; key: string; query: string };

const viewName = (view: CachedView) => (view.kind === "national" ? "national" : view.kind === "region" ? `region:${view.regionCode}` : `department:${view.departmentCode}`);

function viewOf(name: string): CachedView | null {
  if (name === "national") return { kind: "national" };
  const region = /^region:(\d{2})$/.exec(name);
  if (region) return { kind: "region", regionCode: region[1] };
  const department = /^department:([0-9A-Z]{1,5})$/.exec(name);
  return department ? { kind: "department", departmentCode: department[1] } : null;
}

const KEY_VARIABLE = "TRIPARTITE_PAGE_CACHE_KEY";

/**
 * The signing key: PAGE_CACHE_KEY when set, else a random one drawn by this process (the proxy and the
 * pages share process.env). Each instance signs and serves its own copies, so instances need not agree.
 */
function signingKey(): string {
  process.env[KEY_VARIABLE] ??= process.env.PAGE_CACHE_KEY || randomBytes(32).toString("base64url");
  return process.env[KEY_VARIABLE];
}

const sign = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest("base64url");

/** The path segment of an entry: its JSON in base64url, a dot, and its HMAC-SHA256. */
export function encodeEntry(entry: CachedViewEntry): string {
  const payload = Buffer.from(JSON.stringify([viewName(entry.view), entry.key, entry.query])).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The entry behind a path segment, or null when it is malformed or its signature is not ours. */
export function decodeEntry(segment: string): CachedViewEntry | null {
  const [payload, signature, ...rest] = segment.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [name, key, query] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
    if (typeof name !== "string" || typeof key !== "string" || typeof query !== "string") return null;
    const view = viewOf(name);
    return view ? { view, key, query } : null;
  } catch {
    return null;
  }
}
