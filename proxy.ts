// Runs before every page, route handler and server action (not static files): a French 400 for an
// address no link produces, and while the database is down a French 503 at once instead of letting the
// request fail (lib/http/malformed-url.ts, lib/health/outage.ts).
import type { NextRequest } from "next/server";
import { databaseGate } from "@/lib/health/outage";
import { malformedUrlResponse } from "@/lib/http/malformed-url";

export async function proxy(request: NextRequest) {
  return malformedUrlResponse(request) ?? (await databaseGate(request)) ?? undefined;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
