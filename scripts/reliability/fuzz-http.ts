// Every route of app/ (API route handlers and pages), requested with fast-check-made path segments,
// query strings, headers and methods, signed in as nobody, a department editor, a national official or
// an administrator, or with a forged session cookie.
import fc from "fast-check";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import { fuzzText, samples } from "./fuzz-values";
import { pool, request } from "./http";
import { fill, fixtureKey, roleFor, routeFiles, type Fixtures, type RouteFile } from "./routes";
import type { Role } from "../../lib/server/authz";
import { preview, type FuzzRow } from "./fuzz-forms";

/** Query parameter names the app reads somewhere, and a few it never does. */
const PARAMS = [
  "departement", "contrat", "annee", "statut", "financeur", "etape", "indicateur", "region", "format", "page", "par_page",
  "table", "portee", "cadre", "vague", "tri", "ordre", "mesure", "creee", "archivee", "supprimee", "refus", "erreur", "onglet", "q", "__proto__",
];

/** Printable ASCII only: what an HTTP header may carry. */
const headerText = fuzzText.map((s) => s.replace(/[^\x20-\x7e]/g, "").slice(0, 200));

/** A router state as Next's client sends it (Next-Router-State-Tree), and broken ones. */
const ROUTER_TREE = encodeURIComponent(JSON.stringify(["", { children: ["espace", { children: ["__PAGE__", {}, null, null] }, null, null] }, null, null]));
const routerTree = fc.oneof(
  fc.constantFrom(ROUTER_TREE, "garbage", "%5B%22%22%5D", "%5B", "%ZZ", "[]", "null", `${ROUTER_TREE}, ${ROUTER_TREE}`, "%5B".repeat(4_000)),
  headerText,
  headerText.map(encodeURIComponent),
);

/** Mostly what the router sends, sometimes anything. */
const mostly = (valid: fc.Arbitrary<string>, broken: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: broken });

const routerHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "next-router-state-tree": mostly(fc.constant(ROUTER_TREE), routerTree),
    "next-router-prefetch": mostly(fc.constantFrom("1", "2", "3"), fc.oneof(fc.constantFrom("0", "garbage"), headerText)),
    "next-router-segment-prefetch": mostly(fc.constantFrom("/_tree", "/_index", "/_full", "/children/__PAGE__"), fc.oneof(fc.constantFrom("garbage", "/%ZZ"), headerText)),
    "next-url": mostly(fc.constantFrom("/", "/espace", "/espace/national", "/departements/77"), fc.oneof(fc.constantFrom("garbage", "/%ZZ"), headerText)),
    "next-hmr-refresh": fc.constantFrom("1", "garbage"),
    "next-action": fc.oneof(fc.constantFrom("7f" + "0".repeat(40), "garbage", ""), headerText),
    origin: fc.constantFrom("http://attaquant.example", "null", "pas une url"),
    "x-forwarded-host": fc.constantFrom("attaquant.example", "attaquant.example, 127.0.0.1", ""),
  },
  { requiredKeys: [] },
);

type HttpCase = { segments: Record<string, string | null>; query: [string, string][]; method: string; headers: Record<string, string>; router: Record<string, string>; rsc: boolean; cookie: number };

