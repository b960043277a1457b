// Runs before every page, route handler and server action (not static files):
// - a French 400 for an address no link produces, and while the database is down a French 503 at once
//   instead of letting the request fail (lib/http/malformed-url.ts, lib/health/outage.ts);
// - on pages rendered per request (workspace, sign-in), a fresh CSP nonce, which Next reads from the
//   request's Content-Security-Policy and puts on each of its scripts (lib/server/security-headers.ts).
//   Every other page gets its headers from next.config.ts.
// - the national and regional views loaded by a signed-in reader who may open them: their cached copy for
//   that reader (lib/page-cache/rewrite.ts, through a rewrite of next.config.ts); the cached copies' own
//   addresses answer 404 from outside, and the header naming a copy is dropped from every other request.
import { NextResponse, type NextRequest } from "next/server";
import { databaseGate } from "@/lib/health/outage";
import { malformedUrlResponse } from "@/lib/http/malformed-url";
import { CACHED_VIEW_HEADERS, cachedViewHeaders, cachedViewNotFound, isCachedViewPath } from "@/lib/page-cache/rewrite";
import { isPerRequestPage, perRequestHeaders } from "@/lib/server/security-headers";

export async function proxy(request: NextRequest) {
  const refused = malformedUrlResponse(request) ?? (await databaseGate(request));
  if (refused) return refused;
  if (isCachedViewPath(request.nextUrl.pathname)) return cachedViewNotFound();
  const cachedView = await cachedViewHeaders(request);
  if (cachedView?.cached) return NextResponse.next({ request: { headers: cachedView.headers }, headers: CACHED_VIEW_HEADERS });
  const forwarded = cachedView?.headers ?? new Headers(request.headers);
  if (!isPerRequestPage(request.nextUrl.pathname)) return cachedView ? NextResponse.next({ request: { headers: forwarded } }) : NextResponse.next();
  const headers = perRequestHeaders(request.headers, { dev: process.env.NODE_ENV === "development" });
  for (const [name, value] of Object.entries(headers.request)) forwarded.set(name, value);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
