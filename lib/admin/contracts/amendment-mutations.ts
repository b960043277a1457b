import "server-only";
import { isoDayToDate } from "../../core/dates";
import { FUNDERS } from "../../funding/schemas";
import { writeAudit } from "../../server/audit";
import { contractScope } from "../../server/cache/cache-tags";
import type { Viewer } from "../../server/authz";
import { db, type Prisma } from "../../server/db";
import { conflict, invalid, ok, type Failure, type Result } from "../../server/errors";
import { contractTerritory } from "../../server/territory";
import { changed, diff, parseFields, parseVersion, runWrite, sameJson } from "../../server/write";
import { isUniqueViolation } from "../guard";
import { ADMINISTRATION, onContract } from "./mutations";
import { toAmendmentValues } from "./queries";
import { AmendmentFieldsSchema, funderField, type AmendmentEditValues, type AmendmentFields } from "./schemas";

const yearTaken = (year: number) => invalid({ year: [`Ce contrat a déjà un avenant pour ${year}.`] });

/** Year inside the contract's period and not yet taken by another avenant of the same contract. */
async function checkYear(contractId: string, year: number, exceptId?: string): Promise<Failure | null> {
  const contract = await db().contract.findUniqueOrThrow({ where: { id: contractId }, select: { periodStart: true, periodEnd: true } });
  const first = contract.periodStart.getUTCFullYear();
  const last = contract.periodEnd.getUTCFullYear();
  if (year < first || year > last) return invalid({ year: [`L'année doit être comprise dans la période du contrat (${first} à ${last}).`] });
  const other = await db().amendment.findFirst({ where: { contractId, year, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  return other ? yearTaken(year) : null;
}

function amendmentData(f: AmendmentFields) {
  return { year: f.year, number: f.number, signedOn: isoDayToDate(f.signedOn), note: f.note, sourceUrl: f.sourceUrl };
}

// Two avenants for the same year saved at once: the unique index keeps one.
const rescueYear = (error: unknown, { fields }: { fields: AmendmentFields }) => (isUniqueViolation(error) ? yearTaken(fields.year) : null);
const compare = { ignore: ["version"] as (keyof AmendmentEditValues)[], same: sameJson };

/** A new avenant: that year's amounts per funder, typed by a person (real data, never demo). */
export function createAmendment(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<AmendmentEditValues>> {
  return runWrite({
    ...onContract(viewer, contractId),
    prepare: async () => {
      const parsed = parseFields(AmendmentFieldsSchema, input);
      if (!parsed.ok) return parsed;
      return (await checkYear(contractId, parsed.value.year)) ?? { ok: true, value: { fields: parsed.value } };
    },
    write: async (tx, { territory }, { fields }) => {
      const created = await tx.amendment.create({
        data: {
          contractId,
          ...amendmentData(fields),
          isDemo: false,
          amounts: {
            create: FUNDERS.flatMap((funder) => {
              const cents = fields[funderField(funder)];
              return cents === null ? [] : [{ funder, amountCents: cents, sourceUrl: fields.sourceUrl, isDemo: false }];
            }),
          },
        },
        include: { amounts: true },
      });
      const values = toAmendmentValues(created);
      await writeAudit(tx, { viewer, permission: ADMINISTRATION.permission, territory, entity: "Amendment", entityId: created.id, operation: "create", after: values });
      return ok(values);
    },
    rescue: rescueYear,
    scope: contractScope,
  });
}

async function syncAmounts(tx: Prisma.TransactionClient, amendmentId: string, before: AmendmentEditValues, fields: AmendmentFields) {
  for (const funder of FUNDERS) {
    const key = funderField(funder);
    const cents = fields[key];
    if (before[key] === (cents === null ? null : Number(cents))) continue;
    if (cents === null) await tx.amendmentAmount.deleteMany({ where: { amendmentId, funder } });
    else
      await tx.amendmentAmount.upsert({
        where: { amendmentId_funder: { amendmentId, funder } },
        create: { amendmentId, funder, amountCents: cents, sourceUrl: fields.sourceUrl, isDemo: false },
        update: { amountCents: cents, sourceUrl: fields.sourceUrl, isDemo: false },
      });
  }
}

/** Saves an avenant if nobody saved it since `version`; otherwise returns the current values. */
export function updateAmendment(viewer: Viewer, amendmentId: string, input: Record<string, unknown>): Promise<Result<AmendmentEditValues, AmendmentEditValues>> {
  return runWrite({
    viewer,
    ...ADMINISTRATION,
    entity: "Amendment",
    entityId: amendmentId,
    what: "Cet avenant",
    locate: async () => {
      const amendment = await db().amendment.findUnique({ where: { id: amendmentId }, select: { contractId: true } });
      const territory = amendment ? await contractTerritory(db(), amendment.contractId) : null;
      return amendment && territory ? { contractId: amendment.contractId, territory } : null;
    },
    prepare: async ({ contractId }) => {
      const parsed = parseFields(AmendmentFieldsSchema, input);
      const version = parseVersion(input.version);
      if (!parsed.ok) return parsed;
      if (!version.ok) return version;
      return (await checkYear(contractId, parsed.value.year, amendmentId)) ?? { ok: true, value: { fields: parsed.value, version: version.value } };
    },
    write: async (tx, { territory }, { fields, version }) => {
      const load = async () => toAmendmentValues(await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId }, include: { amounts: true } }));
      const before = await load();
      if (before.version !== version) return conflict(before);
      const wanted: AmendmentEditValues = {
        ...before,
        year: fields.year,
        number: fields.number,
        signedOn: fields.signedOn,
        note: fields.note,
        sourceUrl: fields.sourceUrl,
        ...Object.fromEntries(FUNDERS.map((f) => [funderField(f), fields[funderField(f)] === null ? null : Number(fields[funderField(f)])])),
      };
      // Nothing changed: nothing to write, nothing to record.
      if (!changed(diff(before, wanted, compare))) return ok(before);
      const updated = await tx.amendment.updateMany({ where: { id: amendmentId, version }, data: { ...amendmentData(fields), version: { increment: 1 } } });
      if (updated.count === 0) return conflict(await load());
      await syncAmounts(tx, amendmentId, before, fields);
      const current = await load();
      await writeAudit(tx, { viewer, permission: ADMINISTRATION.permission, territory, entity: "Amendment", entityId: amendmentId, operation: "update", ...diff(before, current, compare) });
      return ok(current);
    },
    rescue: rescueYear,
    scope: contractScope,
  });
}
