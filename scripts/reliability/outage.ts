// Phase b: PostgreSQL stops under load and starts again. Meanwhile every request must get a French 503
// quickly (never a 500, never a hang); afterwards the same server process serves normally again; and
// no write is left half done (each action's version moved exactly as many times as it has audit rows).
import { isFrenchOutage, type Target, type Write } from "./action-writer";
import type { Database, Log, Server } from "./app";
import { checkLedger, snapshot, withPg } from "./ledger";
import { request } from "./http";
import { count, ms, type Check, type PhaseResult } from "./report";
import { pickTargets, signedInEditors, writeUntil } from "./writers";

export type OutageOptions = { readers: number; writers: number; warmupSeconds: number; outageSeconds: number; afterSeconds: number };

/** Longest a request may take while the database is down (the 503 must come at once, not after a timeout). */
const OUTAGE_MAX_MS = 5_000;
const RECOVERY_MAX_MS = 10_000;

type Hit = { kind: "lecture" | "écriture"; path: string; status: number; french: boolean; ms: number; sentAt: number; doneAt: number };

function readPaths(target: Target): { path: string; signedIn: boolean }[] {
  return [
    { path: "/", signedIn: false },
    { path: "/departements/77", signedIn: false },
    { path: "/api/v1/contrats", signedIn: false },
    { path: "/api/v1/actions?departement=77", signedIn: false },
    { path: "/espace/departements/77", signedIn: true },
    { path: target.url, signedIn: true },
    { path: "/api/session", signedIn: true },
  ];
}

