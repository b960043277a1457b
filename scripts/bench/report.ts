// The benchmark targets (docs/performances.md), checked against one run, and the table printed at the end of `npm run bench`.
import type { GenerationReport } from "./generate";
import { IMPORT_TARGET_MS } from "./import";
import { LIGHTHOUSE_TARGETS } from "./lighthouse";
import type { RouteResult } from "./load";
import { formatWeight, weightVerdicts, type RouteWeight } from "./weight";

export type ScaleRun = {
  scale: number;
  data: GenerationReport;
  /** Bytes of HTML, inlined RSC payload and JavaScript per route (scripts/bench/weight.ts); absent from older runs. */
  weight?: RouteWeight[];
  /** pairedStaticRps: the static file's throughput measured just before this route (public pages). */
  results: (RouteResult & { kind: string; firstMs: number; aloneMs: number; pairedStaticRps?: number })[];
  /** The mixed phase (readers and writers at once, scripts/bench/mixed.ts); absent from runs made before it existed. */
  mixed?: import("./mixed").MixedRun;
  peakMemoryMb: number;
  /** The server's V8 heap limit (--max-old-space-size) during the run. */
  serverHeapMb: number;
  exportTiming: { lines: number; firstMs: number; warmMs: number };
  /** The import of 10,000 lines per format, preview then apply (scripts/bench/import.ts). */
  importTiming: { format: string; lines: number; previewMs: number; applyMs: number; totalMs: number; problems: string[] }[];
  /** Lighthouse (mobile) on the public pages, 1× only (scripts/bench/lighthouse.ts). */
  lighthouse: { path: string; performance: number; accessibility: number; benchmarkIndex: number }[] | null;
};

export type Verdict = { target: string; value: string; met: boolean };

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "aucune réponse");
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—");
/** NaN (no response within the run) never meets a target. */
const atMost = (x: number, limit: number) => Number.isFinite(x) && x <= limit;

/** A route's throughput over the static file's: the one measured just before it when there is one. */
export function staticRatio(run: ScaleRun, r: ScaleRun["results"][number]): number {
  const reference = r.pairedStaticRps ?? run.results.find((x) => x.kind === "static")?.rps ?? NaN;
  return reference > 0 ? r.rps / reference : NaN;
}

export function evaluate(run: ScaleRun, baseline?: ScaleRun): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const r of run.results) {
    if (r.kind === "national") verdicts.push({ target: "Vue nationale p95 ≤ 80 ms", value: ms(r.p95), met: atMost(r.p95, 80) });
    if (r.kind === "dashboard") verdicts.push({ target: "Tableau de bord départemental p95 ≤ 50 ms", value: ms(r.p95), met: atMost(r.p95, 50) });
    if (r.kind === "public") verdicts.push({ target: `${r.label} ≥ 0,8× le débit du fichier statique`, value: ratio(staticRatio(run, r)), met: atMost(0.8, staticRatio(run, r)) });
    if (r.non2xx > 0 || r.errors > 0) verdicts.push({ target: `${r.label} : aucune erreur`, value: `${r.non2xx} non-2xx, ${r.errors} erreurs`, met: false });
  }
  verdicts.push(...weightVerdicts(run.weight ?? []));
  for (const i of run.importTiming) {
    const value = i.problems.length ? `résultat faux : ${i.problems.join(" ; ")}` : `${i.totalMs} ms (aperçu ${i.previewMs} + application ${i.applyMs})`;
    verdicts.push({ target: `Import ${i.format.toUpperCase()} de ${i.lines} lignes ≤ ${IMPORT_TARGET_MS / 1000} s`, value, met: i.problems.length === 0 && i.totalMs <= IMPORT_TARGET_MS });
  }
  for (const p of run.lighthouse ?? []) {
    verdicts.push({
      target: `Lighthouse ${p.path} : performance ≥ ${LIGHTHOUSE_TARGETS.performance}, accessibilité ${LIGHTHOUSE_TARGETS.accessibility}`,
      value: `${p.performance} / ${p.accessibility} (indice machine ${p.benchmarkIndex})`,
      met: p.performance >= LIGHTHOUSE_TARGETS.performance && p.accessibility >= LIGHTHOUSE_TARGETS.accessibility,
    });
  }
  verdicts.push({ target: "Mémoire du serveur ≤ 400 Mo", value: `${run.peakMemoryMb} Mo (pic ; tas V8 limité à ${run.serverHeapMb} Mo)`, met: run.peakMemoryMb <= 400 });
  if (run.scale > 1) {
    for (const r of run.results.filter((x) => x.kind !== "static")) {
      const before = baseline?.results.find((b) => b.path === r.path);
      if (!before) {
        verdicts.push({ target: `${r.label} : p95 10× ≤ 2× p95 1×`, value: "pas de mesure 1× (lancer npm run bench)", met: false });
        continue;
      }
      const growth = r.p95 / before.p95;
      verdicts.push({ target: `${r.label} : p95 10× ≤ 2× p95 1×`, value: `${ms(before.p95)} → ${ms(r.p95)} (${ratio(growth)})`, met: atMost(growth, 2) });
    }
  }
  return verdicts;
}

