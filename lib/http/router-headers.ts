// The headers Next's client router sends with its requests (RSC, Next-Router-State-Tree,
// Next-Router-Prefetch, Next-Router-Segment-Prefetch, Next-Url, Next-HMR-Refresh), checked before Next
// reads them: a value its router never sends is a French 400 rather than whatever Next makes of it (a
// router state it cannot parse is a bare HTTP 500 on every page rendered per request). The proxy sees these
// headers because next.config.ts sets skipProxyUrlNormalize (Next would otherwise hide them from it).
// And the origin check of server actions: Next's own answers a cross-site action with a 500; the proxy
// answers it first, with a French 403.
// No "server-only": the proxy bundle imports it.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { frenchJson, frenchPage, isApiPath } from "./french-response";
import { MAX_URL_LENGTH } from "./malformed-url";
import { isSameOrigin } from "./trusted-proxy";

type HeaderReader = { get(name: string): string | null };

/** A path as the router writes it in Next-Url and Next-Router-Segment-Prefetch. */
const isRouterPath = (value: string) => value.startsWith("/") && value.length <= MAX_URL_LENGTH && !/[\u0000-\u001f]/.test(value);

function isFlightRouterState(value: string): boolean {
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}

/** Each router header, and the values Next's client router sends in it. */
const CHECKS: [name: string, valid: (value: string) => boolean][] = [
  ["rsc", (v) => v === "1"],
  ["next-router-prefetch", (v) => v === "1" || v === "2" || v === "3"],
  ["next-router-segment-prefetch", isRouterPath],
  ["next-router-state-tree", isFlightRouterState],
  ["next-url", isRouterPath],
  ["next-hmr-refresh", (v) => v === "1"],
];

/** The first router header whose value Next's router never sends, or null. */
export function malformedRouterHeader(headers: HeaderReader): string | null {
  for (const [name, valid] of CHECKS) {
    const value = headers.get(name);
    if (value !== null && !valid(value)) return name;
  }
  return null;
}

export function malformedRouterHeaderResponse(request: { headers: HeaderReader; nextUrl: { pathname: string } }): Response | null {
  const header = malformedRouterHeader(request.headers);
  if (!header) return null;
  const message = "Requête invalide : un en-tête de navigation (RSC, Next-Router-…, Next-Url) a une valeur que le site n'envoie jamais.";
  if (isApiPath(request.nextUrl.pathname)) return frenchJson(400, "bad_request", message);
  return frenchPage(400, {
    title: "Requête invalide",
    paragraphs: [message, "Rechargez la page, ou repartez de la page d'accueil."],
    link: { href: "/", label: "Retour à l'accueil" },
  });
}

/**
 * Whether a request may be a server action, as Next tells them (a POST with a Next-Action header, or a
 * form posted to a page): Next runs the action before anything else.
 */
export function isPossibleServerAction(request: { method: string; headers: HeaderReader; nextUrl: { pathname: string } }): boolean {
  if (request.method !== "POST" || isApiPath(request.nextUrl.pathname)) return false;
  const type = request.headers.get("content-type") ?? "";
  return request.headers.get("next-action") !== null || /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
}

/** A server action posted from another site (or through a proxy not trusted to name the host): a French 403. */
export function crossSiteActionResponse(request: { method: string; headers: HeaderReader; nextUrl: { pathname: string } }, hops: number): Response | null {
  if (!isPossibleServerAction(request) || isSameOrigin(request.headers, hops)) return null;
  return frenchPage(403, {
    title: "Requête refusée",
    paragraphs: [
      "Cette action ne vient pas d'une page de Tripartite : elle a été refusée, rien n'a été enregistré.",
      "Si vous utilisiez bien Tripartite, rechargez la page puis recommencez.",
    ],
    link: { href: "/", label: "Retour à l'accueil" },
  });
}
