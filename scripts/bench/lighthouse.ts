// Lighthouse on the public pages (targets: performance ≥ 95, accessibility 100), on Debian's Chromium,
// offline: `lighthouse` 12.8 (13 needs Node 22) drives a Chromium started by chrome-launcher; nothing is
// downloaded. `runLighthouse` is what the benchmark calls; run this file for the table alone:
//   npx tsx scripts/bench/lighthouse.ts http://127.0.0.1:3350 / /departements/77 [--desktop] [--runs 3]
// Each page is measured three times by default and its figures are those of the median run.
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import type { Config, Result } from "lighthouse";

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 } as const;

/** The public pages a visitor lands on (the widget is read inside other sites). */
export const PUBLIC_PAGES = ["/", "/departements/77", "/donnees-ouvertes", "/accessibilite", "/mentions-legales", "/plan-du-site", "/widget/departements/77"];

export type FailingAudit = { id: string; title: string; score: number | null; displayValue?: string };

export type LighthousePage = {
  path: string;
  /** Scores out of 100 (Lighthouse gives 0–1). */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Lighthouse's measure of this machine's speed at the time (higher is faster): a loaded machine scores lower. */
  benchmarkIndex: number;
  /**
   * What the largest paint was and where its time went (Lighthouse's "largest-contentful-paint-element"):
   * the element, the simulated phases (TTFB, resource load delay and time, render delay) and the LCP
   * observed in the unthrottled trace, to tell a late paint from a slow network.
   */
  lcp: { element: string; phases: { phase: string; ms: number }[]; observedMs: number };
  /** Audits of the four categories that did not pass, the worst first. */
  failing: FailingAudit[];
  meetsTargets: boolean;
  /** The performance score of every run, in order (the page's figures are the median run's). */
  performanceRuns?: number[];
};

export type LighthouseOptions = {
  /** "mobile" (Lighthouse's default: Moto G Power, slow 4G, 4× CPU, simulated) or "desktop". */
  formFactor?: "mobile" | "desktop";
  chromePath?: string;
  /** Runs per page; the page's figures are those of the median run (Lighthouse's own choice: closest to the median FCP and TTI). */
  runs?: number;
};

/** Runs per page by default: the target is the median of three. */
export const LIGHTHOUSE_RUNS = 3;

const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

function failingAudits(lhr: Result): FailingAudit[] {
  const ids = new Set(CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((ref) => ref.weight > 0 || c === "performance").map((ref) => ref.id) ?? []));
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue }));
}

type TableDetails = { type: string; items?: Record<string, unknown>[] };

function lcpDetails(lhr: Result): LighthousePage["lcp"] {
  const details = lhr.audits["largest-contentful-paint-element"]?.details as { items?: TableDetails[] } | undefined;
  const [elementTable, phaseTable] = details?.items ?? [];
  const node = elementTable?.items?.[0]?.node as { selector?: string; snippet?: string } | undefined;
  const phases = (phaseTable?.items ?? []).map((i) => ({ phase: String(i.phase), ms: Math.round(Number(i.timing)) }));
  const metrics = lhr.audits.metrics?.details as { items?: Record<string, number>[] } | undefined;
  return { element: node ? `${node.selector ?? ""} ${(node.snippet ?? "").slice(0, 80)}`.trim() : "—", phases, observedMs: Math.round(metrics?.items?.[0]?.observedLargestContentfulPaint ?? NaN) };
}

function summarize(path: string, lhr: Result): LighthousePage {
  const page = {
    path,
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
    seo: score(lhr, "seo"),
    metrics: {
      fcpMs: numeric(lhr, "first-contentful-paint"),
      lcpMs: numeric(lhr, "largest-contentful-paint"),
      tbtMs: numeric(lhr, "total-blocking-time"),
      cls: numeric(lhr, "cumulative-layout-shift"),
      speedIndexMs: numeric(lhr, "speed-index"),
    },
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    lcp: lcpDetails(lhr),
    failing: failingAudits(lhr),
  };
  return { ...page, meetsTargets: page.performance >= LIGHTHOUSE_TARGETS.performance && page.accessibility >= LIGHTHOUSE_TARGETS.accessibility };
}

