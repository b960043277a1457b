import "server-only";
import { can, type Viewer } from "../server/authz";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";
import type { ContextFigureBoard, ContextFigureValues } from "./schemas";

export function toContextFigureValues(f: {
  id: string; departmentCode: string; year: number; version: number; childProtectionBudgetCents: bigint | null; childrenFollowedByAse: number | null;
  disabilitySharePercent: { toString(): string } | null; note: string | null; sourceUrl: string | null; isDemo: boolean; updatedAt: Date;
}): ContextFigureValues {
  return {
    id: f.id,
    departmentCode: f.departmentCode,
    year: f.year,
    version: f.version,
    childProtectionBudgetCents: f.childProtectionBudgetCents === null ? null : Number(f.childProtectionBudgetCents),
    childrenFollowedByAse: f.childrenFollowedByAse,
    disabilitySharePercent: f.disabilitySharePercent === null ? null : Number(f.disabilitySharePercent.toString()),
    note: f.note,
    sourceUrl: f.sourceUrl,
    isDemo: f.isDemo,
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** A department's context figures per year, or null when the viewer may not read its non-public data. */
export async function getContextFigureBoard(viewer: Viewer, code: string): Promise<ContextFigureBoard | null> {
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return null;
  const [department, figures] = await Promise.all([
    db().department.findUniqueOrThrow({ where: { code }, select: { code: true, name: true } }),
    db().departmentContextFigure.findMany({ where: { departmentCode: code }, orderBy: { year: "asc" } }),
  ]);
  return { department, figures: figures.map(toContextFigureValues), canEdit: can(viewer, "context.edit", territory) };
}
