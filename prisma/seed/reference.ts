// Reference data: regions and their ARS, the 101 departments, the national frameworks.
// Upserts on natural keys: running it again changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/server/prisma";
import { frameworks } from "./data/frameworks";
import { provenance } from "./factories";

export const COG_SOURCE_URL = "https://www.insee.fr/fr/information/2560452";

export type DepartmentRow = { code: string; name: string; regionCode: string; regionName: string; body: string };

export function readDepartments(): DepartmentRow[] {
  const csv = readFileSync(path.join(process.cwd(), "prisma", "seed", "data", "departements.csv"), "utf8").trim();
  const [header, ...lines] = csv.split(/\r?\n/);
  if (header !== "code_insee,nom,code_region,region_ars,collectivite_competente_ase") {
    throw new Error(`departements.csv : en-tête inattendu « ${header} »`);
  }
  return lines.map((line) => {
    const [code, name, regionCode, regionName, body] = line.split(",");
    return { code, name, regionCode, regionName, body };
  });
}

export async function seedReference(prisma: PrismaClient) {
  const departments = readDepartments();
  const regions = new Map(departments.map((d) => [d.regionCode, d.regionName]));
  for (const [code, name] of regions) {
    await prisma.region.upsert({
      where: { code },
      create: { code, name, arsName: `ARS ${name}`, sourceUrl: COG_SOURCE_URL },
      update: { name, arsName: `ARS ${name}`, sourceUrl: COG_SOURCE_URL },
    });
  }
  for (const d of departments) {
    const data = { name: d.name, regionCode: d.regionCode, childProtectionBody: d.body, sourceUrl: COG_SOURCE_URL };
    await prisma.department.upsert({ where: { code: d.code }, create: { code: d.code, ...data }, update: data });
  }

  for (const f of frameworks) {
    const frameworkData = {
      name: f.name,
      startYear: f.startYear,
      endYear: f.endYear,
      description: f.description,
      ...provenance(f),
    };
    const framework = await prisma.framework.upsert({
      where: { code: f.code },
      create: { code: f.code, ...frameworkData },
      update: frameworkData,
    });
    for (const [ci, c] of f.commitments.entries()) {
      const commitmentData = {
        position: ci + 1,
        title: c.title,
        isCrossCutting: c.isCrossCutting ?? false,
        ...provenance(c),
      };
      const commitment = await prisma.commitment.upsert({
        where: { frameworkId_code: { frameworkId: framework.id, code: c.code } },
        create: { frameworkId: framework.id, code: c.code, ...commitmentData },
        update: commitmentData,
      });
      for (const [oi, o] of c.objectives.entries()) {
        const objectiveData = {
          position: oi + 1,
          title: o.title,
          isMandatory: o.isMandatory,
          ...provenance(o),
        };
        const objective = await prisma.objective.upsert({
          where: { commitmentId_code: { commitmentId: commitment.id, code: o.code } },
          create: { commitmentId: commitment.id, code: o.code, ...objectiveData },
          update: objectiveData,
        });
        for (const [ii, i] of o.indicators.entries()) {
          const indicatorData = {
            position: ii + 1,
            label: i.label,
            kind: i.kind,
            direction: i.direction,
            unit: i.unit,
            ...provenance(i),
          };
          await prisma.indicator.upsert({
            where: { objectiveId_code: { objectiveId: objective.id, code: i.code } },
            create: { objectiveId: objective.id, code: i.code, ...indicatorData },
            update: indicatorData,
          });
        }
      }
    }
  }
  return { regions: regions.size, departments: departments.length, frameworks: frameworks.length };
}
