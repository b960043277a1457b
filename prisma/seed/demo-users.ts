// One demo account per role (and a second department, to show that scopes hold). Printed at start.
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../../lib/server/prisma";
import type { Role } from "../../lib/server/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-tripartite";

export type DemoAccount = { email: string; displayName: string; role: Role; departmentCode?: string; regionCode?: string; label: string };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "editeur.77@demo.tripartite.fr", displayName: "Éditrice démo (Seine-et-Marne)", role: "DEPARTMENT_EDITOR", departmentCode: "77", label: "éditeur du département 77" },
  { email: "lecteur.77@demo.tripartite.fr", displayName: "Lecteur démo (Seine-et-Marne)", role: "DEPARTMENT_READER", departmentCode: "77", label: "lecteur du département 77" },
  { email: "editeur.63@demo.tripartite.fr", displayName: "Éditeur démo (Puy-de-Dôme)", role: "DEPARTMENT_EDITOR", departmentCode: "63", label: "éditeur du département 63" },
  { email: "ars.idf@demo.tripartite.fr", displayName: "Référente démo ARS Île-de-France", role: "REGIONAL_OFFICIAL", regionCode: "11", label: "référent régional (ARS Île-de-France)" },
  { email: "ars.ara@demo.tripartite.fr", displayName: "Référent démo ARS Auvergne-Rhône-Alpes", role: "REGIONAL_OFFICIAL", regionCode: "84", label: "référent régional (ARS Auvergne-Rhône-Alpes)" },
  // The ARS of the other demo departments' regions: they approved those departments' earlier reports.
  { email: "ars.paca@demo.tripartite.fr", displayName: "Référente démo ARS Provence-Alpes-Côte d'Azur", role: "REGIONAL_OFFICIAL", regionCode: "93", label: "référent régional (ARS Provence-Alpes-Côte d'Azur)" },
  { email: "ars.hdf@demo.tripartite.fr", displayName: "Référent démo ARS Hauts-de-France", role: "REGIONAL_OFFICIAL", regionCode: "32", label: "référent régional (ARS Hauts-de-France)" },
  { email: "ars.bfc@demo.tripartite.fr", displayName: "Référente démo ARS Bourgogne-Franche-Comté", role: "REGIONAL_OFFICIAL", regionCode: "27", label: "référent régional (ARS Bourgogne-Franche-Comté)" },
  { email: "ars.ge@demo.tripartite.fr", displayName: "Référent démo ARS Grand Est", role: "REGIONAL_OFFICIAL", regionCode: "44", label: "référent régional (ARS Grand Est)" },
  { email: "national@demo.tripartite.fr", displayName: "Pilote national démo (DGCS)", role: "NATIONAL_OFFICIAL", label: "pilote national" },
  { email: "admin@demo.tripartite.fr", displayName: "Administratrice démo", role: "ADMIN", label: "administrateur" },
];

export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await prisma.user.findUnique({ where: { email: account.email } });
    if (existing) continue;
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: account.email,
          displayName: account.displayName,
          passwordHash: await hash(DEMO_PASSWORD),
          isDemo: true,
          roles: { create: { role: account.role, departmentCode: account.departmentCode ?? null, regionCode: account.regionCode ?? null } },
        },
      });
      await tx.auditLog.create({
        data: { entity: "User", entityId: user.id, operation: "create", after: { source: "seed", email: account.email, role: account.role } },
      });
    });
    created++;
  }
  return created;
}
