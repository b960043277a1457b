import "server-only";
import { writeAudit } from "../server/audit";
import { departmentScope } from "../server/cache/cache-tags";
import type { Viewer } from "../server/authz";
import { Prisma, db } from "../server/db";
import { conflict, invalid, ok, type FieldErrors, type Result } from "../server/errors";
import { departmentTerritory } from "../server/territory";
import { changed, diff, parseFields, parseVersion, runWrite } from "../server/write";
import { toContextFigureValues } from "./queries";
import { ContextFigureFieldsSchema, ContextYearSchema, type ContextFigureFields, type ContextFigureValues } from "./schemas";

type Stored = Prisma.DepartmentContextFigureGetPayload<object>;

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

/** A row as it would be once `data` is written, for the diff. */
const written = (before: Stored, data: ReturnType<typeof toData>) => ({
  ...before,
  ...data,
  disabilitySharePercent: data.disabilitySharePercent === null ? null : new Prisma.Decimal(data.disabilitySharePercent),
});

/** A new year of figures for a department; a year already filled is edited, not added twice. */
export function createContextFigure(viewer: Viewer, departmentCode: string, input: Record<string, unknown>): Promise<Result<ContextFigureValues, ContextFigureValues>> {
  const year = ContextYearSchema.safeParse(input.year);
  const where = year.success ? { departmentCode_year: { departmentCode, year: year.data } } : null;
  return runWrite({
    viewer,
    permission: "context.edit",
    entity: "DepartmentContextFigure",
    // A refusal is recorded on the year's figures when they exist, on the department otherwise.
    entityId: async () => (where ? await db().departmentContextFigure.findUnique({ where, select: { id: true } }) : null)?.id ?? departmentCode,
    what: "Ce département",
    locate: async () => {
      const territory = await departmentTerritory(db(), departmentCode);
      return territory ? { territory } : null;
    },
    prepare: async () => {
      const fields = parseFields(ContextFigureFieldsSchema, input);
      const errors: FieldErrors = fields.ok ? {} : fields.fieldErrors;
      if (!year.success) errors.year = year.error.issues.map((i) => i.message);
      if (!year.success || !fields.ok || !where) return invalid(errors);
      if (await db().departmentContextFigure.findUnique({ where, select: { id: true } })) {
        return invalid({ year: [`L'année ${year.data} est déjà renseignée : modifiez-la dans le tableau.`] });
      }
      return { ok: true, value: { year: year.data, where, data: toData(fields.value) } };
    },
    write: async (tx, { territory }, { year, where, data }) => {
      // ON CONFLICT DO NOTHING: a year added meanwhile by someone else is reported, never overwritten.
      const created = await tx.departmentContextFigure.createMany({ data: [{ departmentCode, year, ...data }], skipDuplicates: true });
      const row = await tx.departmentContextFigure.findUniqueOrThrow({ where });
      if (created.count === 0) return conflict(toContextFigureValues(row));
      const values = auditValues(row);
      const after = { year: row.year, ...Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== null && k !== "isDemo")) };
      await writeAudit(tx, { viewer, permission: "context.edit", territory, entity: "DepartmentContextFigure", entityId: row.id, operation: "create", after });
      return ok(toContextFigureValues(row));
    },
    scope: departmentScope,
  });
}

/** Saves a year of figures if nobody saved it since `version`; otherwise returns the current values. */
export function updateContextFigure(viewer: Viewer, figureId: string, input: Record<string, unknown>): Promise<Result<ContextFigureValues, ContextFigureValues>> {
  return runWrite({
    viewer,
    permission: "context.edit",
    entity: "DepartmentContextFigure",
    entityId: figureId,
    what: "Ce chiffre de contexte",
    locate: async () => {
      const figure = await db().departmentContextFigure.findUnique({ where: { id: figureId }, select: { departmentCode: true } });
      return figure ? { territory: (await departmentTerritory(db(), figure.departmentCode))! } : null;
    },
    prepare: async () => {
      const fields = parseFields(ContextFigureFieldsSchema, input);
      const version = parseVersion(input.version);
      if (fields.ok && version.ok) return { ok: true, value: { data: toData(fields.value), version: version.value } };
      return invalid({ ...(fields.ok ? {} : fields.fieldErrors), ...(version.ok ? {} : version.fieldErrors) });
    },
    write: async (tx, { territory }, { data, version }) => {
      const before = await tx.departmentContextFigure.findUniqueOrThrow({ where: { id: figureId } });
      if (before.version !== version) return conflict(toContextFigureValues(before));
      const changes = diff(auditValues(before), auditValues(written(before, data)));
      if (!changed(changes)) return ok(toContextFigureValues(before));
      // The version in the WHERE makes the check and the write one statement.
      const updated = await tx.departmentContextFigure.updateMany({ where: { id: figureId, version }, data: { ...data, version: { increment: 1 } } });
      const current = toContextFigureValues(await tx.departmentContextFigure.findUniqueOrThrow({ where: { id: figureId } }));
      if (updated.count === 0) return conflict(current);
      await writeAudit(tx, { viewer, permission: "context.edit", territory, entity: "DepartmentContextFigure", entityId: figureId, operation: "update", ...changes });
      return ok(current);
    },
    scope: departmentScope,
  });
}