export async function runOutage(db: Database, server: Server, options: OutageOptions, log: Log): Promise<PhaseResult> {
  const targets = await pickTargets(db.url, 5);
  const cookies = await signedInEditors(db.url, 4, "panne");
  const before = await withPg(db.url, snapshot);
  const hits: Hit[] = [];
  let stop = false;
  const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

  const readers = Array.from({ length: options.readers }, async (_, i) => {
    const paths = readPaths(targets[i % targets.length]);
    while (!stop) {
      const p = paths[Math.floor(Math.random() * paths.length)];
      const a = await request(p.path, { cookie: p.signedIn ? cookies[i % cookies.length] : undefined });
      hits.push({ kind: "lecture", path: p.path, status: a.status, french: isFrenchOutage(a), ms: a.ms, sentAt: a.sentAt, doneAt: a.sentAt + a.ms });
      if (a.status === 0) await sleep(0.05);
    }
  });
  const writing = writeUntil(cookies, options.writers, targets, () => stop, "b");

  log(`▸ Charge : ${options.readers} lecteurs et ${options.writers} rédacteurs ; arrêt de PostgreSQL dans ${options.warmupSeconds} s…`);
  await sleep(options.warmupSeconds);
  const cutStart = Date.now();
  await db.stop();
  const cutEnd = Date.now();
  log(`  PostgreSQL arrêté (${cutEnd - cutStart} ms) ; redémarrage dans ${options.outageSeconds} s…`);
  await sleep(options.outageSeconds);
  const restartAt = Date.now();
  await db.start();
  const restartEnd = Date.now();
  log(`  PostgreSQL redémarré (${restartEnd - restartAt} ms) ; le serveur n'est pas redémarré.`);
  let recoveredAt: number | null = null;
  const waitUntil = restartEnd + RECOVERY_MAX_MS * 3;
  while (recoveredAt === null && Date.now() < waitUntil) {
    recoveredAt = hits.filter((h) => h.sentAt >= restartEnd && h.status === 200).reduce<number | null>((m, h) => (m === null || h.doneAt < m ? h.doneAt : m), null);
    await sleep(0.2);
  }
  await sleep(options.afterSeconds);
  stop = true;
  const [{ writes }] = await Promise.all([writing, ...readers]);

  const all: Hit[] = [
    ...hits,
    ...writes.map((w: Write) => ({ kind: "écriture" as const, path: "formulaire de la fiche", status: w.status, french: w.kind === "outage", ms: w.ms, sentAt: w.sentAt, doneAt: w.doneAt })),
  ];
  const during = all.filter((h) => h.sentAt >= cutEnd && h.doneAt <= restartAt);
  const atCut = all.filter((h) => h.sentAt < cutEnd && h.doneAt > cutStart);
  const settled = recoveredAt === null ? [] : all.filter((h) => h.sentAt >= recoveredAt + 2_000);
  const notOk = (h: Hit) => !(h.status >= 200 && h.status < 400);
  // 503 is the expected failure; at the cut it may carry the app's error page rather than the proxy's.
  const fivexx = all.filter((h) => h.status >= 500 && h.status !== 503);
  const noAnswer = all.filter((h) => h.status === 0);
  // Writes whose answer was lost at the cut may or may not have been committed: both are allowed, half is not.
  const lostAnswers = new Set(writes.filter((w) => w.sentAt < cutEnd && w.doneAt > cutStart && w.kind !== "success" && w.kind !== "conflict").map((w) => w.token));
  const ledger = await withPg(db.url, (client) => checkLedger(client, before, targets, writes, lostAnswers));
  const duringMax = Math.max(0, ...during.map((h) => h.ms));

  const statusList = (hs: Hit[]) => {
    const m = new Map<string, number>();
    for (const h of hs) {
      const key = h.status === 0 ? "sans réponse" : h.status === 503 ? (h.french ? "503 (page « indisponible »)" : "503 (page d'erreur de l'app)") : String(h.status);
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return [...m].sort().map(([k, n]) => `${k} × ${n}`).join(", ") || "—";
  };
  const checks: Check[] = [
    {
      target: "pendant la panne : 503 en français pour chaque requête",
      measured: `${during.filter((h) => h.status === 503 && h.french).length} / ${during.length}`,
      met: during.length > 0 && during.every((h) => h.status === 503 && h.french),
    },
    { target: `pendant la panne : réponse en ${OUTAGE_MAX_MS / 1000} s au plus`, measured: `max ${ms(duringMax)}`, met: duringMax <= OUTAGE_MAX_MS },
    { target: "jamais de 500 (ni à la coupure, ni après)", measured: `${fivexx.length} réponse(s) 5xx autres que 503`, met: fivexx.length === 0 },
    { target: "aucune requête sans réponse", measured: `${noAnswer.length}`, met: noAnswer.length === 0 },
    {
      target: `reprise sans redémarrer l'application, en ${RECOVERY_MAX_MS / 1000} s au plus`,
      measured: recoveredAt === null ? "pas de reprise" : `première réponse 200 ${ms(recoveredAt - restartEnd)} après le redémarrage de PostgreSQL ; serveur ${server.exited() ? "ARRÊTÉ" : "toujours le même processus"}`,
      met: recoveredAt !== null && recoveredAt - restartEnd <= RECOVERY_MAX_MS && !server.exited(),
    },
    { target: "après la reprise : tout répond normalement", measured: `${settled.filter(notOk).length} erreur(s) sur ${settled.length} requêtes`, met: settled.length > 0 && settled.every((h) => !notOk(h)) },
    {
      target: "aucune écriture partielle",
      measured: `${ledger.versionAuditMismatches.length} fiche(s) dont la version et l'audit divergent ; ${ledger.missingAuditTokens.length} écriture(s) confirmée(s) sans audit ; ${ledger.unconfirmedAuditTokens.length} audit sans écriture`,
      met: ledger.versionAuditMismatches.length === 0 && ledger.missingAuditTokens.length === 0 && ledger.unconfirmedAuditTokens.length === 0,
    },
  ];
  const byPath = new Map<string, number>();
  for (const h of fivexx) {
    const key = `${h.kind} ${h.path.replace(/[a-z0-9]{25}/, "<id>")} → ${h.status}`;
    byPath.set(key, (byPath.get(key) ?? 0) + 1);
  }
  const window = (label: string, hs: Hit[]) => [label, count(hs.length), statusList(hs), hs.length ? ms(Math.max(...hs.map((h) => h.ms))) : "—"];
  return {
    title: "b) PostgreSQL arrêté puis redémarré sous charge",
    summary: [
      `${options.readers} lecteurs (pages publiques, espace connecté, API) et ${options.writers} rédacteurs ; PostgreSQL arrêté ${((restartAt - cutEnd) / 1000).toFixed(1)} s puis redémarré, serveur de l'application laissé tel quel.`,
      `${count(all.length)} requêtes ; ${count(writes.filter((w) => w.kind === "success").length)} écritures réussies, ${lostAnswers.size} écriture(s) en vol à la coupure sans confirmation (enregistrées ou non, jamais à moitié).`,
      ...(byPath.size ? [`Réponses 5xx : ${[...byPath].map(([k, n]) => `${k} (× ${n})`).join(" ; ")}.`] : []),
    ],
    tables: [
      {
        header: ["Moment", "Requêtes", "Statuts", "Temps max"],
        rows: [
          window("avant la coupure", all.filter((h) => h.doneAt <= cutStart)),
          window("en vol à la coupure", atCut),
          window("pendant la panne", during),
          window("au redémarrage", all.filter((h) => h.sentAt < restartEnd && h.doneAt > restartAt)),
          window("après la reprise (+2 s)", settled),
        ],
      },
    ],
    checks,
    serverErrors: [],
  };
}
