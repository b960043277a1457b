import "server-only";
import { z } from "zod";
import { auditDenied, writeAudit } from "../server/audit";
import { invalidateOnSuccess } from "../server/cache/cache";
import { departmentScope } from "../server/cache/cache-tags";
import { can, type Viewer } from "../server/authz";
import { Prisma, db } from "../server/db";
import { conflict, forbidden, invalid, notFound, ok, type FieldErrors, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { decimalToNumber, toIndicatorEditValues } from "./queries";
import { IndicatorValueKeySchema, OptionalVersionSchema, contractYears, indicatorValueFieldsSchema, type IndicatorValueFields } from "./schemas";

const VALUE_FIELDS = ["baseline", "target", "actual"] as const;

function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

const sameDecimal = (stored: Prisma.Decimal | null, typed: string | null) =>
  stored === null || typed === null ? stored === typed : stored.equals(new Prisma.Decimal(typed));

/** Only what changed, for the history (numbers, not Decimal texts). */
function changes(before: { baseline: Prisma.Decimal | null; target: Prisma.Decimal | null; actual: Prisma.Decimal | null; isDemo: boolean }, typed: IndicatorValueFields) {
  const keys = VALUE_FIELDS.filter((k) => !sameDecimal(before[k], typed[k]));
  const diff = {
    before: Object.fromEntries(keys.map((k) => [k, decimalToNumber(before[k])])) as Record<string, unknown>,
    after: Object.fromEntries(keys.map((k) => [k, typed[k] === null ? null : Number(typed[k])])) as Record<string, unknown>,
  };
  // A value saved by a user is no longer a demonstration value.
  if (before.isDemo) Object.assign(diff, { before: { ...diff.before, isDemo: true }, after: { ...diff.after, isDemo: false } });
  return { ...diff, changed: Object.keys(diff.after).length > 0 };
}

/**
 * Saves the baseline, target and actual of one indicator for one contract year. Without a version the
 * row is created (a row someone created meanwhile is a conflict); with one, the row is updated only if
 * nobody saved it since, otherwise the current values come back and nothing is overwritten.
 */
type IndicatorEdit = ReturnType<typeof toIndicatorEditValues>;

export async function saveIndicatorValue(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<IndicatorEdit, IndicatorEdit>> {
  const territory = await contractTerritory(db(), contractId);
  if (!territory) return notFound("Ce contrat");
  const key = IndicatorValueKeySchema.safeParse(input);
  const where = key.success ? { contractId_indicatorId_year: { contractId, indicatorId: key.data.indicatorId, year: key.data.year } } : null;
  if (!can(viewer, "indicator.edit", territory)) {
    const existing = where ? await db().indicatorValue.findUnique({ where, select: { id: true } }) : null;
    await auditDenied(viewer, "indicator.edit", territory, "IndicatorValue", existing?.id ?? contractId);
    return can(viewer, "contract.read", territory) ? forbidden() : notFound("Ce contrat");
  }
  if (!key.success || !where) return invalid(fieldErrors(key.error!));

  const [contract, indicator] = await Promise.all([
    db().contract.findUniqueOrThrow({ where: { id: contractId }, select: { periodStart: true, periodEnd: true } }),
    db().indicator.findFirst({ where: { id: key.data.indicatorId, objective: { contracts: { some: { contractId } } } }, select: { kind: true } }),
  ]);
  if (!indicator) return invalid({ indicatorId: ["Cet indicateur ne relève d'aucun objectif retenu par le contrat."] });

  const errors: FieldErrors = {};
  const years = contractYears(contract.periodStart, contract.periodEnd);
  if (!years.includes(key.data.year)) {
    errors.year = [`L'année doit être comprise dans la période du contrat (${years[0]} à ${years[years.length - 1]}).`];
  }
  const fields = indicatorValueFieldsSchema(indicator.kind).safeParse(input);
  const version = OptionalVersionSchema.safeParse(input.version);
  if (!fields.success) Object.assign(errors, fieldErrors(fields.error));
  if (!version.success) errors.version = version.error.issues.map((i) => i.message);
  if (Object.keys(errors).length > 0 || !fields.success || !version.success) return invalid(errors);

  const typed = fields.data;
  if (version.data === null) {
    if (VALUE_FIELDS.every((k) => typed[k] === null)) return invalid({ actual: ["Saisissez au moins une valeur."] });
    return db().$transaction(async (tx) => {
      // ON CONFLICT DO NOTHING: a row created meanwhile is reported, never overwritten.
      const created = await tx.indicatorValue.createMany({ data: [{ contractId, indicatorId: key.data.indicatorId, year: key.data.year, ...typed, isDemo: false }], skipDuplicates: true });
      const current = toIndicatorEditValues(await tx.indicatorValue.findUniqueOrThrow({ where }));
      if (created.count === 0) return conflict(current);
      const after = { year: current.year, ...Object.fromEntries(VALUE_FIELDS.filter((k) => current[k] !== null).map((k) => [k, current[k]])) };
      await writeAudit(tx, { viewer, permission: "indicator.edit", territory, entity: "IndicatorValue", entityId: current.id, operation: "create", after });
      return ok(current);
    }).then(invalidateOnSuccess(departmentScope(territory)));
  }

  return db().$transaction(async (tx) => {
    const before = await tx.indicatorValue.findUnique({ where });
    if (!before) return notFound("Cette valeur d'indicateur");
    if (before.version !== version.data) return conflict(toIndicatorEditValues(before));
    const diff = changes(before, typed);
    if (!diff.changed) return ok(toIndicatorEditValues(before));
    // The version in the WHERE makes the check and the write one statement: a save in between wins, this one reports.
    const updated = await tx.indicatorValue.updateMany({ where: { id: before.id, version: version.data }, data: { ...typed, isDemo: false, version: { increment: 1 } } });
    const current = toIndicatorEditValues(await tx.indicatorValue.findUniqueOrThrow({ where: { id: before.id } }));
    if (updated.count === 0) return conflict(current);
    await writeAudit(tx, { viewer, permission: "indicator.edit", territory, entity: "IndicatorValue", entityId: before.id, operation: "update", before: diff.before, after: diff.after });
    return ok(current);
  }).then(invalidateOnSuccess(departmentScope(territory)));
}
