// Benchmark data at national scale: every department × 2 contract generations, about 40 actions each,
// the funding ledger, indicator values and 20 history rows per action. Contracts are built by the same
// factory as the demo seed and the tests (createContractFromSeed via tests/factories/contracts.ts);
// history rows go into the append-only AuditLog with createMany. Scale 10 adds synthetic territories
// ("X0001"…, clearly demo) so that the database holds 1,010 departments.
import { contractSeed } from "../../tests/factories/contracts";
import { stableFraction } from "../../prisma/seed/ledger";
import type { ActionSeed, DemoContractSeed } from "../../prisma/seed/data/types";
import type { ActionStatus } from "../../lib/server/generated/prisma/enums";
import type { Prisma } from "../../lib/server/generated/prisma/client";
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

async function addSyntheticTerritories(prisma: PrismaClient, count: number) {
  const perRegion = Math.ceil(count / SYNTHETIC_REGIONS);
  for (let r = 1; r <= SYNTHETIC_REGIONS; r++) {
    const code = `X${String(r).padStart(2, "0")}`;
    const name = `Région synthétique ${r} (démo)`;
    await prisma.region.upsert({ where: { code }, create: { code, name, arsName: `ARS fictive ${r}`, isDemo: true }, update: {} });
  }
  const data = Array.from({ length: count }, (_, i) => ({
    code: `X${String(i + 1).padStart(4, "0")}`,
    name: `Territoire synthétique ${i + 1} (démo)`,
    regionCode: `X${String(Math.floor(i / perRegion) + 1).padStart(2, "0")}`,
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

async function writeHistory(prisma: PrismaClient, actorId: string) {
  const actions = await prisma.action.findMany({ select: { id: true, status: true, progress: true, contract: { select: { departmentCode: true } } } });
  const base = Date.UTC(2021, 0, 1);
  let batch: Prisma.AuditLogCreateManyInput[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await prisma.auditLog.createMany({ data: batch });
    written += batch.length;
    batch = [];
  };
  for (const action of actions) {
    for (let h = 0; h < HISTORY_PER_ACTION; h++) {
      const progress = Math.round((action.progress * h) / (HISTORY_PER_ACTION - 1));
      batch.push({
        at: new Date(base + h * 30 * 86_400_000 + Math.floor(stableFraction(`${action.id}:${h}`) * 86_400_000)),
        actorId,
        actorEmail: BENCH_EMAIL,
        actorRole: "NATIONAL_OFFICIAL",
        scopeDepartmentCode: action.contract.departmentCode,
        entity: "Action",
        entityId: action.id,
        operation: "update",
        before: { progress: Math.round((action.progress * Math.max(0, h - 1)) / (HISTORY_PER_ACTION - 1)) },
        after: { progress, ...(h === HISTORY_PER_ACTION - 1 ? { status: action.status } : {}) },
      });
    }
    if (batch.length >= 5_000) await flush();
  }
  await flush();
  return written;
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
    const departments = (await prisma.department.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((d) => d.code);
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
    const jobs = departments.flatMap((code) => GENERATIONS.map((gen) => ({ code, gen })));
    let done = 0;
    await pool(jobs, 4, async ({ code, gen }) => {
      await createContractFromSeed(prisma, benchSeed(code, gen, objectiveCodes.get(gen.frameworkCode)!));
      done++;
      if (done % 50 === 0 || done === jobs.length) log(`  contrats : ${done}/${jobs.length} (${Math.round((Date.now() - started) / 1000)} s)`);
    });
    log("  historique des fiches action…");
    await writeHistory(prisma, actorId);
    await prisma.$executeRawUnsafe("ANALYZE");
    return counts(false);
  } finally {
    await prisma.$disconnect();
  }
}
