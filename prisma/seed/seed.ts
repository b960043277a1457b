// Loads the reference data (always, idempotent) and the demo data (contracts missing from the database).
import { createPrismaClient } from "../../lib/server/prisma";
import { demoContracts } from "./data/demo-contracts";
import { seedDemoUsers } from "./demo-users";
import { createContractFromSeed } from "./factories";
import { seedReference } from "./reference";

export type SeedReport = { createdContracts: number; createdUsers: number; summary: string };

/** `demo: "if-empty"` loads the demo only into a database that has no contract yet (first start). */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean | "if-empty" }): Promise<SeedReport> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const reference = await seedReference(prisma);
    const loadDemo = options.demo === "if-empty" ? (await prisma.contract.count()) === 0 : options.demo;
    let createdContracts = 0;
    let createdUsers = 0;
    if (loadDemo) {
      // The accounts first: the running contracts' reports, comments and history are theirs.
      createdUsers = await seedDemoUsers(prisma);
      for (const seed of demoContracts) {
        const exists = await prisma.contract.findFirst({
          where: { departmentCode: seed.departmentCode, wave: seed.wave, framework: { code: seed.frameworkCode } },
          select: { id: true },
        });
        if (exists) continue;
        await createContractFromSeed(prisma, seed);
        createdContracts++;
      }
    }
    const summary =
      `Référentiel : ${reference.regions} régions, ${reference.departments} départements, ${reference.frameworks} cadres nationaux.` +
      (loadDemo ? ` Démo : ${createdContracts} contrat(s) et ${createdUsers} compte(s) créés.` : "");
    return { createdContracts, createdUsers, summary };
  } finally {
    await prisma.$disconnect();
  }
}
