// What a page weighs, route by route: the bytes of its HTML, of the RSC payload Next inlines in it (the
// `self.__next_f.push(…)` scripts: every prop of every client component, and the server tree again for the
// browser's router), of its class attributes, and of the JavaScript the browser loads before the page is
// interactive (the script files named by the HTML and its payload, gzip-compressed as the server sends
// them). Chunks loaded later (a chart when it comes near the screen) are not counted.
// Bytes are not timings: two runs on the same data give the same figures, however loaded the machine.
//   npm run bench -- --only weight                    builds and serves the bench's data, then this table
//   npx tsx scripts/bench/weight.ts <adresse> [cookie] against a server already running (npm run bench -- --serve)
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The issue's targets, in bytes (1 Ko = 1,024 bytes). */
export const WEIGHT_TARGETS = {
  home: 40 * 1024,
  publicDepartment: 100 * 1024,
  national: 250 * 1024,
  workspace: 60 * 1024,
  publicJsGzip: 100 * 1024,
} as const;

export type WeightRoute = {
  label: string;
  path: string;
  cookie?: string;
  /** Public pages have a JavaScript target too. */
  isPublic: boolean;
  htmlTarget?: number;
  /** Measure the page `path` links to (its first link whose address matches), not `path` itself. */
  follow?: RegExp;
  /** Skipped when the server answers 404 (a page that exists only with enough data). */
  optional?: boolean;
};

export type RouteWeight = {
  label: string;
  path: string;
  isPublic: boolean;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The inlined RSC payload (the text of the `self.__next_f.push` scripts). */
  rscBytes: number;
  /** The HTML without any inline script: what the browser paints. */
  markupBytes: number;
  /** Every class="…" attribute, counted in full. */
  classBytes: number;
  jsFiles: number;
  /** Raw and gzip-compressed bytes of the scripts loaded before interaction. */
  jsBytes: number;
  jsGzipBytes: number;
  htmlTarget?: number;
  jsTarget?: number;
};

