// What a visitor gets while the database is down: a 503 in French (an HTML page, or the API's JSON error),
// from the proxy for new requests and from the route handlers for those that were already running.
// No "server-only" here: the proxy bundle imports it.
import { databaseLikelyUp, isDatabaseOutage, noteDatabaseError } from "../server/availability";
import { OUTAGE_MESSAGE, OUTAGE_TITLE } from "./outage-messages";

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const HEADERS = { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) };

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function outageJson(): Response {
  const body = { error: { status: 503, code: "service_unavailable", message: OUTAGE_MESSAGE, details: [] } };
  return Response.json(body, { status: 503, headers: { ...HEADERS, "Access-Control-Allow-Origin": "*" } });
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A page of its own (the app cannot render without its database), in the site's colours. */
export function outageHtml(retryHref = ""): Response {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${OUTAGE_TITLE} — Tripartite</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}
header{background:#fff;border-bottom:4px solid #000091;padding:1rem}
header p{margin:0;font-size:1.25rem;font-weight:700;color:#000091}
main{max-width:42rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.875rem;margin:0 0 1rem}
a{color:#000091}
a:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
</style>
</head>
<body>
<header><p>Tripartite</p></header>
<main id="contenu">
<h1>${OUTAGE_TITLE}</h1>
<p>${escape(OUTAGE_MESSAGE)}</p>
<p>Ce que vous étiez en train d'enregistrer n'a pas été pris en compte : rien n'a été enregistré à moitié. Renvoyez-le une fois le service rétabli.</p>
<p><a href="${escape(retryHref)}">Réessayer</a></p>
</main>
</body>
</html>`;
  return new Response(html, { status: 503, headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8" } });
}

export function outageResponse(pathname: string, retryHref = pathname): Response {
  return isApiPath(pathname) ? outageJson() : outageHtml(retryHref);
}

/** The proxy's gate: a 503 while the database is known to be down, nothing (go on) otherwise. */
export async function databaseGate(request: { method: string; nextUrl: { pathname: string; search: string } }): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  // The health check answers for itself (it is what tells that the database is back).
  if (pathname === "/api/health") return null;
  if (await databaseLikelyUp()) return null;
  return outageResponse(pathname, request.method === "GET" ? `${pathname}${search}` : pathname);
}

/** Route handlers: a database outage during the request is a French 503, not a 500. */
export function answerOutage<R extends Request, A extends unknown[], T>(handler: (request: R, ...rest: A) => Promise<T>) {
  return async (request: R, ...rest: A): Promise<T | Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (!isDatabaseOutage(error)) throw error;
      noteDatabaseError(error);
      return outageResponse(new URL(request.url).pathname);
    }
  };
}