/** Path segments: the real value, a fuzzed one (encoded), or a broken percent-encoding. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fuzzText.map((s) => encodeURIComponent(s.slice(0, 300)) || "x") },
  { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%", "..", "%2e%2e", "%00", "a%2Fb", "77.ics", "actions.json", "x".repeat(300)) },
);

function caseOf(keys: string[], rareValid: boolean): fc.Arbitrary<HttpCase> {
  return fc.record({
    segments: fc.record(Object.fromEntries(keys.map((k) => [k, rareValid ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 9, arbitrary: segment }) : segment]))) as fc.Arbitrary<
      Record<string, string | null>
    >,
    query: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), fuzzText.map((v) => v.slice(0, 2000))), { maxLength: 4 }),
    method: fc.oneof({ weight: 12, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("HEAD", "POST", "OPTIONS", "DELETE", "PUT") }),
    headers: fc.record(
      {
        "if-none-match": fc.oneof(fc.constant("*"), headerText),
        accept: fc.constantFrom("*/*", "text/html", "application/json", "text/csv", "text/x-component", "", "application/xml;q=0"),
        "accept-language": fc.constantFrom("fr", "en-US,en;q=0.5", "*", "zz"),
        range: fc.constantFrom("bytes=0-10", "bytes=abc", "bytes=-1"),
        "x-forwarded-for": fc.constantFrom("10.0.0.1", "not-an-ip", "1.1.1.1, 2.2.2.2"),
      },
      { requiredKeys: [] },
    ),
    // In one case out of four, Next's client router headers (as it sends them, mostly, or broken: a French
    // 400 then), another site's origin and a forwarded host to match it (a POST is then a French 403).
    router: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: routerHeaders }),
    // A React Server Components request (Next answers it with a redirect when its cache-busting parameter is missing).
    rsc: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    // Mostly the role the page is for (so that its content is reached), else anybody.
    cookie: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }) }),
  });
}

function url(route: RouteFile, fixtures: Fixtures, c: HttpCase): string {
  const path = fill(route.pattern, fixtures, (key) => c.segments[key] ?? undefined);
  const query = c.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return query ? `${path}?${query}` : path;
}

/**
 * An RSC request with the `_rsc` parameter Next expects for its router headers (without it, Next only
 * redirects to the address with it, and never reads the headers).
 */
async function withRscHash(target: string, headers: Record<string, string>): Promise<string> {
  const prefetch = headers["next-router-prefetch"];
  const hash = await computeCacheBustingSearchParam(
    prefetch === "1" || prefetch === "2" || prefetch === "3" ? prefetch : undefined,
    headers["next-router-segment-prefetch"],
    headers["next-router-state-tree"],
    headers["next-url"],
  );
  return hash ? `${target}${target.includes("?") ? "&" : "?"}_rsc=${hash}` : target;
}

function keysOf(pattern: string): string[] {
  return pattern.split("/").filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1));
}

export async function fuzzRoutes(fixtures: Fixtures, cookies: Partial<Record<Role, string>>, runs: number, concurrency: number, seed: number): Promise<FuzzRow[]> {
  const rows: FuzzRow[] = [];
  // None, a forged one, and a real session per role.
  const jar: [string, string | undefined][] = [["sans session", undefined], ["session forgée", "tripartite_session=forge" + "A".repeat(40)], ...Object.entries(cookies)];
  for (const [i, route] of routeFiles().entries()) {
    // The PDF is drawn by Chromium: real identifiers there only rarely, so that the run stays short.
    const rareValid = route.pattern.endsWith("/pdf");
    const n = route.kind === "page" ? Math.ceil(runs / 2) : runs;
    const keys = keysOf(route.pattern).map((name) => fixtureKey(route.pattern, `[${name}]`));
    const cases = samples(caseOf(keys, rareValid), n, seed + 1000 + i);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await pool(cases, concurrency, async (c) => {
      const headers = c.rsc ? { ...c.headers, ...c.router, rsc: "1" } : { ...c.headers, ...c.router };
      const target = c.rsc ? await withRscHash(url(route, fixtures, c), headers) : url(route, fixtures, c);
      const own = roleFor(route.pattern)?.role ?? "DEPARTMENT_EDITOR";
      const [who, cookie] = c.cookie < 0 ? [own, cookies[own]] : jar[c.cookie % jar.length];
      const answer = await request(target, { method: c.method, headers, cookie });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500 || answer.status === 0) failures.push(`HTTP ${answer.status} : ${c.method} ${preview(target)} (${who})`);
    });
    rows.push({ name: route.pattern, where: route.file, runs: n, statuses, note: route.kind === "api" ? "API" : "page", failures });
  }
  return rows;
}
