import "server-only";
import { isoDayToDate } from "../core/dates";
import { writeAudit } from "../server/audit";
import { departmentScope } from "../server/cache/cache-tags";
import type { Viewer } from "../server/authz";
import { db } from "../server/db";
import { conflict, invalid, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { diff, parseFields, parseVersion, locateContract, runWrite } from "../server/write";
import { toEditValues } from "./queries";
import { ActionFieldsSchema, type ActionEditValues, type ActionFields } from "./schemas";

const ACTION = "Cette fiche action";

function toData(fields: ActionFields) {
  return { ...fields, startDate: isoDayToDate(fields.startDate), endDate: isoDayToDate(fields.endDate) };
}

/** An action and where it sits; null when there is none. */
async function locateAction(actionId: string) {
  const action = await db().action.findUnique({ where: { id: actionId } });
  return action ? { action, territory: (await contractTerritory(db(), action.contractId))! } : null;
}

/** A write on an existing action: who, what, where. */
const onAction = (viewer: Viewer, actionId: string) => ({
  viewer,
  permission: "action.edit" as const,
  entity: "Action",
  entityId: actionId,
  what: ACTION,
  locate: () => locateAction(actionId),
});

/** An objective the contract does not retain, as a field error; null when it does (or none is chosen). */
async function objectiveProblem(contractId: string, objectiveId: string | null) {
  if (!objectiveId || (await db().contractObjective.count({ where: { contractId, objectiveId } })) === 1) return null;
  return invalid({ objectiveId: ["Cet objectif n'est pas retenu par le contrat."] });
}

/** Saves an action if nobody saved it since `version`; otherwise returns the current values. */
export function updateAction(viewer: Viewer, actionId: string, input: Record<string, unknown>): Promise<Result<ActionEditValues, ActionEditValues>> {
  return runWrite({
    ...onAction(viewer, actionId),
    prepare: async ({ action }) => {
      const fields = parseFields(ActionFieldsSchema, input);
      const version = parseVersion(input.version);
      if (!fields.ok) return fields;
      if (!version.ok) return version;
      return (await objectiveProblem(action.contractId, fields.value.objectiveId)) ?? { ok: true, value: { fields: fields.value, version: version.value } };
    },
    write: async (tx, { action, territory }, { fields, version }) => {
      const updated = await tx.action.updateMany({ where: { id: actionId, version, archivedAt: null }, data: { ...toData(fields), version: { increment: 1 } } });
      const current = toEditValues(await tx.action.findUniqueOrThrow({ where: { id: actionId } }));
      if (updated.count === 0) return conflict(current);
      const changes = diff(toEditValues(action), current, { ignore: ["version", "updatedAt"] });
      await writeAudit(tx, { viewer, permission: "action.edit", territory, entity: "Action", entityId: actionId, operation: "update", ...changes });
      return ok(current);
    },
    scope: departmentScope,
  });
}

/** A new fiche action, numbered after the contract's last one. */
export function createAction(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<ActionEditValues>> {
  return runWrite({
    viewer,
    permission: "action.edit",
    entity: "Contract",
    entityId: contractId,
    what: "Ce contrat",
    locate: () => locateContract(contractId),
    prepare: async () => {
      const fields = parseFields(ActionFieldsSchema, input);
      if (!fields.ok) return fields;
      return (await objectiveProblem(contractId, fields.value.objectiveId)) ?? fields;
    },
    write: async (tx, { territory }, fields) => {
      const references = await tx.action.findMany({ where: { contractId }, select: { reference: true } });
      const next = Math.max(0, ...references.map((r) => Number(/^FA-(\d+)$/.exec(r.reference)?.[1] ?? 0))) + 1;
      const created = await tx.action.create({ data: { contractId, reference: `FA-${String(next).padStart(2, "0")}`, ...toData(fields) } });
      const values = toEditValues(created);
      await writeAudit(tx, { viewer, permission: "action.edit", territory, entity: "Action", entityId: created.id, operation: "create", after: values });
      return ok(values);
    },
    scope: departmentScope,
  });
}

/** Archived actions leave every view and total, and stay in the history. */
export function archiveAction(viewer: Viewer, actionId: string, versionInput: unknown): Promise<Result<ActionEditValues, ActionEditValues>> {
  return runWrite({
    ...onAction(viewer, actionId),
    prepare: async () => parseVersion(versionInput),
    write: async (tx, { territory }, version) => {
      const updated = await tx.action.updateMany({ where: { id: actionId, version, archivedAt: null }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      const current = toEditValues(await tx.action.findUniqueOrThrow({ where: { id: actionId } }));
      if (updated.count === 0) return conflict(current);
      await writeAudit(tx, { viewer, permission: "action.edit", territory, entity: "Action", entityId: actionId, operation: "archive", before: { archivedAt: null }, after: { archivedAt: current.archivedAt } });
      return ok(current);
    },
    scope: departmentScope,
  });
}
