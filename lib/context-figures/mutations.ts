import "server-only";
import { z } from "zod";
import { auditDenied, writeAudit } from "../server/audit";
import { invalidateOnSuccess } from "../server/cache/cache";
import { departmentScope } from "../server/cache/cache-tags";
import { can, type Territory, type Viewer } from "../server/authz";
import { Prisma, db } from "../server/db";
import { conflict, forbidden, invalid, notFound, ok, type FieldErrors, type Result } from "../server/errors";
import { departmentTerritory } from "../server/territory";
import { toContextFigureValues } from "./queries";
import { ContextFigureFieldsSchema, ContextVersionSchema, ContextYearSchema, type ContextFigureFields, type ContextFigureValues } from "./schemas";

type Stored = Prisma.DepartmentContextFigureGetPayload<object>;

function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** The columns a form writes. A record saved by a user is no longer a demonstration record. */
function toData(fields: ContextFigureFields) {
  return {
    childProtectionBudgetCents: fields.childProtectionBudget,
    childrenFollowedByAse: fields.childrenFollowedByAse,
    disabilitySharePercent: fields.disabilitySharePercent,
    note: fields.note,
    sourceUrl: fields.sourceUrl,
    isDemo: false,
  };
}

/** As the history stores them: cents and percentages as numbers. */
function auditValues(row: Pick<Stored, "childProtectionBudgetCents" | "childrenFollowedByAse" | "disabilitySharePercent" | "note" | "sourceUrl" | "isDemo">) {
  return {
    childProtectionBudgetCents: row.childProtectionBudgetCents === null ? null : Number(row.childProtectionBudgetCents),
    childrenFollowedByAse: row.childrenFollowedByAse,
    disabilitySharePercent: row.disabilitySharePercent === null ? null : Number(row.disabilitySharePercent.toString()),
    note: row.note,
    sourceUrl: row.sourceUrl,
    isDemo: row.isDemo,
  };
}

/** Only what changed, for the history. */
function changes(before: Stored, data: ReturnType<typeof toData>) {
  const sameShare = before.disabilitySharePercent === null || data.disabilitySharePercent === null
    ? before.disabilitySharePercent === data.disabilitySharePercent
    : before.disabilitySharePercent.equals(new Prisma.Decimal(data.disabilitySharePercent));
  const changed = {
    childProtectionBudgetCents: before.childProtectionBudgetCents !== data.childProtectionBudgetCents,
    childrenFollowedByAse: before.childrenFollowedByAse !== data.childrenFollowedByAse,
    disabilitySharePercent: !sameShare,
    note: before.note !== data.note,
    sourceUrl: before.sourceUrl !== data.sourceUrl,
    isDemo: before.isDemo !== data.isDemo,
  };
  const keys = (Object.keys(changed) as (keyof typeof changed)[]).filter((k) => changed[k]);
  const b = auditValues(before);
  const a = auditValues({ ...data, disabilitySharePercent: data.disabilitySharePercent === null ? null : new Prisma.Decimal(data.disabilitySharePercent) });
  return { keys, before: Object.fromEntries(keys.map((k) => [k, b[k]])), after: Object.fromEntries(keys.map((k) => [k, a[k]])) };
}

async function denied(viewer: Viewer, territory: Territory, entityId: string, what: string) {
  await auditDenied(viewer, "context.edit", territory, "DepartmentContextFigure", entityId);
  return can(viewer, "contract.read", territory) ? forbidden() : notFound(what);
}

/** A new year of figures for a department; a year already filled is edited, not added twice. */
export async function createContextFigure(viewer: Viewer, departmentCode: string, input: Record<string, unknown>): Promise<Result<ContextFigureValues, ContextFigureValues>> {
  const territory = await departmentTerritory(db(), departmentCode);
  if (!territory) return notFound("Ce département");
  const year = ContextYearSchema.safeParse(input.year);
  if (!can(viewer, "context.edit", territory)) {
    const existing = year.success ? await db().departmentContextFigure.findUnique({ where: { departmentCode_year: { departmentCode, year: year.data } }, select: { id: true } }) : null;
    return denied(viewer, territory, existing?.id ?? departmentCode, "Ce département");
  }
  const fields = ContextFigureFieldsSchema.safeParse(input);
  const errors: FieldErrors = fields.success ? {} : fieldErrors(fields.error);
  if (!year.success) errors.year = year.error.issues.map((i) => i.message);
  if (!year.success || !fields.success) return invalid(errors);
  const where = { departmentCode_year: { departmentCode, year: year.data } };
  if (await db().departmentContextFigure.findUnique({ where, select: { id: true } })) {
    return invalid({ year: [`L'année ${year.data} est déjà renseignée : modifiez-la dans le tableau.`] });
  }
  const data = toData(fields.data);
  return db().$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a year added meanwhile by someone else is reported, never overwritten.
    const created = await tx.departmentContextFigure.createMany({ data: [{ departmentCode, year: year.data, ...data }], skipDuplicates: true });
    const row = await tx.departmentContextFigure.findUniqueOrThrow({ where });
    if (created.count === 0) return conflict(toContextFigureValues(row));
    const values = auditValues(row);
    const after = { year: row.year, ...Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== null && k !== "isDemo")) };
    await writeAudit(tx, { viewer, permission: "context.edit", territory, entity: "DepartmentContextFigure", entityId: row.id, operation: "create", after });
    return ok(toContextFigureValues(row));
  }).then(invalidateOnSuccess(departmentScope(territory)));
}

/** Saves a year of figures if nobody saved it since `version`; otherwise returns the current values. */
export async function updateContextFigure(viewer: Viewer, figureId: string, input: Record<string, unknown>): Promise<Result<ContextFigureValues, ContextFigureValues>> {
  const figure = await db().departmentContextFigure.findUnique({ where: { id: figureId }, select: { departmentCode: true } });
  if (!figure) return notFound("Ce chiffre de contexte");
  const territory = (await departmentTerritory(db(), figure.departmentCode))!;
  if (!can(viewer, "context.edit", territory)) return denied(viewer, territory, figureId, "Ce chiffre de contexte");
  const fields = ContextFigureFieldsSchema.safeParse(input);
  const version = ContextVersionSchema.safeParse(input.version);
  const errors: FieldErrors = fields.success ? {} : fieldErrors(fields.error);
  if (!version.success) errors.version = version.error.issues.map((i) => i.message);
  if (!fields.success || !version.success) return invalid(errors);
  const data = toData(fields.data);
  return db().$transaction(async (tx) => {
    const before = await tx.departmentContextFigure.findUniqueOrThrow({ where: { id: figureId } });
    if (before.version !== version.data) return conflict(toContextFigureValues(before));
    const diff = changes(before, data);
    if (diff.keys.length === 0) return ok(toContextFigureValues(before));
    // The version in the WHERE makes the check and the write one statement.
    const updated = await tx.departmentContextFigure.updateMany({ where: { id: figureId, version: version.data }, data: { ...data, version: { increment: 1 } } });
    const current = toContextFigureValues(await tx.departmentContextFigure.findUniqueOrThrow({ where: { id: figureId } }));
    if (updated.count === 0) return conflict(current);
    await writeAudit(tx, { viewer, permission: "context.edit", territory, entity: "DepartmentContextFigure", entityId: figureId, operation: "update", before: diff.before, after: diff.after });
    return ok(current);
  }).then(invalidateOnSuccess(departmentScope(territory)));
}
