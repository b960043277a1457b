import "server-only";
// One department's current contract as plain values, one query per table (no N+1), for the export,
// the validation and the plan.
import { parseFrenchDecimal } from "../core/decimal";
import { contractScopeWhere, type Viewer } from "../server/authz";
import type { Prisma } from "../server/generated/prisma/client";
import { db } from "../server/db";
import type { ContractSnapshot } from "./snapshot";
import { contractYears, isoDay } from "../core/dates";

const canonical = (d: { toString(): string } | null) => {
  if (d === null) return null;
  const parsed = parseFrenchDecimal(d.toString());
  return parsed.ok ? parsed.text : d.toString();
};

/** The department's most recent contract in the viewer's scope; null when there is none. */
export async function loadContractSnapshot(viewer: Viewer, code: string, client: Prisma.TransactionClient = db()): Promise<ContractSnapshot | null> {
  const contract = await client.contract.findFirst({
    where: { AND: [contractScopeWhere(viewer), { departmentCode: code }] },
    include: { department: { select: { name: true, regionCode: true } }, framework: { select: { code: true } } },
    orderBy: { periodStart: "desc" },
  });
  if (!contract) return null;
  const [taken, actions, lines, values] = await Promise.all([
    client.contractObjective.findMany({
      where: { contractId: contract.id },
      include: { objective: { include: { commitment: { select: { position: true } }, indicators: { orderBy: { position: "asc" } } } } },
    }),
    // Only the columns used: with 10,000 lines, every extra column costs (the client engine maps each value).
    client.action.findMany({
      where: { contractId: contract.id },
      select: { id: true, reference: true, version: true, title: true, objectiveId: true, purpose: true, targetPublic: true, lead: true, partners: true, startDate: true, endDate: true, status: true, progress: true, archivedAt: true, updatedAt: true },
      orderBy: { reference: "asc" },
    }),
    client.fundingLine.findMany({
      where: { contractId: contract.id },
      select: { id: true, actionId: true, funder: true, year: true, stage: true, amountCents: true, version: true, updatedAt: true },
      orderBy: [{ year: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    client.indicatorValue.findMany({ where: { contractId: contract.id }, select: { id: true, indicatorId: true, year: true, baseline: true, target: true, actual: true, version: true, updatedAt: true } }),
  ]);
  const objectives = taken.map((t) => t.objective).sort((a, b) => a.commitment.position - b.commitment.position || a.position - b.position);
  return {
    contract: {
      id: contract.id,
      departmentCode: contract.departmentCode,
      regionCode: contract.department.regionCode,
      departmentName: contract.department.name,
      label: `${contract.framework.code}, vague ${contract.wave}`,
      years: contractYears(contract.periodStart, contract.periodEnd),
    },
    objectives: objectives.map((o) => ({ id: o.id, code: o.code })),
    actions: actions.map((a) => ({
      id: a.id,
      reference: a.reference,
      version: a.version,
      title: a.title,
      objectiveId: a.objectiveId,
      purpose: a.purpose,
      targetPublic: a.targetPublic,
      lead: a.lead,
      partners: a.partners,
      startDate: isoDay(a.startDate),
      endDate: isoDay(a.endDate),
      status: a.status,
      progress: a.progress,
      archived: a.archivedAt !== null,
      updatedAt: a.updatedAt.toISOString(),
    })),
    fundingLines: lines.map((l) => ({ id: l.id, actionId: l.actionId, funder: l.funder, year: l.year, stage: l.stage, amountCents: l.amountCents, version: l.version, updatedAt: l.updatedAt.toISOString() })),
    indicators: objectives.flatMap((o) => o.indicators.map((i) => ({ id: i.id, code: i.code, label: i.label, unit: i.unit, kind: i.kind }))),
    indicatorValues: values.map((v) => ({ id: v.id, indicatorId: v.indicatorId, year: v.year, baseline: canonical(v.baseline), target: canonical(v.target), actual: canonical(v.actual), version: v.version, updatedAt: v.updatedAt.toISOString() })),
  };
}
