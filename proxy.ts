// Runs before every page, route handler and server action (not static files):
// - a French 400 for an address no link produces, and while the database is down a French 503 at once
//   instead of letting the request fail (lib/http/malformed-url.ts, lib/health/outage.ts);
// - on pages rendered per request (workspace, sign-in), a fresh CSP nonce, which Next reads from the
//   request's Content-Security-Policy and puts on each of its scripts (lib/server/security-headers.ts).
//   Every other page gets its headers from next.config.ts.
import { NextResponse, type NextRequest } from "next/server";
import { databaseGate } from "@/lib/health/outage";
import { malformedUrlResponse } from "@/lib/http/malformed-url";
import { isPerRequestPage, perRequestHeaders } from "@/lib/server/security-headers";

export async function proxy(request: NextRequest) {
  const refused = malformedUrlResponse(request) ?? (await databaseGate(request));
  if (refused) return refused;
  if (!isPerRequestPage(request.nextUrl.pathname)) return NextResponse.next();
  const headers = perRequestHeaders(request.headers, { dev: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) forwarded.set(name, value);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
