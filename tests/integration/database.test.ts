import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed";
import { runPrisma } from "../../scripts/database";
import { createDatabase, dropDatabase, uniqueName } from "../setup/test-database";

const { adminUrl, emptyTemplate } = inject("testDatabases");
const created: string[] = [];

async function freshDatabase(template?: string) {
  const name = uniqueName("tripartite_case");
  created.push(name);
  return createDatabase(adminUrl, name, template);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A fingerprint of every row of every table: equal fingerprints, equal contents. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await query<{ digest: string; n: string }>(
      url,
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table_name}" t`,
    );
    result[table_name] = `${row.n}:${row.digest}`;
  }
  return result;
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("migrations", () => {
  it("apply to an empty database and leave nothing pending", async () => {
    const url = await freshDatabase();
    await runPrisma(["migrate", "deploy"], url, true);
    const applied = await query<{ migration_name: string }>(url, `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    const onDisk = readdirSync("prisma/migrations").filter((d) => /^\d+_/.test(d));
    expect(applied.map((m) => m.migration_name).sort()).toEqual(onDisk.sort());
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["Department", "Framework", "Contract", "Action", "FundingLine", "IndicatorValue", "AuditLog", "Session"]),
    );
  });
});

describe("seed", () => {
  it("loads the reference and demo data, and a second run changes nothing", async () => {
    const url = await freshDatabase(emptyTemplate);
    const first = await seedDatabase(url, { demo: true });
    expect(first.createdContracts).toBe(14);
    const before = await fingerprint(url);
    expect(before.Department).toMatch(/^101:/);
    expect(before.Region).toMatch(/^18:/);

    const second = await seedDatabase(url, { demo: true });
    expect(second.createdContracts).toBe(0);
    expect(second.createdUsers).toBe(0);
    expect(await fingerprint(url)).toEqual(before);
  });

  it("keeps INSEE codes as strings, with their leading zero and Corsica's letters", async () => {
    const url = process.env.DATABASE_URL!;
    const codes = (await query<{ code: string }>(url, `SELECT code FROM "Department" ORDER BY code`)).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["01", "2A", "2B", "971", "976"]));
    const [alsace] = await query<{ childProtectionBody: string }>(url, `SELECT "childProtectionBody" FROM "Department" WHERE code = '67'`);
    expect(alsace.childProtectionBody).toBe("Collectivité européenne d'Alsace");
  });

  it("marks every fact with a source or as demo data", async () => {
    const url = process.env.DATABASE_URL!;
    for (const table of ["Contract", "ContractAmount", "Action", "Objective", "Indicator", "DepartmentContextFigure", "AmendmentAmount"]) {
      const [row] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${table}" WHERE "sourceUrl" IS NULL AND NOT "isDemo"`);
      expect({ table, unmarked: Number(row.n) }).toEqual({ table, unmarked: 0 });
    }
  });
});

describe("audit log", () => {
  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const url = process.env.DATABASE_URL!;
    await query(url, `INSERT INTO "AuditLog" (entity, "entityId", operation) VALUES ('Test', 'x', 'create')`);
    await expect(query(url, `UPDATE "AuditLog" SET operation = 'tampered'`)).rejects.toThrow(/ajout seul/);
    await expect(query(url, `DELETE FROM "AuditLog"`)).rejects.toThrow(/ajout seul/);
    await expect(query(url, `TRUNCATE "AuditLog"`)).rejects.toThrow(/ajout seul/);
    const [row] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "AuditLog" WHERE operation = 'tampered'`);
    expect(Number(row.n)).toBe(0);
  });
});