/** The routes the bench measures; 93 is one of the generated departments (40 fiches action per contract). */
export function weightRoutes(cookie: string): WeightRoute[] {
  return [
    { label: "/ (accueil)", path: "/", isPublic: true, htmlTarget: WEIGHT_TARGETS.home },
    // The next page of the list of departments (50 per page; none with fewer departments).
    { label: "/page/2 (accueil, suite de la liste)", path: "/page/2", isPublic: true, htmlTarget: WEIGHT_TARGETS.home, optional: true },
    { label: "Page publique 93", path: "/departements/93", isPublic: true, htmlTarget: WEIGHT_TARGETS.publicDepartment },
    // Every fiche action of the 93's contract, linked from its page (« Voir les … fiches action »).
    { label: "Fiches action 93 (toutes)", path: "/departements/93", follow: /^\/departements\/93\/contrats\/[^/"]+\/fiches-action$/, isPublic: true },
    { label: "Données ouvertes", path: "/donnees-ouvertes", isPublic: true },
    { label: "Widget 93", path: "/widget/departements/93", isPublic: true },
    { label: "Vue nationale (connecté)", path: "/espace/national", cookie, isPublic: false, htmlTarget: WEIGHT_TARGETS.national },
    { label: "Vue régionale 11", path: "/espace/regions/11", cookie, isPublic: false },
    { label: "Tableau de bord 93", path: "/espace/departements/93", cookie, isPublic: false, htmlTarget: WEIGHT_TARGETS.workspace },
  ];
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const RSC_PUSH = /^\s*\(?self\.__next_f\s*=?[\s\S]*push\(/;
const CLASS_ATTR = /\sclass="[^"]*"/g;
// Script files named by the HTML (<script src>, <link rel=preload|modulepreload>) or by the payload (the
// client components' chunks), escaped or not.
const CHUNK = /\/_next\/static\/[^"'\\\s)]+?\.js/g;
// The polyfills Next adds for old browsers: a browser that runs modules never downloads them.
const NO_MODULE = /<script[^>]*\bsrc="([^"]+)"[^>]*\bnoModule[^>]*>/gi;

/** Splits one HTML response into its parts (exported for the unit test of the parser). */
export function analyseHtml(html: string) {
  let rscBytes = 0;
  let scriptBytes = 0;
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const body = Buffer.byteLength(m[1]);
    scriptBytes += body;
    if (RSC_PUSH.test(m[1])) rscBytes += body;
  }
  const htmlBytes = Buffer.byteLength(html);
  const classBytes = [...html.matchAll(CLASS_ATTR)].reduce((sum, m) => sum + Buffer.byteLength(m[0]), 0);
  const legacy = new Set([...html.matchAll(NO_MODULE)].map((m) => m[1]));
  const chunks = [...new Set([...html.matchAll(CHUNK)].map((m) => m[0]))].filter((c) => !legacy.has(c));
  return { htmlBytes, rscBytes, markupBytes: htmlBytes - scriptBytes, classBytes, chunks };
}

const chunkCache = new Map<string, { raw: number; gzip: number }>();

async function chunkSize(origin: string, chunk: string) {
  const cached = chunkCache.get(chunk);
  if (cached) return cached;
  const res = await fetch(`${origin}${chunk}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${chunk} : HTTP ${res.status}`);
  const size = { raw: body.length, gzip: gzipSync(body).length };
  chunkCache.set(chunk, size);
  return size;
}

/** The address of the first link of `route.path` that `route.follow` matches. */
async function linkedPath(origin: string, route: WeightRoute): Promise<string> {
  const res = await fetch(`${origin}${route.path}`, { headers: route.cookie ? { cookie: route.cookie } : {}, redirect: "manual" });
  const html = await res.text();
  const href = [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).find((h) => route.follow!.test(h));
  if (!href) throw new Error(`${route.path} : aucun lien vers ${route.follow}`);
  return href;
}

export async function measureWeight(origin: string, routes: WeightRoute[]): Promise<RouteWeight[]> {
  const results: RouteWeight[] = [];
  for (const route of routes) {
    const r = route.follow ? { ...route, path: await linkedPath(origin, route) } : route;
    const res = await fetch(`${origin}${r.path}`, { headers: r.cookie ? { cookie: r.cookie } : {}, redirect: "manual" });
    const html = await res.text();
    if (res.status === 404 && r.optional) continue;
    if (res.status !== 200) throw new Error(`${r.path} : HTTP ${res.status}`);
    const parts = analyseHtml(html);
    let jsBytes = 0;
    let jsGzipBytes = 0;
    for (const chunk of parts.chunks) {
      const size = await chunkSize(origin, chunk);
      jsBytes += size.raw;
      jsGzipBytes += size.gzip;
    }
    results.push({
      label: r.label,
      path: r.path,
      isPublic: r.isPublic,
      htmlBytes: parts.htmlBytes,
      htmlGzipBytes: gzipSync(html).length,
      rscBytes: parts.rscBytes,
      markupBytes: parts.markupBytes,
      classBytes: parts.classBytes,
      jsFiles: parts.chunks.length,
      jsBytes,
      jsGzipBytes,
      htmlTarget: r.htmlTarget,
      jsTarget: r.isPublic ? WEIGHT_TARGETS.publicJsGzip : undefined,
    });
  }
  return results;
}

const ko = (bytes: number) => `${(bytes / 1024).toFixed(1).replace(".", ",")} Ko`;

export type WeightVerdict = { target: string; value: string; met: boolean };

export function weightVerdicts(rows: RouteWeight[]): WeightVerdict[] {
  const verdicts: WeightVerdict[] = [];
  for (const r of rows) {
    if (r.htmlTarget !== undefined) verdicts.push({ target: `${r.label} : HTML ≤ ${ko(r.htmlTarget)}`, value: ko(r.htmlBytes), met: r.htmlBytes <= r.htmlTarget });
    if (r.jsTarget !== undefined) verdicts.push({ target: `${r.label} : JavaScript avant interaction ≤ ${ko(r.jsTarget)} compressés`, value: ko(r.jsGzipBytes), met: r.jsGzipBytes <= r.jsTarget });
  }
  return verdicts;
}

/** Markdown table, pasted as is into docs/performances.md. */
export function formatWeight(rows: RouteWeight[]): string {
  const header = ["Route", "HTML", "dont charge RSC", "dont balisage", "dont attributs class", "HTML gzip", "JavaScript avant interaction (gzip)", "Cible", "Résultat"];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const targets = [r.htmlTarget !== undefined ? `HTML ≤ ${ko(r.htmlTarget)}` : null, r.jsTarget !== undefined ? `JS ≤ ${ko(r.jsTarget)}` : null].filter(Boolean).join(", ");
    const missed = [r.htmlTarget !== undefined && r.htmlBytes > r.htmlTarget ? "HTML" : null, r.jsTarget !== undefined && r.jsGzipBytes > r.jsTarget ? "JS" : null].filter(Boolean);
    const result = targets ? (missed.length ? `MANQUÉ (${missed.join(", ")})` : "atteint") : "";
    lines.push(
      `| ${[r.label, ko(r.htmlBytes), ko(r.rscBytes), ko(r.markupBytes), ko(r.classBytes), ko(r.htmlGzipBytes), `${ko(r.jsGzipBytes)} (${r.jsFiles} fichiers, ${ko(r.jsBytes)} décompressés)`, targets || "—", result].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const [origin, cookie = process.env.BENCH_COOKIE ?? ""] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!origin) {
    console.error("Usage : npx tsx scripts/bench/weight.ts <adresse du serveur> [cookie de session]");
    process.exit(2);
  }
  const routes = weightRoutes(cookie).filter((r) => r.isPublic || cookie);
  const rows = await measureWeight(origin, routes);
  console.log(formatWeight(rows));
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows));
}

// Run as a command, not when imported by the benchmark.
if (path.basename(process.argv[1] ?? "") === "weight.ts") {
  main().catch((error) => {
    console.error(`✘ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
