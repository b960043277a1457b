// "Another department" for a test: a real department (so its INSEE code passes every check) that neither the
// demo data nor an earlier test of this worker's database has touched: no contract, no user, no context figure.
import { db } from "../../lib/server/db";

export async function untouchedDepartment(options: { outsideRegion?: string } = {}) {
  const department = await db().department.findFirst({
    where: { contracts: { none: {} }, roles: { none: {} }, contextFigures: { none: {} }, ...(options.outsideRegion ? { regionCode: { not: options.outsideRegion } } : {}) },
    orderBy: { code: "desc" },
  });
  if (!department) throw new Error("Plus aucun département libre dans la base de test.");
  return department;
}
