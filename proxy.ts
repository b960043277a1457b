// Runs before every page, route handler and server action (not static files): while the database is
// down, answers 503 in French at once instead of letting the request fail (lib/health/outage.ts).
import type { NextRequest } from "next/server";
import { databaseGate } from "@/lib/health/outage";

export async function proxy(request: NextRequest) {
  return (await databaseGate(request)) ?? undefined;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
