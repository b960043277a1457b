// Test factories: the same builder as the demo seed, with small variations per test.
import type { PrismaClient } from "../../lib/server/prisma";
import type { DemoContractSeed } from "../../prisma/seed/data/types";
import { createContractFromSeed } from "../../prisma/seed/factories";

export function contractSeed(overrides: Partial<DemoContractSeed> & { departmentCode: string }): DemoContractSeed {
  return {
    frameworkCode: "2020-2022",
    wave: 2021,
    status: "SIGNED",
    periodStart: "2021-01-01",
    periodEnd: "2022-12-31",
    stateSignatory: "Le préfet",
    arsSignatory: "Le directeur général de l'ARS",
    departmentSignatory: "Le président du conseil départemental",
    summary: "Contrat de test.",
    isDemo: true,
    amounts: [
      { party: "STATE", amount: 1_000_000, isDemo: true },
      { party: "ARS", amount: 300_000, isDemo: true },
      { party: "DEPARTMENT", amount: 1_000_000, isDemo: true },
    ],
    optionalObjectiveCodes: [],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O1",
        title: "Action de test",
        purpose: "Vérifier le comportement.",
        targetPublic: "Familles",
        lead: "Département",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 40,
        isDemo: true,
      },
    ],
    contextFigures: [],
    ...overrides,
  };
}

export function createContract(prisma: PrismaClient, overrides: Partial<DemoContractSeed> & { departmentCode: string }) {
  return createContractFromSeed(prisma, contractSeed(overrides));
}
