// The live figures of a contract-year, read with SQL sums, then assembled by buildReportSnapshot: the one
// rule for what a report freezes, used by the submission (lib/reports/mutations.ts), the report page
// before submission (queries.ts) and the demo seed (its earlier and running contracts' reports).
// No `server-only` guard: it reads with the client it is given and checks no right (its callers do), so
// the seed, a plain Node script, can use it too; nothing here is for the browser.
import type { Prisma } from "../server/generated/prisma/client";
import { buildReportSnapshot } from "./snapshot";
import type { ReportSnapshot } from "./schemas";
import { isoDay } from "../core/dates";

/** Decimal(16,4) to a number (as lib/indicators reads it). */
const decimalToNumber = (d: { toString(): string } | null): number | null => (d === null ? null : Number(d.toString()));

/** Reads inside the caller's transaction when given one, so a submission freezes what it saw. */
export async function liveSnapshot(client: Prisma.TransactionClient, contractId: string, year: number, takenAt = new Date()): Promise<ReportSnapshot> {
  const contract = await client.contract.findUniqueOrThrow({
    where: { id: contractId },
    include: { department: { include: { region: true } }, framework: { select: { code: true } } },
  });
  const [actions, funding, values, context] = await Promise.all([
    client.action.findMany({ where: { contractId, archivedAt: null }, select: { reference: true, title: true, status: true, progress: true, endDate: true } }),
    client.fundingLine.groupBy({ by: ["funder", "stage"], where: { contractId, year }, _sum: { amountCents: true } }),
    client.indicatorValue.findMany({ where: { contractId, year }, include: { indicator: true } }),
    client.departmentContextFigure.findUnique({ where: { departmentCode_year: { departmentCode: contract.departmentCode, year } } }),
  ]);
  return buildReportSnapshot({
    year,
    takenAt,
    department: { code: contract.departmentCode, name: contract.department.name, regionName: contract.department.region.name },
    contract: { id: contract.id, frameworkCode: contract.framework.code, wave: contract.wave, periodStart: isoDay(contract.periodStart)!, periodEnd: isoDay(contract.periodEnd)! },
    actions: actions.map((a) => ({ ...a, endDate: isoDay(a.endDate) })),
    funding: funding.map((g) => ({ funder: g.funder, stage: g.stage, amountCents: Number(g._sum.amountCents ?? 0n) })),
    indicators: values.map((v) => ({
      code: v.indicator.code,
      label: v.indicator.label,
      unit: v.indicator.unit,
      kind: v.indicator.kind,
      direction: v.indicator.direction,
      baseline: decimalToNumber(v.baseline),
      target: decimalToNumber(v.target),
      actual: decimalToNumber(v.actual),
    })),
    context: context
      ? {
          childProtectionBudgetCents: context.childProtectionBudgetCents === null ? null : Number(context.childProtectionBudgetCents),
          childrenFollowedByAse: context.childrenFollowedByAse,
          disabilitySharePercent: decimalToNumber(context.disabilitySharePercent),
        }
      : null,
  });
}
