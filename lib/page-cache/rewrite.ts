// The signed-in national and regional views and the departments' workspaces, served from Next's page
// cache, rendered on first visit and invalidated by the same tags as the data they show
// (lib/server/cache/cache.ts: every write, on every instance). One copy of a national or regional view per
// reader (what they may read, lib/server/reader.ts) and filters; one copy of a department's workspace
// per set of roles (its buttons and forms follow every role: the roles key of lib/server/reader.ts), without query. The proxy
// reads the session (session-reader.ts), checks that its reader may open an oversight view (the same
// rule as the pages; a workspace's copy checks with the data layer, as the page does), and gives the page
// load, or the client-side navigation to it (links inside the app), the cached copy's signed address
// (entry.ts); Next tells the browser's router of the rewrite. Anything else — the router's prefetches,
// server actions, a workspace with a one-time message, far pages of a view's tables, no or an invalid
// session, a view the reader may not open, a database that does not answer — goes to the page rendered
// per request, as before.
// No "server-only": the proxy bundle imports it.
import type { NextRequest } from "next/server";
import { SESSION_COOKIE, cookieName } from "../auth/cookies";
import { frenchPage } from "../http/french-response";
import { mayOversee } from "../oversight/access";
import { readerOf, rolesKey } from "../server/reader";
import { oversightQuery, parseOversightParams } from "../oversight/schemas";
import { isHttps } from "../server/http/security-headers";
import { CACHED_VIEW_HEADER, CACHED_VIEW_PREFIX, encodeEntry, type CachedView } from "./entry";
import { viewerRolesFromToken } from "./session-reader";

/**
 * On every copy: for this reader only. Neither the browser nor a shared cache in front may store it,
 * whatever Next's page cache would otherwise say.
 */
export const CACHED_VIEW_HEADERS: Record<string, string> = { "Cache-Control": "private, no-store" };

/** The last page of a view's tables (contracts, departments, overdue reports) that gets a cached copy. */
export const MAX_CACHED_PAGE = 5;

/** The view a workspace address shows, when it is one of the cached ones. */
export function cachedViewOf(pathname: string): CachedView | null {
  if (pathname === "/espace/national") return { kind: "national" };
  const region = /^\/espace\/regions\/(\d{2})$/.exec(pathname);
  if (region) return { kind: "region", regionCode: region[1] };
  const department = /^\/espace\/departements\/([0-9A-Z]{1,5})$/.exec(pathname);
  return department ? { kind: "department", departmentCode: department[1] } : null;
}

/** The cached copies' addresses, however they are spelt (percent-encoded, in capitals). */
export function isCachedViewPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Left as it is: the proxy refuses malformed addresses before this.
  }
  return [pathname, decoded].some((p) => {
    const lower = p.toLowerCase();
    return lower === CACHED_VIEW_PREFIX || lower.startsWith(`${CACHED_VIEW_PREFIX}/`);
  });
}

/** What the proxy answers to anyone asking for a cached copy's address directly. */
export function cachedViewNotFound(): Response {
  return frenchPage(404, {
    title: "Page introuvable",
    paragraphs: ["La page demandée n'existe pas."],
    link: { href: "/", label: "Retour à l'accueil" },
  });
}

/** The first value of each search parameter, as the pages read them. */
function firstValues(search: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of search) if (!(name in values)) values[name] = value;
  return values;
}

/**
 * The request headers to go on with, when they change: with the signed address of the cached copy when
 * this is a page load (or a client navigation) of a cached view by a reader who may open it (next.config.ts then serves that
 * copy; `cached` is true), and never with that header as the visitor sent it. Null: nothing to change.
 * `headers`: the request's, the forwarded ones already reduced to the trusted proxies' (lib/http/trusted-proxy.ts).
 */
export async function cachedViewHeaders(request: NextRequest, headers: Headers = request.headers): Promise<{ cached: boolean; headers: Headers } | null> {
  const entry = await cachedViewEntry(request, headers);
  if (!entry && !headers.has(CACHED_VIEW_HEADER)) return null;
  const result = new Headers(headers);
  result.delete(CACHED_VIEW_HEADER);
  if (entry) result.set(CACHED_VIEW_HEADER, entry);
  return { cached: entry !== null, headers: result };
}

/** The page's own query: without the router's cache-busting `_rsc` parameter (next.config.ts's skipProxyUrlNormalize leaves it). */
function pageSearch(url: URL): URLSearchParams {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  return search;
}

async function cachedViewEntry(request: NextRequest, headers: Headers): Promise<string | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // The router's prefetches (a link in sight) carry Next-Router-Prefetch, and Next-Router-Segment-Prefetch
  // for each segment; they reach the proxy because next.config.ts sets skipProxyUrlNormalize (Next would
  // otherwise remove them before the proxy runs, and every prefetch would be served from the copy).
  if (headers.has("next-router-prefetch") || headers.has("next-router-segment-prefetch") || headers.has("next-action")) return null;
  const view = cachedViewOf(request.nextUrl.pathname);
  const search = pageSearch(request.nextUrl);
  // A workspace with a query carries a one-time message (an action just archived): rendered per request.
  if (!view || (view.kind === "department" && search.size > 0)) return null;
  const viewer = await viewerRolesFromToken(request.cookies.get(cookieName(SESSION_COOKIE, isHttps(headers)))?.value);
  if (!viewer) return null;
  if (view.kind === "department") return encodeEntry({ view, key: rolesKey(viewer), query: "" });
  if (!mayOversee(viewer, view)) return null;
  const params = parseOversightParams(firstValues(search));
  // Far pages get no copy: each would take about 1 MB of the memory cache the public pages share.
  if (Math.max(params.page, params.departmentPage, params.reportPage, params.mapPage) > MAX_CACHED_PAGE) return null;
  // A regional view is its own region: the region filter does not apply (as on the page).
  const query = oversightQuery(view.kind === "region" ? { ...params, filters: { ...params.filters, region: null } } : params);
  // Keyed by the reader's roles (what they may read), not the user's: two national officials share a copy.
  return encodeEntry({ view, key: rolesKey(readerOf(viewer)), query });
}
