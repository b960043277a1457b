import "server-only";
import { can, contractScopeWhere, type Viewer } from "../server/authz";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";
import {
  contractYears,
  type CommitmentIndicators,
  type IndicatorBoard,
  type IndicatorValueEditValues,
  type IndicatorYearRow,
} from "./schemas";
import { isoDay } from "../core/dates";

type DecimalLike = { toString(): string } | null;

/** Decimal(16,4) to a number for display and comparison (exact enough at this precision). */
export const decimalToNumber = (d: DecimalLike): number | null => (d === null ? null : Number(d.toString()));


export function toIndicatorEditValues(v: {
  id: string; contractId: string; indicatorId: string; year: number; version: number; baseline: DecimalLike; target: DecimalLike; actual: DecimalLike;
  sourceUrl: string | null; isDemo: boolean; updatedAt: Date;
}): IndicatorValueEditValues {
  return {
    id: v.id,
    contractId: v.contractId,
    indicatorId: v.indicatorId,
    year: v.year,
    version: v.version,
    baseline: decimalToNumber(v.baseline),
    target: decimalToNumber(v.target),
    actual: decimalToNumber(v.actual),
    sourceUrl: v.sourceUrl,
    isDemo: v.isDemo,
    updatedAt: v.updatedAt.toISOString(),
  };
}

/**
 * The indicators of the objectives a department's contract takes, with their values per contract year
 * (empty years included, so that an editor can fill them). Null when the viewer may not read the
 * department's non-public data. Shows the most recent contract in scope unless `contractId` names another.
 */
export async function getIndicatorBoard(viewer: Viewer, code: string, contractId?: string): Promise<IndicatorBoard | null> {
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return null;
  const [department, contracts] = await Promise.all([
    db().department.findUniqueOrThrow({ where: { code }, select: { code: true, name: true } }),
    db().contract.findMany({
      where: { AND: [contractScopeWhere(viewer), { departmentCode: code }] },
      include: { framework: { select: { code: true } } },
      orderBy: { periodStart: "desc" },
    }),
  ]);
  const contract = contracts.find((c) => c.id === contractId) ?? contracts[0];
  const canEdit = can(viewer, "indicator.edit", territory);
  const otherContracts = contracts.filter((c) => c !== contract).map((c) => ({ id: c.id, frameworkCode: c.framework.code, wave: c.wave }));
  if (!contract) return { department, contract: null, otherContracts, commitments: [], canEdit };

  const years = contractYears(contract.periodStart, contract.periodEnd);
  const [taken, values] = await Promise.all([
    db().contractObjective.findMany({
      where: { contractId: contract.id },
      include: { objective: { include: { commitment: true, indicators: { orderBy: { position: "asc" } } } } },
    }),
    db().indicatorValue.findMany({ where: { contractId: contract.id } }),
  ]);
  const byKey = new Map(values.map((v) => [`${v.indicatorId}:${v.year}`, v]));

  const commitments = new Map<string, CommitmentIndicators & { position: number }>();
  const objectives = taken.map((t) => t.objective).sort((a, b) => a.commitment.position - b.commitment.position || a.position - b.position);
  for (const o of objectives) {
    const commitment = commitments.get(o.commitmentId) ?? { code: o.commitment.code, title: o.commitment.title, position: o.commitment.position, objectives: [] };
    commitments.set(o.commitmentId, commitment);
    commitment.objectives.push({
      id: o.id,
      code: o.code,
      title: o.title,
      isMandatory: o.isMandatory,
      indicators: o.indicators.map((i) => ({
        id: i.id,
        code: i.code,
        label: i.label,
        kind: i.kind,
        direction: i.direction,
        unit: i.unit,
        years: years.map((year): IndicatorYearRow => {
          const v = byKey.get(`${i.id}:${year}`);
          return v
            ? { year, id: v.id, version: v.version, baseline: decimalToNumber(v.baseline), target: decimalToNumber(v.target), actual: decimalToNumber(v.actual), sourceUrl: v.sourceUrl, isDemo: v.isDemo }
            : { year, id: null, version: null, baseline: null, target: null, actual: null, sourceUrl: null, isDemo: false };
        }),
      })),
    });
  }

  return {
    department,
    contract: { id: contract.id, frameworkCode: contract.framework.code, wave: contract.wave, periodStart: isoDay(contract.periodStart), periodEnd: isoDay(contract.periodEnd), years },
    otherContracts,
    commitments: [...commitments.values()].sort((a, b) => a.position - b.position).map(({ code, title, objectives }) => ({ code, title, objectives })),
    canEdit,
  };
}
