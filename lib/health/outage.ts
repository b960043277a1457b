// What a visitor gets while the database is down: a 503 in French (an HTML page, or the API's JSON error),
// from the proxy for new requests and from the route handlers for those that were already running.
// No "server-only" here: the proxy bundle imports it.
import { databaseLikelyUp, isDatabaseBusy, isDatabaseOutage, noteDatabaseError } from "../server/availability/availability";
import { frenchJson, frenchPage, isApiPath } from "../http/french-response";
import { BUSY_MESSAGE, OUTAGE_DETAIL, OUTAGE_MESSAGE, OUTAGE_TITLE, OUTAGE_WRITES } from "./outage-messages";

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const HEADERS = { "Retry-After": String(RETRY_AFTER_SECONDS) };

/** A French 503: the API's JSON error, or a page with a link to try again. */
function unavailable(pathname: string, retryHref: string, code: string, message: string, detail: string): Response {
  if (isApiPath(pathname)) return frenchJson(503, code, message, HEADERS);
  return frenchPage(503, { title: OUTAGE_TITLE, paragraphs: [detail, OUTAGE_WRITES], link: { href: retryHref, label: "Réessayer" } }, HEADERS);
}

export function outageResponse(pathname: string, retryHref = pathname): Response {
  return unavailable(pathname, retryHref, "service_unavailable", OUTAGE_MESSAGE, OUTAGE_DETAIL);
}

/** A load peak (no database connection free in time): a 503 for this request only. */
export function busyResponse(pathname: string): Response {
  return unavailable(pathname, pathname, "service_busy", BUSY_MESSAGE, BUSY_MESSAGE);
}

/** The proxy's gate: a 503 while the database is known to be down, nothing (go on) otherwise. */
export async function databaseGate(request: { method: string; nextUrl: { pathname: string; search: string } }): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  // The health check answers for itself (it is what tells that the database is back).
  if (pathname === "/api/health") return null;
  if (await databaseLikelyUp()) return null;
  return outageResponse(pathname, request.method === "GET" ? `${pathname}${search}` : pathname);
}

/** Route handlers: a database outage (or a load peak) during the request is a French 503, not a 500. */
export function answerOutage<R extends Request, A extends unknown[], T>(handler: (request: R, ...rest: A) => Promise<T>) {
  return async (request: R, ...rest: A): Promise<T | Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const busy = isDatabaseBusy(error);
      if (!busy && !isDatabaseOutage(error)) throw error;
      noteDatabaseError(error);
      const { pathname } = new URL(request.url);
      return busy ? busyResponse(pathname) : outageResponse(pathname);
    }
  };
}
