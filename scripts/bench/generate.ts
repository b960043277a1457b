// Benchmark data at national scale: every department × 2 contract generations, about 40 actions each,
// the funding ledger, indicator values and 20 history rows per action. Contracts are built by the same
// factory as the demo seed and the tests (createContractFromSeed via tests/factories/contracts.ts);
// history rows go into the append-only AuditLog in one INSERT … SELECT. Scale 10 adds 909 synthetic
// territories (named "Territoire synthétique N (démo)", codes 100 … that no department uses, regions
// 61 … 69) so that the database holds 1,010 departments; their contracts are copies, made in SQL, of the
// real departments' factory-built ones (same shape, new ids).
import { contractSeed } from "../../tests/factories/contracts";
import { stableFraction } from "../../prisma/seed/ledger";
import type { ActionSeed, DemoContractSeed } from "../../prisma/seed/data/types";
import type { ActionStatus } from "../../lib/server/generated/prisma/enums";
import { createPrismaClient, type PrismaClient } from "../../lib/server/prisma";
import { createContractFromSeed } from "../../prisma/seed/factories";

export const BENCH_EMAIL = "banc-essai@bench.tripartite.invalid";
const ACTIONS_PER_CONTRACT = 40;
const HISTORY_PER_ACTION = 20;
const SYNTHETIC_REGIONS = 9;

/** Two generations: the 2020-2022 framework over 4 years (with the 2023 transition), then 2025-2027. */
const GENERATIONS = [
  { frameworkCode: "2020-2022", wave: 2020, periodStart: "2020-01-01", periodEnd: "2023-12-31", status: "ENDED" },
  { frameworkCode: "2025-2027", wave: 2025, periodStart: "2025-01-01", periodEnd: "2027-12-31", status: "SIGNED" },
] as const;

const STATUSES: ActionStatus[] = ["DONE", "IN_PROGRESS", "IN_PROGRESS", "NOT_STARTED", "POSTPONED", "ABANDONED"];

export type GenerationReport = { departments: number; contracts: number; actions: number; fundingLines: number; auditRows: number; seconds: number; reused: boolean };

/**
 * Codes of the synthetic territories: three digits that no department uses (100 to 999 but the overseas
 * 971 to 976, then 000 …), valid for the open-data schemas' INSEE pattern; their names say "synthétique (démo)".
 */
function syntheticCodes(count: number): string[] {
  const codes: string[] = [];
  for (let n = 100; codes.length < count && n < 1100; n++) {
    const code = String(n % 1000).padStart(3, "0");
    if (!(n >= 971 && n <= 976)) codes.push(code);
  }
  return codes;
}

/** Region codes no INSEE region uses (61 … 69). */
const syntheticRegion = (i: number) => String(60 + i);

async function addSyntheticTerritories(prisma: PrismaClient, count: number) {
  const perRegion = Math.ceil(count / SYNTHETIC_REGIONS);
  for (let r = 1; r <= SYNTHETIC_REGIONS; r++) {
    const code = syntheticRegion(r);
    const name = `Région synthétique ${r} (démo)`;
    await prisma.region.upsert({ where: { code }, create: { code, name, arsName: `ARS fictive ${r}`, isDemo: true }, update: {} });
  }
  const data = syntheticCodes(count).map((code, i) => ({
    code,
    name: `Territoire synthétique ${i + 1} (démo)`,
    regionCode: syntheticRegion(Math.floor(i / perRegion) + 1),
    childProtectionBody: "Collectivité fictive (donnée de démonstration)",
    isDemo: true,
  }));
  await prisma.department.createMany({ data, skipDuplicates: true });
}

function benchActions(departmentCode: string, gen: (typeof GENERATIONS)[number], objectiveCodes: string[]): ActionSeed[] {
  return Array.from({ length: ACTIONS_PER_CONTRACT }, (_, i) => {
    const key = `${departmentCode}:${gen.wave}:${i}`;
    const status = STATUSES[Math.floor(stableFraction(key) * STATUSES.length)];
    const progress = status === "DONE" ? 100 : status === "NOT_STARTED" ? 0 : Math.round(10 + 80 * stableFraction(`${key}:p`));
    return {
      reference: `FA-${String(i + 1).padStart(2, "0")}`,
      objectiveCode: objectiveCodes[i % objectiveCodes.length],
      title: `Fiche action ${i + 1} (banc d'essai)`,
      purpose: "Donnée de démonstration générée pour mesurer les performances.",
      targetPublic: "Familles et enfants",
      lead: "Département",
      startDate: gen.periodStart,
      endDate: gen.periodEnd,
      status,
      progress,
      weight: 1 + stableFraction(`${key}:w`),
      isDemo: true,
    };
  });
}

