// What the database says after a run of writes, compared with what the writers were told.
// Every save bumps the action's version by one and inserts one audit row in the same transaction; each
// write carried a unique token in the "Pilote" field, so the audit rows name the writes they record.
import pg from "pg";
import type { Target, Write } from "./action-writer";

export type Snapshot = { versions: Map<string, number>; auditMark: bigint };

export type LedgerCheck = {
  perTarget: { reference: string; initial: number; final: number; successes: number; auditRows: number; finalMatchesLast: boolean; versionsClaimedOnce: boolean }[];
  successes: number;
  auditRows: number;
  /** Audit rows whose token no writer was told succeeded (allowed only for writes whose answer was lost). */
  unconfirmedAuditTokens: string[];
  /** Writes told "saved" with no audit row. */
  missingAuditTokens: string[];
  /** Actions whose version moved by another amount than their audit rows say (a change without its audit row, or the reverse). */
  versionAuditMismatches: string[];
  lostUpdates: number;
};

export async function withPg<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function snapshot(client: pg.Client): Promise<Snapshot> {
  const rows = await client.query<{ id: string; version: number }>('SELECT id, version FROM "Action"');
  const mark = await client.query<{ max: string | null }>('SELECT max(id)::text AS max FROM "AuditLog"');
  return { versions: new Map(rows.rows.map((r) => [r.id, r.version])), auditMark: BigInt(mark.rows[0].max ?? "0") };
}

export async function checkLedger(client: pg.Client, before: Snapshot, targets: Target[], writes: Write[], lostAnswerTokens: Set<string> = new Set()): Promise<LedgerCheck> {
  const audit = await client.query<{ entity_id: string; token: string | null }>(
    `SELECT "entityId" AS entity_id, "after"->>'lead' AS token FROM "AuditLog"
     WHERE entity = 'Action' AND operation = 'update' AND id > $1 ORDER BY id`,
    [before.auditMark.toString()],
  );
  const now = await client.query<{ id: string; version: number; lead: string | null; progress: number }>('SELECT id, version, lead, progress FROM "Action"');
  const current = new Map(now.rows.map((r) => [r.id, r]));
  const successes = writes.filter((w) => w.kind === "success");
  const auditTokens = audit.rows.map((r) => r.token ?? "");
  const successTokens = new Set(successes.map((w) => w.token));
  const auditSet = new Set(auditTokens);

  const perTarget = targets.map((t) => {
    const mine = successes.filter((w) => w.target === t.id).sort((a, b) => a.fromVersion - b.fromVersion);
    const initial = before.versions.get(t.id) ?? 0;
    const row = current.get(t.id)!;
    const last = mine.at(-1);
    const claimed = mine.map((w) => w.fromVersion + 1);
    return {
      reference: t.reference,
      initial,
      final: row.version,
      successes: mine.length,
      auditRows: audit.rows.filter((r) => r.entity_id === t.id).length,
      // The row holds what the write that produced its current version sent.
      finalMatchesLast: mine.length === 0 ? row.version === initial : Boolean(last && last.fromVersion + 1 === row.version && row.lead === last.token && row.progress === last.progress),
      versionsClaimedOnce: new Set(claimed).size === claimed.length,
    };
  });

  // Every action, not only the targets: a version that moved without its audit row is a partial write.
  const versionAuditMismatches: string[] = [];
  const auditCount = new Map<string, number>();
  const allAudit = await client.query<{ entity_id: string; n: string }>(
    `SELECT "entityId" AS entity_id, count(*)::text AS n FROM "AuditLog" WHERE entity = 'Action' AND operation IN ('update', 'archive') AND id > $1 GROUP BY 1`,
    [before.auditMark.toString()],
  );
  for (const r of allAudit.rows) auditCount.set(r.entity_id, Number(r.n));
  for (const [id, row] of current) {
    const moved = row.version - (before.versions.get(id) ?? 1);
    if (before.versions.has(id) && moved !== (auditCount.get(id) ?? 0)) versionAuditMismatches.push(`${id}: version +${moved}, ${auditCount.get(id) ?? 0} ligne(s) d'audit`);
  }

  const lostUpdates = perTarget.filter((t) => t.final - t.initial !== t.successes || !t.finalMatchesLast || !t.versionsClaimedOnce).length;
  return {
    perTarget,
    successes: successes.length,
    auditRows: audit.rows.length,
    unconfirmedAuditTokens: auditTokens.filter((tok) => !successTokens.has(tok) && !lostAnswerTokens.has(tok)),
    missingAuditTokens: [...successTokens].filter((tok) => !auditSet.has(tok)),
    versionAuditMismatches,
    lostUpdates,
  };
}
