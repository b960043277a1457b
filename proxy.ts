import { NextResponse, type NextRequest } from "next/server";
import { isPerRequestPage, perRequestHeaders } from "./lib/server/security-headers";

// Pages rendered per request (workspace, sign-in): a fresh CSP nonce, which Next reads from the request's
// Content-Security-Policy and puts on each of its scripts. Everything else gets its headers from next.config.ts.
export function proxy(request: NextRequest) {
  if (!isPerRequestPage(request.nextUrl.pathname)) return NextResponse.next();
  const headers = perRequestHeaders(request.headers, { dev: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) forwarded.set(name, value);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/espace", "/espace/:path*", "/connexion", "/connexion/:path*"] };
