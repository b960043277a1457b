import "server-only";
import { z } from "zod";
import { auditDenied, writeAudit } from "../server/audit";
import { invalidateOnSuccess } from "../server/cache/cache";
import { departmentScope } from "../server/cache/cache-tags";
import { can, type Territory, type Viewer } from "../server/authz";
import { db } from "../server/db";
import { conflict, forbidden, invalid, notFound, ok, type Failure, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { toEditValues } from "./queries";
import { ActionFieldsSchema, ActionVersionSchema, type ActionEditValues, type ActionFields } from "./schemas";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function toData(fields: ActionFields) {
  return { ...fields, startDate: day(fields.startDate), endDate: day(fields.endDate) };
}

/** Only what changed, for the history. */
function changes(before: ActionEditValues, after: ActionEditValues) {
  const keys = (Object.keys(after) as (keyof ActionEditValues)[]).filter((k) => !["version", "updatedAt"].includes(k) && before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

type Loaded = { ok: true; action: NonNullable<Awaited<ReturnType<ReturnType<typeof db>["action"]["findUnique"]>>>; territory: Territory } | Failure;

async function loadForWrite(viewer: Viewer, actionId: string): Promise<Loaded> {
  const action = await db().action.findUnique({ where: { id: actionId } });
  if (!action) return notFound("Cette fiche action");
  const territory = (await contractTerritory(db(), action.contractId))!;
  if (!can(viewer, "action.edit", territory)) {
    await auditDenied(viewer, "action.edit", territory, "Action", actionId);
    return can(viewer, "contract.read", territory) ? forbidden() : notFound("Cette fiche action");
  }
  return { ok: true, action, territory };
}

async function checkObjective(contractId: string, objectiveId: string | null) {
  if (!objectiveId) return true;
  return (await db().contractObjective.count({ where: { contractId, objectiveId } })) === 1;
}

function fieldErrors(error: z.ZodError) {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}

/** Saves an action if nobody saved it since `version`; otherwise returns the current values. */
export async function updateAction(viewer: Viewer, actionId: string, input: Record<string, unknown>): Promise<Result<ActionEditValues, ActionEditValues>> {
  const loaded = await loadForWrite(viewer, actionId);
  if (!loaded.ok) return loaded;
  const parsed = ActionFieldsSchema.safeParse(input);
  const version = ActionVersionSchema.safeParse(input.version);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  if (!(await checkObjective(loaded.action.contractId, parsed.data.objectiveId))) {
    return invalid({ objectiveId: ["Cet objectif n'est pas retenu par le contrat."] });
  }
  return db().$transaction(async (tx) => {
    const updated = await tx.action.updateMany({
      where: { id: actionId, version: version.data, archivedAt: null },
      data: { ...toData(parsed.data), version: { increment: 1 } },
    });
    const current = toEditValues(await tx.action.findUniqueOrThrow({ where: { id: actionId } }));
    if (updated.count === 0) return conflict(current);
    const diff = changes(toEditValues(loaded.action), current);
    await writeAudit(tx, { viewer, permission: "action.edit", territory: loaded.territory, entity: "Action", entityId: actionId, operation: "update", ...diff });
    return ok(current);
  }).then(invalidateOnSuccess(departmentScope(loaded.territory)));
}

/** A new fiche action, numbered after the contract's last one. */
export async function createAction(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<ActionEditValues>> {
  const territory: Territory | null = await contractTerritory(db(), contractId);
  if (!territory) return notFound("Ce contrat");
  if (!can(viewer, "action.edit", territory)) {
    await auditDenied(viewer, "action.edit", territory, "Contract", contractId);
    return can(viewer, "contract.read", territory) ? forbidden() : notFound("Ce contrat");
  }
  const parsed = ActionFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!(await checkObjective(contractId, parsed.data.objectiveId))) return invalid({ objectiveId: ["Cet objectif n'est pas retenu par le contrat."] });
  return db().$transaction(async (tx) => {
    const references = await tx.action.findMany({ where: { contractId }, select: { reference: true } });
    const next = Math.max(0, ...references.map((r) => Number(/^FA-(\d+)$/.exec(r.reference)?.[1] ?? 0))) + 1;
    const created = await tx.action.create({
      data: { contractId, reference: `FA-${String(next).padStart(2, "0")}`, ...toData(parsed.data) },
    });
    const values = toEditValues(created);
    await writeAudit(tx, { viewer, permission: "action.edit", territory, entity: "Action", entityId: created.id, operation: "create", after: values });
    return ok(values);
  }).then(invalidateOnSuccess(departmentScope(territory)));
}

/** Archived actions leave every view and total, and stay in the history. */
export async function archiveAction(viewer: Viewer, actionId: string, versionInput: unknown): Promise<Result<ActionEditValues, ActionEditValues>> {
  const loaded = await loadForWrite(viewer, actionId);
  if (!loaded.ok) return loaded;
  const version = ActionVersionSchema.safeParse(versionInput);
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  return db().$transaction(async (tx) => {
    const archivedAt = new Date();
    const updated = await tx.action.updateMany({ where: { id: actionId, version: version.data, archivedAt: null }, data: { archivedAt, version: { increment: 1 } } });
    const current = toEditValues(await tx.action.findUniqueOrThrow({ where: { id: actionId } }));
    if (updated.count === 0) return conflict(current);
    await writeAudit(tx, {
      viewer,
      permission: "action.edit",
      territory: loaded.territory,
      entity: "Action",
      entityId: actionId,
      operation: "archive",
      before: { archivedAt: null },
      after: { archivedAt: current.archivedAt },
    });
    return ok(current);
  }).then(invalidateOnSuccess(departmentScope(loaded.territory)));
}
