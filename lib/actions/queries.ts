import "server-only";
import { can, contractScopeWhere, type Viewer } from "../server/authz";
import { db } from "../server/db";
import type { ActionEditValues } from "./schemas";
import { isoDay } from "../core/dates";


export function toEditValues(a: {
  id: string; reference: string; version: number; title: string; objectiveId: string | null; purpose: string | null; targetPublic: string | null;
  lead: string | null; partners: string | null; startDate: Date | null; endDate: Date | null; status: ActionEditValues["status"]; progress: number;
  archivedAt: Date | null; updatedAt: Date;
}): ActionEditValues {
  return {
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
    archivedAt: a.archivedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export type ObjectiveOption = { id: string; label: string };

/** The objectives a contract takes, for the action form's list. */
export async function listContractObjectives(contractId: string): Promise<ObjectiveOption[]> {
  const rows = await db().contractObjective.findMany({
    where: { contractId },
    include: { objective: { include: { commitment: true } } },
  });
  return rows
    .map((r) => r.objective)
    .sort((a, b) => a.commitment.position - b.commitment.position || a.position - b.position)
    .map((o) => ({ id: o.id, label: `${o.code} — ${o.title}${o.isMandatory ? "" : " (optionnel)"}` }));
}

export type ActionForEdit = {
  values: ActionEditValues;
  contractId: string;
  departmentCode: string;
  departmentName: string;
  objectives: ObjectiveOption[];
  canEdit: boolean;
};

/** An action in the viewer's scope with what its form needs; null when unknown or out of scope. */
export async function getActionForEdit(viewer: Viewer, actionId: string): Promise<ActionForEdit | null> {
  const action = await db().action.findFirst({
    where: { id: actionId, contract: contractScopeWhere(viewer) },
    include: { contract: { include: { department: true } } },
  });
  if (!action || viewer.kind !== "user") return null;
  const territory = { departmentCode: action.contract.departmentCode, regionCode: action.contract.department.regionCode };
  if (!can(viewer, "contract.read", territory)) return null;
  return {
    values: toEditValues(action),
    contractId: action.contractId,
    departmentCode: action.contract.departmentCode,
    departmentName: action.contract.department.name,
    objectives: await listContractObjectives(action.contractId),
    canEdit: can(viewer, "action.edit", territory),
  };
}
