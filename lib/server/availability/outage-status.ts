// Requests already running when the database went away fail inside Next.js's rendering, which answers
// 500 and offers no way to choose another status (error.tsx cannot set one). While the database is
// known to be down, this server process answers those 503 + Retry-After instead: the page is still the
// app's error page (app/error.tsx, which names the outage), only the status tells clients the truth.
// The same for a moment after the pool had no connection free in time (a load peak: lib/server/availability/availability.ts).
// Installed once per server process by instrumentation.ts; nothing else in the app depends on it.
import http from "node:http";
import { databaseBusy, databaseStatus } from "./availability";

const KEY = Symbol.for("tripartite.outageStatusInstalled");

export function installOutageStatus(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & Record<symbol, boolean>;
  if (proto[KEY]) return;
  proto[KEY] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && (!databaseStatus().up || databaseBusy())) {
      statusCode = 503;
      this.statusMessage = "Service Unavailable";
      if (!this.headersSent) {
        this.setHeader("Retry-After", "5");
        this.setHeader("Cache-Control", "no-store");
      }
    }
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof proto.writeHead;
}
