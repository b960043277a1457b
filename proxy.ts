// Runs before every page, route handler and server action (not static files):
// - the forwarded headers (X-Forwarded-Host, -Proto, -For…) reduced to what the trusted reverse proxies
//   wrote, none by default (TRUSTED_PROXY_HOPS, lib/http/trusted-proxy.ts): everything after, Next's own
//   origin check of server actions included, reads those;
// - a French 400 for an address no link produces, or a router header (RSC, Next-Router-…) the app's
//   router never sends (lib/http/malformed-url.ts, lib/http/router-headers.ts); a French 403 for a
//   server action from another site; and while the database is down a French 503 at once instead of
//   letting the request fail (lib/health/outage.ts);
// - on pages rendered per request (workspace, sign-in), a fresh CSP nonce, which Next reads from the
//   request's Content-Security-Policy and puts on each of its scripts (lib/server/http/security-headers.ts).
//   Every other page gets its headers from next.config.ts.
// - the national and regional views and the departments' workspaces loaded (or navigated to) by a
//   signed-in reader who may open them: their cached copy for that reader (lib/page-cache/rewrite.ts,
//   through a rewrite of next.config.ts); the router's prefetches get the page rendered per request. The cached
//   copies' own addresses answer 404 from outside, and the header naming a copy is dropped from every
//   other request.
// next.config.ts sets skipProxyUrlNormalize, so that this sees the request as sent: the router's headers
// and its `_rsc` parameter included.
import { NextResponse, type NextRequest } from "next/server";
import { databaseGate } from "@/lib/health/outage";
import { malformedUrlResponse } from "@/lib/http/malformed-url";
import { crossSiteActionResponse, malformedRouterHeaderResponse } from "@/lib/http/router-headers";
import { trustedProxyHops, withTrustedForwarding } from "@/lib/http/trusted-proxy";
import { CACHED_VIEW_HEADERS, cachedViewHeaders, cachedViewNotFound, isCachedViewPath } from "@/lib/page-cache/rewrite";
import { isPerRequestPage, perRequestHeaders } from "@/lib/server/http/security-headers";

export async function proxy(request: NextRequest) {
  const hops = trustedProxyHops();
  const refused = malformedUrlResponse(request) ?? malformedRouterHeaderResponse(request) ?? crossSiteActionResponse(request, hops) ?? (await databaseGate(request));
  if (refused) return refused;
  if (isCachedViewPath(request.nextUrl.pathname)) return cachedViewNotFound();
  const trusted = withTrustedForwarding(request.headers, hops);
  const cachedView = await cachedViewHeaders(request, trusted);
  const forwarded = cachedView?.headers ?? trusted;
  if (cachedView?.cached) return NextResponse.next({ request: { headers: forwarded }, headers: CACHED_VIEW_HEADERS });
  if (!isPerRequestPage(request.nextUrl.pathname)) return NextResponse.next({ request: { headers: forwarded } });
  const headers = perRequestHeaders(trusted, { dev: process.env.NODE_ENV === "development" });
  for (const [name, value] of Object.entries(headers.request)) forwarded.set(name, value);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
