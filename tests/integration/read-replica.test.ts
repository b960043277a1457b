// DATABASE_REPLICA_URL: the reads that opt in (readingFromReplica) go to the replica, everything else
// and every write to the primary. The "replica" here is a second database on the same server, a copy
// of the primary in which Seine-et-Marne has another name and more money paid: whichever value a read
// returns says which database answered.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getPublicDepartmentPage } from "../../lib/opendata/cached";
import { viewTable } from "../../lib/oversight/export-tables";
import { buildExport } from "../../lib/oversight/exports";
import { getOversightView } from "../../lib/oversight/queries";
import { parseOversightParams } from "../../lib/oversight/schemas";
import { db, readingFromReplica } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";
import { createDatabase, dropDatabase, uniqueName } from "../setup/test-database";

const { adminUrl, seededTemplate } = inject("testDatabases");
const replicaName = uniqueName("tripartite_replica");
const REPLICA_NAME_77 = "Seine-et-Marne (copie de lecture)";
const EXTRA_PAID_CENTS = 123_400;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

let replicaUrl: string;

beforeAll(async () => {
  replicaUrl = await createDatabase(adminUrl, replicaName, seededTemplate);
  await query(replicaUrl, `UPDATE "Department" SET name = '${REPLICA_NAME_77}' WHERE code = '77'`);
  await query(
    replicaUrl,
    `UPDATE "FundingLine" SET "amountCents" = "amountCents" + ${EXTRA_PAID_CENTS}
     WHERE id = (SELECT f.id FROM "FundingLine" f JOIN "Contract" c ON c.id = f."contractId" WHERE c."departmentCode" = '77' AND f.stage = 'PAID'
       AND c."periodStart" = (SELECT max("periodStart") FROM "Contract" WHERE "departmentCode" = '77') ORDER BY f.id LIMIT 1)`,
  );
  process.env.DATABASE_REPLICA_URL = replicaUrl;
});

afterAll(async () => {
  const holder = globalThis as unknown as { tripartiteReplicaDb?: { $disconnect: () => Promise<void> } };
  await holder.tripartiteReplicaDb?.$disconnect();
  await dropDatabase(adminUrl, replicaName);
});

/** The first 77 row of the contracts table: its running contract (most recent first), whose line the replica changed. */
const paid77 = (table: { columns: { key: string }[]; rows: unknown[][] }) => {
  const row = table.rows.find((r) => r[0] === "77")!;
  return { name: row[1], paid: Number(row[table.columns.findIndex((c) => c.key === "verse_eur")]) };
};

describe("read replica", () => {
  it("serves the reads that opt in, model reads and raw aggregates alike, and nothing else", async () => {
    expect((await getPublicDepartmentPage("77"))?.department.name).toBe("Seine-et-Marne");
    expect((await readingFromReplica(() => getPublicDepartmentPage("77")))?.department.name).toBe(REPLICA_NAME_77);

    // The national view on its page reads the primary; its export (names from model reads, money from
    // raw SQL aggregates) opts in to the replica.
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const view = await getOversightView(national, { kind: "national" }, parseOversightParams({}).filters);
    const exported = await buildExport(national, "contrats", new URLSearchParams({ portee: "national" }));
    if (!view || !exported.ok) throw new Error("vue ou export refusé");
    const onPage = paid77(viewTable(view, "contrats"));
    expect(onPage.name).toBe("Seine-et-Marne");
    expect(paid77(exported.table)).toEqual({ name: REPLICA_NAME_77, paid: onPage.paid + EXTRA_PAID_CENTS });
  });

  it("sends writes and transactions to the primary, even inside readingFromReplica", async () => {
    const email = `${uniqueName("replica")}@test.tripartite.fr`;
    const inTransaction = await readingFromReplica(async () => {
      await db().loginAttempt.create({ data: { email, ip: "192.0.2.1", success: false } });
      return db().$transaction((tx) => tx.department.findUniqueOrThrow({ where: { code: "77" } }));
    });
    expect(inTransaction.name).toBe("Seine-et-Marne");
    const count = `SELECT count(*)::int AS n FROM "LoginAttempt" WHERE email = '${email}'`;
    expect((await query<{ n: number }>(process.env.DATABASE_URL!, count))[0].n).toBe(1);
    expect((await query<{ n: number }>(replicaUrl, count))[0].n).toBe(0);
  });
});
