import "server-only";
import { FUNDERS } from "../../funding/schemas";
import { writeAudit } from "../../server/audit";
import { invalidateOnSuccess } from "../../server/cache/cache";
import { contractScope } from "../../server/cache/cache-tags";
import type { Territory, Viewer } from "../../server/authz";
import { db, type Prisma } from "../../server/db";
import { conflict, invalid, notFound, ok, type Failure, type Result } from "../../server/errors";
import { contractTerritory } from "../../server/territory";
import { changedFields, denyUnlessAdmin, isUniqueViolation } from "../guard";
import { day, fieldErrors } from "./mutations";
import { toAmendmentValues } from "./queries";
import { AmendmentFieldsSchema, ContractVersionSchema, funderField, type AmendmentEditValues, type AmendmentFields } from "./schemas";

const PERMISSION = "admin.contracts";
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
  return { year: f.year, number: f.number, signedOn: day(f.signedOn), note: f.note, sourceUrl: f.sourceUrl };
}

async function withUniqueYear<T, C>(year: number, run: () => Promise<Result<T, C>>): Promise<Result<T, C>> {
  try {
    return await run();
  } catch (error) {
    // Two avenants for the same year saved at once: the unique index keeps one.
    if (isUniqueViolation(error)) return yearTaken(year);
    throw error;
  }
}

/** A new avenant: that year's amounts per funder, typed by a person (real data, never demo). */
export async function createAmendment(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<AmendmentEditValues>> {
  const territory = await contractTerritory(db(), contractId);
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "Contract", entityId: contractId, territory });
  if (denied) return denied;
  if (!territory) return notFound("Ce contrat");
  const parsed = AmendmentFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const fields = parsed.data;
  const yearProblem = await checkYear(contractId, fields.year);
  if (yearProblem) return yearProblem;

  return withUniqueYear(fields.year, () =>
    db().$transaction(async (tx) => {
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
      await writeAudit(tx, { viewer, permission: PERMISSION, territory, entity: "Amendment", entityId: created.id, operation: "create", after: values });
      return ok(values);
    }),
  ).then(invalidateOnSuccess(contractScope(territory)));
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
export async function updateAmendment(viewer: Viewer, amendmentId: string, input: Record<string, unknown>): Promise<Result<AmendmentEditValues, AmendmentEditValues>> {
  const amendment = await db().amendment.findUnique({ where: { id: amendmentId }, select: { contractId: true } });
  const territory: Territory | null = amendment ? await contractTerritory(db(), amendment.contractId) : null;
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "Amendment", entityId: amendmentId, territory });
  if (denied) return denied;
  if (!amendment || !territory) return notFound("Cet avenant");
  const parsed = AmendmentFieldsSchema.safeParse(input);
  const version = ContractVersionSchema.safeParse(input.version);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  const fields = parsed.data;
  const yearProblem = await checkYear(amendment.contractId, fields.year, amendmentId);
  if (yearProblem) return yearProblem;

  return withUniqueYear(fields.year, () =>
    db().$transaction(async (tx) => {
      const load = async () => toAmendmentValues(await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId }, include: { amounts: true } }));
      const before = await load();
      if (before.version !== version.data) return conflict(before);
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
      if (Object.keys(changedFields(before, wanted, ["version"]).after).length === 0) return ok(before);
      const updated = await tx.amendment.updateMany({ where: { id: amendmentId, version: version.data }, data: { ...amendmentData(fields), version: { increment: 1 } } });
      if (updated.count === 0) return conflict(await load());
      await syncAmounts(tx, amendmentId, before, fields);
      const current = await load();
      const diff = changedFields(before, current, ["version"]);
      await writeAudit(tx, { viewer, permission: PERMISSION, territory, entity: "Amendment", entityId: amendmentId, operation: "update", ...diff });
      return ok(current);
    }),
  ).then(invalidateOnSuccess(contractScope(territory)));
}
