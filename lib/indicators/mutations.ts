import "server-only";
import { writeAudit } from "../server/audit";
import { departmentScope } from "../server/cache/cache-tags";
import type { Viewer } from "../server/authz";
import { Prisma, db } from "../server/db";
import { conflict, invalid, notFound, ok, type FieldErrors, type Result } from "../server/errors";
import { zodFieldErrors } from "../core/fields";
import { changed, diff, parseFields, parseVersion, locateContract, runWrite } from "../server/write";
import { toIndicatorEditValues } from "./queries";
import { IndicatorValueKeySchema, contractYears, indicatorValueFieldsSchema, type IndicatorValueFields } from "./schemas";

const VALUE_FIELDS = ["baseline", "target", "actual"] as const;

type StoredValues = { baseline: Prisma.Decimal | null; target: Prisma.Decimal | null; actual: Prisma.Decimal | null; isDemo: boolean };

/** Only what changed, for the history (numbers, not Decimal texts). A value saved by a user is no longer a demonstration value. */
function changes(before: StoredValues, typed: IndicatorValueFields) {
  const numbers = (v: Record<(typeof VALUE_FIELDS)[number], unknown>, isDemo: boolean) => ({
    ...Object.fromEntries(VALUE_FIELDS.map((k) => [k, v[k] === null ? null : Number(String(v[k]))])),
    ...(before.isDemo ? { isDemo } : {}),
  });
  return diff(numbers(before, before.isDemo), numbers(typed, false));
}

/**
 * Saves the baseline, target and actual of one indicator for one contract year. Without a version the
 * row is created (a row someone created meanwhile is a conflict); with one, the row is updated only if
 * nobody saved it since, otherwise the current values come back and nothing is overwritten.
 */
type IndicatorEdit = ReturnType<typeof toIndicatorEditValues>;

export function saveIndicatorValue(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<IndicatorEdit, IndicatorEdit>> {
  const key = IndicatorValueKeySchema.safeParse(input);
  const where = key.success ? { contractId_indicatorId_year: { contractId, indicatorId: key.data.indicatorId, year: key.data.year } } : null;
  return runWrite({
    viewer,
    permission: "indicator.edit",
    entity: "IndicatorValue",
    // A refusal is recorded on the value when it exists, on the contract otherwise.
    entityId: async () => (where ? await db().indicatorValue.findUnique({ where, select: { id: true } }) : null)?.id ?? contractId,
    what: "Ce contrat",
    locate: () => locateContract(contractId),
    prepare: async () => {
      if (!key.success || !where) return invalid(key.error ? zodFieldErrors(key.error) : {});
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
      const fields = parseFields(indicatorValueFieldsSchema(indicator.kind), input);
      const version = parseVersion(input.version, { none: null });
      if (!fields.ok) Object.assign(errors, fields.fieldErrors);
      if (!version.ok) Object.assign(errors, version.fieldErrors);
      if (Object.keys(errors).length > 0 || !fields.ok || !version.ok) return invalid(errors);
      if (version.value === null && VALUE_FIELDS.every((k) => fields.value[k] === null)) return invalid({ actual: ["Saisissez au moins une valeur."] });
      return { ok: true, value: { where, indicatorId: key.data.indicatorId, year: key.data.year, typed: fields.value, version: version.value } };
    },
    write: async (tx, { territory }, { where, indicatorId, year, typed, version }) => {
      if (version === null) {
        // ON CONFLICT DO NOTHING: a row created meanwhile is reported, never overwritten.
        const created = await tx.indicatorValue.createMany({ data: [{ contractId, indicatorId, year, ...typed, isDemo: false }], skipDuplicates: true });
        const current = toIndicatorEditValues(await tx.indicatorValue.findUniqueOrThrow({ where }));
        if (created.count === 0) return conflict(current);
        const after = { year: current.year, ...Object.fromEntries(VALUE_FIELDS.filter((k) => current[k] !== null).map((k) => [k, current[k]])) };
        await writeAudit(tx, { viewer, permission: "indicator.edit", territory, entity: "IndicatorValue", entityId: current.id, operation: "create", after });
        return ok(current);
      }
      const before = await tx.indicatorValue.findUnique({ where });
      if (!before) return notFound("Cette valeur d'indicateur");
      if (before.version !== version) return conflict(toIndicatorEditValues(before));
      const diff = changes(before, typed);
      if (!changed(diff)) return ok(toIndicatorEditValues(before));
      // The version in the WHERE makes the check and the write one statement: a save in between wins, this one reports.
      const updated = await tx.indicatorValue.updateMany({ where: { id: before.id, version }, data: { ...typed, isDemo: false, version: { increment: 1 } } });
      const current = toIndicatorEditValues(await tx.indicatorValue.findUniqueOrThrow({ where: { id: before.id } }));
      if (updated.count === 0) return conflict(current);
      await writeAudit(tx, { viewer, permission: "indicator.edit", territory, entity: "IndicatorValue", entityId: before.id, operation: "update", ...diff });
      return ok(current);
    },
    scope: departmentScope,
  });
}
