// Phase d of `npm run reliability`: the worst spreadsheet files a department editor can upload, posted
// to the production server's import route (preview step) one after the other. For each: the answer
// (a French refusal), its time and size, and the server's resident memory (RSS of the server's process
// tree, sampled every 25 ms while the request runs). Targets: refused within 5 s, answer under 1 MB,
// server memory under the benchmark's 400 MB budget.
//   npx tsx scripts/reliability.ts --phases d      this phase alone
import { readdirSync, readFileSync } from "node:fs";
import { formatLimit } from "../../lib/spreadsheet/limits";
import { createAccount, directSession, openPrisma } from "./accounts";
import { ORIGIN } from "./app";
import { deflateBomb, fundingRowsWorkbook, millionRowWorkbook } from "./hostile-files";
import type { Check, PhaseResult } from "./report";

export const HOSTILE_TARGETS = { seconds: 5, answerBytes: 1024 * 1024, rssBytes: 400 * 1024 * 1024 };

/** `worst`: the files the issue reported (a million rows, a deflate bomb), refused before any parsing. */
type HostileFile = { name: string; filename: string; build: () => Promise<Buffer>; worst?: boolean };

const LINE = Buffer.from("77;;;Mécène;1999;Prévu;-1\r\n");

const FUNDING_HEADER = "Département;Identifiant;Fiche action;Financeur;Année;Étape;Montant (€)";

const FILES: HostileFile[] = [
  { name: "Classeur d'un million de lignes", filename: "million.xlsx", build: () => millionRowWorkbook(), worst: true },
  { name: "Bombe de décompression, 480 Mo (taille annoncée)", filename: "bombe.xlsx", build: () => deflateBomb(480 * 1024 * 1024, false), worst: true },
  { name: "Bombe de décompression, 480 Mo (taille annoncée fausse : 4 Ko)", filename: "bombe-menteuse.xlsx", build: () => deflateBomb(480 * 1024 * 1024, true), worst: true },
  { name: "Classeur de 20 000 lignes toutes fausses (dans les limites)", filename: "vingt-mille.xlsx", build: async () => fundingRowsWorkbook(20_000, true) },
  {
    name: "CSV de 5 Mo, lignes courtes (plus de 20 000)",
    filename: "lignes.csv",
    build: async () => Buffer.concat([Buffer.from(`${FUNDING_HEADER}\r\n`), ...Array.from({ length: Math.floor((5 * 1024 * 1024 - 200) / LINE.length) }, () => LINE)]),
  },
  {
    name: "CSV de 20 000 lignes, quatre erreurs chacune",
    filename: "erreurs.csv",
    build: async () => Buffer.from(`${FUNDING_HEADER}\r\n${"77;;FA-99;Mécène;1999;Prévu;-1\r\n".repeat(20_000)}`),
  },
];

