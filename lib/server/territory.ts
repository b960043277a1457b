import "server-only";
import type { Territory } from "./authz";
import type { Prisma } from "./generated/prisma/client";

/** The territory of a contract, for authorization and audit rows. */
export async function contractTerritory(tx: Prisma.TransactionClient, contractId: string): Promise<Territory | null> {
  const contract = await tx.contract.findUnique({ where: { id: contractId }, select: { departmentCode: true, department: { select: { regionCode: true } } } });
  return contract ? { departmentCode: contract.departmentCode, regionCode: contract.department.regionCode } : null;
}

export async function departmentTerritory(tx: Prisma.TransactionClient, departmentCode: string): Promise<Territory | null> {
  const department = await tx.department.findUnique({ where: { code: departmentCode }, select: { code: true, regionCode: true } });
  return department ? { departmentCode: department.code, regionCode: department.regionCode } : null;
}
