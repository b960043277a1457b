// The address of a signed-in view in Next's page cache: which view (national, or one region's), for which
// reader (lib/oversight/reader.ts) and with which filters, signed with this process's key. Only the proxy
// makes such addresses (lib/page-cache/rewrite.ts): it puts one in a request header, which a rewrite of
// next.config.ts turns into the page's address inside the server; the visitor never sees it, the proxy
// drops that header from every request it did not set it on, and answers 404 to anyone asking for a
// cached copy's address. The signature makes addresses unforgeable all the same.
// No "server-only": the proxy bundle and next.config.ts import it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { OversightScope } from "../oversight/schemas";

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
  return ["/espace/national", "/espace/regions/:code"].map((source) => ({ source, has, destination: `${CACHED_VIEW_PREFIX}/:entry` }));
}

export type CachedViewEntry = { scope: OversightScope; reader: string; query: string };

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
  const scope = entry.scope.kind === "national" ? "national" : `region:${entry.scope.regionCode}`;
  const payload = Buffer.from(JSON.stringify([scope, entry.reader, entry.query])).toString("base64url");
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
    const [scope, reader, query] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
    if (typeof scope !== "string" || typeof reader !== "string" || typeof query !== "string") return null;
    const region = /^region:(\d{2})$/.exec(scope);
    if (scope !== "national" && !region) return null;
    return { scope: region ? { kind: "region", regionCode: region[1] } : { kind: "national" }, reader, query };
  } catch {
    return null;
  }
}