const TARGETS: Record<string, string> = { national: "p95 ≤ 80 ms", dashboard: "p95 ≤ 50 ms", public: "≥ 0,8× statique" };

/** Markdown-compatible table, so that it can be pasted into the README as is. */
export function printTable(run: ScaleRun, verdicts: Verdict[]) {
  const rows = run.results.map((r) => {
    const target = TARGETS[r.kind] ?? "—";
    const met = r.kind === "national" ? atMost(r.p95, 80) : r.kind === "dashboard" ? atMost(r.p95, 50) : r.kind === "public" ? atMost(0.8, staticRatio(run, r)) : null;
    const cpu = `${Number.isFinite(r.serverCpuMs) ? r.serverCpuMs.toFixed(1) : "?"} + ${Number.isFinite(r.postgresCpuMs) ? r.postgresCpuMs.toFixed(1) : "?"} ms`;
    const w = run.weight?.find((x) => x.path === r.path);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
    const weight = w ? `${kb(w.htmlBytes)} / ${kb(w.rscBytes)} / ${kb(w.jsGzipBytes)}` : "—";
    return [r.label, `${r.firstMs} / ${r.aloneMs} ms`, ms(r.p50), ms(r.p95), r.rps.toFixed(0), ratio(staticRatio(run, r)), `${(r.bytesPerResponse / 1024).toFixed(1)} Ko`, weight, cpu, target, met === null ? "" : met ? "atteint" : "MANQUÉ"];
  });
  const header = ["Route", "1re / 2e requête seule", "p50", "p95", "req/s", "/ statique", "réponse", "HTML / dont RSC / JS gzip", "CPU / requête (Node + PostgreSQL)", "Cible", "Résultat"];
  console.log(`\nRésultats ${run.scale}× — ${run.data.departments} départements, ${run.data.contracts} contrats, ${run.data.fundingLines} lignes de financement ; 32 connexions, 10 s par route\n`);
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log("(/ statique : débit rapporté à celui du fichier statique mesuré juste avant la route pour les pages publiques, à la dernière ligne sinon.)");
  if (run.weight) console.log(`\nPoids des pages (octets, indépendants de la charge de la machine)\n\n${formatWeight(run.weight)}`);
  console.log(`\nMémoire du serveur (RSS, pic, processus et enfants ; tas V8 limité à ${run.serverHeapMb} Mo) : ${run.peakMemoryMb} Mo`);
  console.log(`Export CSV national (contrats, ${run.exportTiming.lines} lignes) : ${run.exportTiming.firstMs} ms à froid, ${run.exportTiming.warmMs} ms ensuite`);
  for (const i of run.importTiming) console.log(`Import ${i.format.toUpperCase()} de ${i.lines} lignes : ${i.totalMs} ms (aperçu ${i.previewMs} ms + application ${i.applyMs} ms)`);
  console.log("\nCibles :");
  for (const v of verdicts) console.log(`  ${v.met ? "✔ atteint" : "✘ MANQUÉ "}  ${v.target} — ${v.value}`);
}
