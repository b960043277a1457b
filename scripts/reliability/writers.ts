// Phase a: many people save the same few fiches action at once, through the real form, for a while.
// Then the database must hold every save the writers were told about, each with its audit row, and
// nothing else: no lost update, no 5xx.
import { ActionWriter, type Target, type Write } from "./action-writer";
import { actionNamed, createAccount, openPrisma, signIn } from "./accounts";
import { checkLedger, snapshot, withPg } from "./ledger";
import { percentile } from "./http";
import { count, ms, type Check, type PhaseResult } from "./report";
import type { Log } from "./app";

export type WritersOptions = { writers: number; seconds: number; editors: number; records: number };

/** A few actions of Seine-et-Marne's contract, the records everyone fights over. */
export async function pickTargets(databaseUrl: string, n: number, skip = 0): Promise<Target[]> {
  const prisma = openPrisma(databaseUrl);
  try {
    const actions = await prisma.action.findMany({
      where: { archivedAt: null, contract: { departmentCode: "77" } },
      orderBy: { reference: "asc" },
      select: { id: true, reference: true },
      skip,
      take: n,
    });
    if (actions.length < n) throw new Error(`Seulement ${actions.length} fiches action disponibles en Seine-et-Marne.`);
    return actions.map((a) => ({ ...a, url: `/espace/departements/77/actions/${a.id}` }));
  } finally {
    await prisma.$disconnect();
  }
}

/** Department editors created for the run and signed in through /connexion. */
export async function signedInEditors(databaseUrl: string, n: number, label: string): Promise<string[]> {
  const prisma = openPrisma(databaseUrl);
  try {
    const accounts = [];
    for (let i = 0; i < n; i++) accounts.push(await createAccount(prisma, "DEPARTMENT_EDITOR", { departmentCode: "77" }, label));
    const cookies = [];
    for (const a of accounts) cookies.push(await signIn(a.email));
    return cookies;
  } finally {
    await prisma.$disconnect();
  }
}

/** Writers save random targets until `until`; each write's token is `<prefix><writer>-<n>`. */
export async function writeUntil(cookies: string[], writers: number, targets: Target[], until: () => boolean, prefix: string): Promise<{ writes: Write[]; reads: number }> {
  const actionId = actionNamed("updateActionForm").id;
  const all: Write[] = [];
  let reads = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const writer = new ActionWriter(cookies[w % cookies.length], actionId);
      for (let n = 0; !until(); n++) {
        const target = targets[Math.floor(Math.random() * targets.length)];
        const write = await writer.write(target, `${prefix}${w}-${n}`, 1 + Math.floor(Math.random() * 99));
        if (write) all.push(write);
        else await new Promise((r) => setTimeout(r, 200)); // the page did not show the form: try again shortly
      }
      reads += writer.reads;
    }),
  );
  return { writes: all, reads };
}

export async function runWriters(databaseUrl: string, options: WritersOptions, log: Log): Promise<PhaseResult> {
  const targets = await pickTargets(databaseUrl, options.records);
  log(`▸ ${options.editors} éditeurs créés et connectés par /connexion ; ${options.writers} rédacteurs sur ${targets.map((t) => t.reference).join(", ")} pendant ${options.seconds} s…`);
  const cookies = await signedInEditors(databaseUrl, options.editors, "redacteur");
  const before = await withPg(databaseUrl, snapshot);
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const { writes, reads } = await writeUntil(cookies, options.writers, targets, () => Date.now() >= deadline, "a");
  const elapsed = (Date.now() - started) / 1000;
  const ledger = await withPg(databaseUrl, (client) => checkLedger(client, before, targets, writes));

  const by = (kind: Write["kind"]) => writes.filter((w) => w.kind === kind);
  const fivexx = writes.filter((w) => w.status >= 500);
  const lat = writes.map((w) => w.ms);
  const checks: Check[] = [
    {
      target: "0 mise à jour perdue",
      measured: `${ledger.lostUpdates} fiche(s) sur ${targets.length} en écart (versions, valeurs finales)`,
      met: ledger.lostUpdates === 0,
    },
    {
      target: "lignes d'audit = écritures réussies",
      measured: `${count(ledger.auditRows)} lignes pour ${count(ledger.successes)} écritures ; ${ledger.missingAuditTokens.length} sans audit, ${ledger.unconfirmedAuditTokens.length} audit sans écriture`,
      met: ledger.auditRows === ledger.successes && ledger.missingAuditTokens.length === 0 && ledger.unconfirmedAuditTokens.length === 0,
    },
    { target: "aucune réponse 5xx", measured: `${fivexx.length} réponse(s) 5xx`, met: fivexx.length === 0 },
    { target: "aucune requête sans réponse (30 s au plus)", measured: `${by("no-answer").length}`, met: by("no-answer").length === 0 },
    { target: "versions et audit cohérents sur toutes les fiches", measured: `${ledger.versionAuditMismatches.length} écart(s)`, met: ledger.versionAuditMismatches.length === 0 },
  ];
  return {
    title: `a) ${options.writers} rédacteurs simultanés pendant ${options.seconds} s`,
    summary: [
      `${count(writes.length)} enregistrements envoyés en ${elapsed.toFixed(0)} s (${(writes.length / elapsed).toFixed(1)}/s) par ${options.writers} rédacteurs (${options.editors} comptes d'éditeur), plus ${count(reads)} lectures de la page de la fiche ;`,
      `${count(by("success").length)} réussis, ${count(by("conflict").length)} conflits de version (relus puis renvoyés), ${count(by("error").length)} autres erreurs ; temps de réponse p50 ${ms(percentile(lat, 50))}, p95 ${ms(percentile(lat, 95))}, max ${ms(Math.max(0, ...lat))}.`,
    ],
    tables: [
      {
        header: ["Fiche", "Version avant", "Version après", "Écritures réussies", "Lignes d'audit", "Valeurs = dernière écriture"],
        rows: ledger.perTarget.map((t) => [t.reference, String(t.initial), String(t.final), String(t.successes), String(t.auditRows), t.finalMatchesLast && t.versionsClaimedOnce ? "oui" : "NON"]),
      },
    ],
    checks,
    serverErrors: [],
  };
}