/**
 * Lighthouse on each path, one after the other in one Chromium. Each page is fetched once first, so that
 * the server's first render (ISR) is not what is measured: the score is that of the page as served to
 * everybody after the first visit.
 */
export async function runLighthouse(baseUrl: string, paths: string[] = PUBLIC_PAGES, options: LighthouseOptions = {}): Promise<LighthousePage[]> {
  const chrome = await chromeLauncher.launch({ chromePath: options.chromePath ?? process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  // Lighthouse is an ES module with top-level await: imported, never required.
  const { default: lighthouse, desktopConfig } = await import("lighthouse");
  const { computeMedianRun } = await import("lighthouse/core/lib/median-run.js");
  const runs = Math.max(1, options.runs ?? LIGHTHOUSE_RUNS);
  const config: Config | undefined = options.formFactor === "desktop" ? desktopConfig : undefined;
  try {
    const pages: LighthousePage[] = [];
    for (const pagePath of paths) {
      const url = new URL(pagePath, baseUrl).href;
      const warm = await fetch(url);
      await warm.arrayBuffer();
      if (!warm.ok) throw new Error(`${url} répond ${warm.status}`);
      const results: Result[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] }, config);
        if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${url}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse sur ${url} : ${result.lhr.runtimeError.message}`);
        results.push(result.lhr);
      }
      const median = computeMedianRun(results);
      pages.push({ ...summarize(pagePath, median), performanceRuns: results.map((r) => score(r, "performance")) });
    }
    return pages;
  } finally {
    chrome.kill();
  }
}

const seconds = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1).replace(".", ",")} s` : "—");

/** Markdown table (it can be pasted into the README), then the audits that keep a page under its target. */
export function formatLighthouse(pages: LighthousePage[], formFactor: "mobile" | "desktop" = "mobile"): string {
  const header = ["Page", "Performance (médiane)", "Exécutions", "Accessibilité", "Bonnes pratiques", "SEO", "FCP", "LCP", "TBT", "CLS", "Indice machine", "Cible (perf. ≥ 95, access. 100)"];
  const lines = [
    `Lighthouse ${formFactor === "mobile" ? "mobile (réglages par défaut : Moto G Power, 4G lente, processeur ×4, simulés)" : "ordinateur"}`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...pages.map(
      (p) =>
        `| ${[p.path, p.performance, (p.performanceRuns ?? [p.performance]).join(" / "), p.accessibility, p.bestPractices, p.seo, seconds(p.metrics.fcpMs), seconds(p.metrics.lcpMs), `${Math.round(p.metrics.tbtMs)} ms`, p.metrics.cls.toFixed(3), p.benchmarkIndex, p.meetsTargets ? "atteinte" : "MANQUÉE"].join(" | ")} |`,
    ),
  ];
  lines.push("", "Plus grand élément peint (LCP) et ses phases simulées :");
  for (const p of pages) {
    lines.push(`  ${p.path} — ${p.lcp.element} ; ${p.lcp.phases.map((x) => `${x.phase} ${x.ms} ms`).join(", ")} ; LCP observé sans ralentissement ${p.lcp.observedMs} ms`);
  }
  for (const p of pages.filter((page) => page.failing.length > 0)) {
    lines.push("", `${p.path} — audits non réussis :`);
    for (const a of p.failing) lines.push(`  • ${a.id} (${Math.round((a.score ?? 0) * 100)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`);
  }
  return lines.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const formFactor = args.includes("--desktop") ? "desktop" : "mobile";
  const runsFlag = args.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : LIGHTHOUSE_RUNS;
  if (runsFlag >= 0) args.splice(runsFlag, 2);
  const [baseUrl, ...paths] = args.filter((a) => !a.startsWith("--"));
  if (!baseUrl) {
    console.error("Usage : npx tsx scripts/bench/lighthouse.ts <adresse du serveur> [chemins…] [--desktop] [--runs N]");
    process.exit(2);
  }
  const pages = await runLighthouse(baseUrl, paths.length ? paths : PUBLIC_PAGES, { formFactor, runs });
  console.log(formatLighthouse(pages, formFactor));
  process.exit(pages.every((p) => p.meetsTargets) ? 0 : 1);
}

// Run as a command, not when imported by the benchmark.
if (path.basename(process.argv[1] ?? "") === "lighthouse.ts") {
  main().catch((error) => {
    console.error(`✘ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
