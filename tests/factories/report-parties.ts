// A fresh signed contract (2021–2022) for a department, with a person of each signatory: the
// department's editor, the ARS official of its region, a national (State) official.
import { decideReport, saveReportNarrative, submitReport } from "../../lib/reports/mutations";
import { db } from "../../lib/server/db";
import type { DemoContractSeed } from "../../prisma/seed/data/types";
import { createContract } from "./contracts";
import { signedInViewer } from "./users";

export async function reportParties(departmentCode: string, overrides: Partial<DemoContractSeed> = {}) {
  const contract = await createContract(db(), { departmentCode, ...overrides });
  const dept = await db().department.findUniqueOrThrow({ where: { code: departmentCode } });
  return {
    contract,
    dept,
    editor: await signedInViewer("DEPARTMENT_EDITOR", { departmentCode }),
    ars: await signedInViewer("REGIONAL_OFFICIAL", { regionCode: dept.regionCode }),
    state: await signedInViewer("NATIONAL_OFFICIAL"),
  };
}

export type ReportParties = Awaited<ReturnType<typeof reportParties>>;

export async function reportVersion(contractId: string, year: number) {
  return (await db().executionReport.findUnique({ where: { contractId_year: { contractId, year } } }))?.version ?? 0;
}

/** Takes a contract-year's report through the whole circuit; throws if any step is refused. */
export async function adoptReport(s: Pick<ReportParties, "editor" | "ars" | "state">, contractId: string, year: number) {
  const steps = [
    async () => saveReportNarrative(s.editor, contractId, year, { highlights: "Année dense.", version: String(await reportVersion(contractId, year)) }),
    async () => submitReport(s.editor, contractId, year, await reportVersion(contractId, year)),
    async () => decideReport(s.ars, contractId, year, "ARS", { decision: "APPROVED", version: await reportVersion(contractId, year) }),
    async () => decideReport(s.state, contractId, year, "STATE", { decision: "APPROVED", version: await reportVersion(contractId, year) }),
  ];
  for (const step of steps) {
    const result = await step();
    if (!result.ok) throw new Error(`report step refused: ${result.code} ${result.message}`);
  }
}