/** Resident memory of a process and all its descendants (Linux /proc), in bytes. */
function treeRss(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((t) => readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return [];
    }
  };
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      continue;
    }
    queue.push(...children(p));
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace(".", ",")} s`;

export async function runHostileImports(databaseUrl: string, serverPid: number, log: (line: string) => void): Promise<PhaseResult> {
  const prisma = openPrisma(databaseUrl);
  const account = await createAccount(prisma, "DEPARTMENT_EDITOR", { departmentCode: "77" }, "fichiers-hostiles");
  const cookie = await directSession(prisma, account.id);
  await prisma.$disconnect();

  // One small file first: the route's first request loads its code (exceljs included) and opens the
  // database connections; that cold start is not what a hostile file costs.
  const warmup = new FormData();
  warmup.set("etape", "apercu");
  warmup.set("empreinte", "");
  warmup.set("fichier", new File([`${FUNDING_HEADER}\r\n77;;;Mécène;1999;Prévu;-1\r\n`], "echauffement.csv"));
  await fetch(`${ORIGIN}/api/spreadsheet/77/import`, { method: "POST", body: warmup, headers: { cookie, origin: ORIGIN }, signal: AbortSignal.timeout(120_000) }).then((r) => r.text());

  const rows: string[][] = [];
  const checks: Check[] = [];
  let worstRss = 0;
  let worstFilesRss = 0;
  let slowest = 0;
  let largest = 0;
  for (const file of FILES) {
    const bytes = await file.build();
    // Let the server settle (and collect) between files: each peak is this file's.
    await new Promise((r) => setTimeout(r, 1500));
    const before = treeRss(serverPid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(serverPid))), 25);
    const form = new FormData();
    form.set("etape", "apercu");
    form.set("empreinte", "");
    form.set("fichier", new File([new Uint8Array(bytes)], file.filename));
    const started = performance.now();
    let status = 0;
    let body = "";
    try {
      const res = await fetch(`${ORIGIN}/api/spreadsheet/77/import`, { method: "POST", body: form, headers: { cookie, origin: ORIGIN }, signal: AbortSignal.timeout(120_000) });
      status = res.status;
      body = await res.text();
    } catch (error) {
      body = `(pas de réponse : ${(error as Error).name})`;
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(serverPid));
    let answer: { status?: string; message?: string; errors?: { sheet: string | null; line: number | null; column: string | null; message: string }[]; errorCount?: { total: number } } = {};
    try {
      answer = JSON.parse(body);
    } catch {
      // reported below as not refused
    }
    const answerBytes = Buffer.byteLength(body);
    const first = answer.errors?.[0];
    const refusedOk = (status === 200 || status === 413) && answer.status === "error";
    worstRss = Math.max(worstRss, peak);
    if (file.worst) worstFilesRss = Math.max(worstFilesRss, peak);
    slowest = Math.max(slowest, ms);
    largest = Math.max(largest, answerBytes);
    rows.push([
      file.name,
      mb(bytes.length),
      refusedOk ? "refusé" : `NON REFUSÉ (HTTP ${status})`,
      seconds(ms),
      `${formatLimit(answerBytes)} o`,
      `${mb(before)} → ${mb(peak)}`,
      `${answer.errorCount ? `${formatLimit(answer.errorCount.total)} erreur(s) ; ` : ""}${first ? `${first.sheet ?? "Fichier"}, ligne ${first.line ?? "—"}, ${first.column ?? "—"} : ${first.message}` : (answer.message ?? body.slice(0, 120))}`,
    ]);
    log(`  ${file.name} : ${refusedOk ? "refusé" : "NON REFUSÉ"} en ${seconds(ms)}, réponse ${formatLimit(answerBytes)} o, mémoire du serveur ${mb(before)} → ${mb(peak)}`);
    checks.push({ target: `${file.name} : refusé`, measured: refusedOk ? (answer.message ?? "") : `HTTP ${status}`, met: refusedOk });
  }
  checks.push(
    { target: `Chaque fichier refusé en moins de ${HOSTILE_TARGETS.seconds} s`, measured: `au plus ${seconds(slowest)}`, met: slowest < HOSTILE_TARGETS.seconds * 1000 },
    { target: "Chaque réponse sous 1 Mo", measured: `au plus ${formatLimit(largest)} o`, met: largest < HOSTILE_TARGETS.answerBytes },
    { target: "Mémoire résidente du serveur sous 400 Mo pendant les pires fichiers (million de lignes, bombes)", measured: `pic ${mb(worstFilesRss)}`, met: worstFilesRss < HOSTILE_TARGETS.rssBytes },
    // Cumulative: V8 keeps the heap an earlier file grew, so the last files start from the previous peak.
    { target: "Mémoire résidente du serveur sous 400 Mo sur toute la phase (fichiers dans les limites compris)", measured: `pic ${mb(worstRss)}`, met: worstRss < HOSTILE_TARGETS.rssBytes },
  );
  return {
    title: "d) Fichiers hostiles envoyés à l'import (aperçu)",
    summary: [`${FILES.length} fichiers envoyés un à un à ${ORIGIN}/api/spreadsheet/77/import par un éditeur du département ; mémoire : RSS du serveur et de ses processus enfants, relevée toutes les 25 ms.`],
    tables: [{ header: ["Fichier", "Taille", "Réponse", "Durée", "Taille de la réponse", "Mémoire du serveur (avant → pic)", "Première erreur"], rows }],
    checks,
    serverErrors: [],
  };
}