function benchSeed(departmentCode: string, gen: (typeof GENERATIONS)[number], objectiveCodes: string[]): DemoContractSeed {
  const size = 1 + stableFraction(departmentCode); // 1× to 2× the base amounts
  return contractSeed({
    departmentCode,
    frameworkCode: gen.frameworkCode,
    wave: gen.wave,
    status: gen.status,
    periodStart: gen.periodStart,
    periodEnd: gen.periodEnd,
    summary: "Contrat généré pour le banc d'essai (données de démonstration).",
    amounts: [
      { party: "STATE", amount: Math.round(1_200_000 * size), isDemo: true },
      { party: "ARS", amount: Math.round(400_000 * size), isDemo: true },
      { party: "DEPARTMENT", amount: Math.round(1_500_000 * size), isDemo: true },
    ],
    actions: benchActions(departmentCode, gen, objectiveCodes),
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * 20 history rows per action (progress moving up to its current value), written by PostgreSQL in one
 * statement: at 10× that is 1.6 million rows of the append-only AuditLog.
 */
async function writeHistory(prisma: PrismaClient, actorId: string) {
  const last = HISTORY_PER_ACTION - 1;
  return prisma.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("at", "actorId", "actorEmail", "actorRole", "scopeDepartmentCode", "entity", "entityId", "operation", "before", "after")
     SELECT timestamp '2021-01-01' + h * interval '30 days' + (abs(hashtext(a.id || ':' || h)) % 86400000) * interval '1 millisecond',
            $1, $2, 'NATIONAL_OFFICIAL', c."departmentCode", 'Action', a.id, 'update',
            jsonb_build_object('progress', round(a.progress * greatest(h - 1, 0) / ${last}.0)::int),
            jsonb_build_object('progress', round(a.progress * h / ${last}.0)::int) || CASE WHEN h = ${last} THEN jsonb_build_object('status', a.status) ELSE '{}'::jsonb END
     FROM "Action" a JOIN "Contract" c ON c.id = a."contractId" CROSS JOIN generate_series(0, ${last}) AS h`,
    actorId,
    BENCH_EMAIL,
  );
}

/** Every column of a table, in order (so that the copy follows the schema as migrations change it). */
async function columnsOf(prisma: PrismaClient, table: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`;
  return rows.map((r) => r.column_name);
}

/** The tables a contract's factory fills, with how each row reaches its contract. */
const CONTRACT_TABLES: { table: string; join: string }[] = [
  { table: "Contract", join: `JOIN "Contract" c ON c.id = t.id` },
  { table: "ContractAmount", join: `JOIN "Contract" c ON c.id = t."contractId"` },
  { table: "ContractObjective", join: `JOIN "Contract" c ON c.id = t."contractId"` },
  { table: "Action", join: `JOIN "Contract" c ON c.id = t."contractId"` },
  { table: "FundingLine", join: `JOIN "Contract" c ON c.id = t."contractId"` },
  { table: "Amendment", join: `JOIN "Contract" c ON c.id = t."contractId"` },
  { table: "AmendmentAmount", join: `JOIN "Amendment" am ON am.id = t."amendmentId" JOIN "Contract" c ON c.id = am."contractId"` },
  { table: "IndicatorValue", join: `JOIN "Contract" c ON c.id = t."contractId"` },
];

/**
 * The synthetic territories' contracts: copies, made by PostgreSQL, of the factory-built contracts of
 * the real departments (territory i copies department i mod 101), with ids derived from the source id
 * and the territory. A contract built by the factory takes about a second; 1,818 copies take seconds.
 */
async function copyContracts(prisma: PrismaClient, sources: string[], targets: string[]) {
  const newId = (column: string) => `CASE WHEN t."${column}" IS NULL THEN NULL ELSE 'b' || md5(t."${column}" || ':' || m.target) END`;
  const statements: string[] = [];
  for (const { table, join } of CONTRACT_TABLES) {
    const columns = await columnsOf(prisma, table);
    const values = columns.map((col) =>
      ["id", "contractId", "actionId", "amendmentId"].includes(col) ? newId(col) : table === "Contract" && col === "departmentCode" ? "m.target" : `t."${col}"`,
    );
    statements.push(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${values.join(", ")} FROM "${table}" t ${join} JOIN bench_copy m ON m.source = c."departmentCode"`);
  }
  await prisma.$transaction(
    async (tx) => {
      // Consistent by construction: the foreign-key checks (row by row, millions of rows) are skipped.
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE bench_copy (source text NOT NULL, target text PRIMARY KEY) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(
        `INSERT INTO bench_copy (source, target) SELECT s, t FROM unnest($1::text[], $2::text[]) AS x(s, t)`,
        targets.map((_, i) => sources[i % sources.length]),
        targets,
      );
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

/** The national user the benchmark signs in as (its session is created for each run). */
export async function ensureBenchUser(prisma: PrismaClient): Promise<string> {
  const user = await prisma.user.upsert({
    where: { email: BENCH_EMAIL },
    create: { email: BENCH_EMAIL, displayName: "Banc d'essai (national)", isDemo: true, roles: { create: { role: "NATIONAL_OFFICIAL" } } },
    update: {},
  });
  return user.id;
}

/** Generates the data unless the database already holds this scale's contracts (then reuses it). */
export async function generateBenchData(databaseUrl: string, scale: number, log: (line: string) => void): Promise<GenerationReport> {
  const started = Date.now();
  const prisma = createPrismaClient(databaseUrl);
  try {
    if (scale > 1) await addSyntheticTerritories(prisma, 101 * scale - 101);
    const all = await prisma.department.findMany({ select: { code: true, isDemo: true }, orderBy: { code: "asc" } });
    const departments = all.map((d) => d.code);
    const expected = departments.length * GENERATIONS.length;
    const counts = async (reused: boolean): Promise<GenerationReport> => ({
      departments: departments.length,
      contracts: await prisma.contract.count(),
      actions: await prisma.action.count(),
      fundingLines: await prisma.fundingLine.count(),
      auditRows: await prisma.auditLog.count(),
      seconds: (Date.now() - started) / 1000,
      reused,
    });
    const actorId = await ensureBenchUser(prisma);
    if ((await prisma.contract.count()) >= expected && (await prisma.auditLog.count({ where: { actorEmail: BENCH_EMAIL } })) > 0) return counts(true);
    if ((await prisma.contract.count()) > 0) throw new Error("La base du banc d'essai est partiellement remplie : supprimez son dossier de données et relancez.");

    const objectiveCodes = new Map<string, string[]>();
    for (const gen of GENERATIONS) {
      const objectives = await prisma.objective.findMany({ where: { commitment: { framework: { code: gen.frameworkCode } }, isMandatory: true }, select: { code: true }, orderBy: { code: "asc" } });
      objectiveCodes.set(gen.frameworkCode, objectives.map((o) => o.code));
    }
    const real = all.filter((d) => !d.isDemo).map((d) => d.code);
    const jobs = real.flatMap((code) => GENERATIONS.map((gen) => ({ code, gen })));
    let done = 0;
    await pool(jobs, 4, async ({ code, gen }) => {
      await createContractFromSeed(prisma, benchSeed(code, gen, objectiveCodes.get(gen.frameworkCode)!));
      done++;
      if (done % 50 === 0 || done === jobs.length) log(`  contrats : ${done}/${jobs.length} (${Math.round((Date.now() - started) / 1000)} s)`);
    });
    const synthetic = all.filter((d) => d.isDemo).map((d) => d.code);
    if (synthetic.length > 0) {
      log(`  copie des contrats pour ${synthetic.length} territoires synthétiques…`);
      await copyContracts(prisma, real, synthetic);
    }
    log("  historique des fiches action…");
    await writeHistory(prisma, actorId);
    await prisma.$executeRawUnsafe("ANALYZE");
    return counts(false);
  } finally {
    await prisma.$disconnect();
  }
}
