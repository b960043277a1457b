import "server-only";
import { z } from "zod";
import { FUNDING_PARTIES } from "../../funding/schemas";
import { writeAudit } from "../../server/audit";
import { invalidateOnSuccess } from "../../server/cache/cache";
import { contractScope } from "../../server/cache/cache-tags";
import type { Viewer } from "../../server/authz";
import { db } from "../../server/db";
import { conflict, invalid, notFound, ok, type Result } from "../../server/errors";
import { contractTerritory, departmentTerritory } from "../../server/territory";
import { changedFields, denyUnlessAdmin } from "../guard";
import { toContractValues } from "./queries";
import { ContractCreateSchema, ContractHeaderSchema, ContractVersionSchema, partyField, type ContractEditValues, type ContractHeader } from "./schemas";

const PERMISSION = "admin.contracts";
export const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
export const fieldErrors = (error: z.ZodError) => z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;

function headerData(h: ContractHeader) {
  return {
    wave: h.wave,
    status: h.status,
    signedOn: day(h.signedOn),
    signedPlace: h.signedPlace,
    periodStart: day(h.periodStart)!,
    periodEnd: day(h.periodEnd)!,
    stateSignatory: h.stateSignatory,
    arsSignatory: h.arsSignatory,
    departmentSignatory: h.departmentSignatory,
    summary: h.summary,
    sourceUrl: h.sourceUrl,
  };
}

/** A new contract: typed by a person, so real data (never demo); it takes every mandatory objective of its framework. */
export async function createContract(viewer: Viewer, input: Record<string, unknown>): Promise<Result<ContractEditValues>> {
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "Contract", entityId: "new" });
  if (denied) return denied;
  const parsed = ContractCreateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const data = parsed.data;
  const territory = await departmentTerritory(db(), data.departmentCode);
  if (!territory) return invalid({ departmentCode: ["Ce département n'existe pas."] });
  const framework = await db().framework.findUnique({
    where: { id: data.frameworkId },
    include: { commitments: { include: { objectives: { select: { id: true, code: true, isMandatory: true } } } } },
  });
  if (!framework) return invalid({ frameworkId: ["Ce cadre national n'existe pas."] });
  const objectives = framework.commitments.flatMap((c) => c.objectives);
  const known = new Set(objectives.map((o) => o.id));
  if (data.optionalObjectiveIds.some((id) => !known.has(id))) {
    return invalid({ optionalObjectiveIds: ["Un objectif coché n'appartient pas au cadre national choisi."] });
  }
  const chosen = new Set(data.optionalObjectiveIds);
  const taken = objectives.filter((o) => o.isMandatory || chosen.has(o.id));

  return db().$transaction(async (tx) => {
    const created = await tx.contract.create({
      data: {
        departmentCode: data.departmentCode,
        frameworkId: framework.id,
        ...headerData(data),
        isDemo: false,
        amounts: {
          create: FUNDING_PARTIES.flatMap((party) => {
            const cents = data[partyField(party)];
            return cents === null ? [] : [{ party, amountCents: cents, sourceUrl: data.sourceUrl, isDemo: false }];
          }),
        },
        objectives: { create: taken.map((o) => ({ objectiveId: o.id })) },
      },
      include: { amounts: true },
    });
    const values = toContractValues(created);
    await writeAudit(tx, {
      viewer,
      permission: PERMISSION,
      territory,
      entity: "Contract",
      entityId: created.id,
      operation: "create",
      after: { ...values, framework: framework.code, objectives: taken.map((o) => o.code) },
    });
    return ok(values);
  }).then(invalidateOnSuccess(contractScope(territory)));
}

/** Saves a contract's header and amounts if nobody saved it since `version`; otherwise returns the current values. */
export async function updateContract(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<ContractEditValues, ContractEditValues>> {
  const territory = await contractTerritory(db(), contractId);
  const denied = await denyUnlessAdmin(viewer, PERMISSION, { entity: "Contract", entityId: contractId, territory });
  if (denied) return denied;
  if (!territory) return notFound("Ce contrat");
  const parsed = ContractHeaderSchema.safeParse(input);
  const version = ContractVersionSchema.safeParse(input.version);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  const header = parsed.data;

  // The period must still cover every avenant.
  const first = Number(header.periodStart.slice(0, 4));
  const last = Number(header.periodEnd.slice(0, 4));
  const outside = (await db().amendment.findMany({ where: { contractId }, select: { year: true } }))
    .map((a) => a.year)
    .filter((y) => y < first || y > last)
    .sort();
  if (outside.length > 0) {
    const message = `La période doit couvrir les avenants existants (${outside.join(", ")}).`;
    return invalid({ [outside[0] < first ? "periodStart" : "periodEnd"]: [message] });
  }

  return db().$transaction(async (tx) => {
    const loaded = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { amounts: true } });
    const before = toContractValues(loaded);
    if (loaded.version !== version.data) return conflict(before);
    const wanted: ContractEditValues = {
      ...before,
      ...headerData(header),
      signedOn: header.signedOn,
      periodStart: header.periodStart,
      periodEnd: header.periodEnd,
      ...Object.fromEntries(FUNDING_PARTIES.map((p) => [partyField(p), header[partyField(p)] === null ? null : Number(header[partyField(p)])])),
    };
    const diff = changedFields(before, wanted, ["version"]);
    if (Object.keys(diff.after).length === 0) return ok(before);

    // Guarded by the version: a save that slipped in since the read above wins, and this one is a conflict.
    const updated = await tx.contract.updateMany({ where: { id: contractId, version: version.data }, data: { ...headerData(header), version: { increment: 1 } } });
    if (updated.count === 0) return conflict(toContractValues(await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { amounts: true } })));
    for (const party of FUNDING_PARTIES) {
      const key = partyField(party);
      if (before[key] === wanted[key]) continue;
      const cents = header[key];
      if (cents === null) await tx.contractAmount.deleteMany({ where: { contractId, party } });
      else
        await tx.contractAmount.upsert({
          where: { contractId_party: { contractId, party } },
          // A typed amount is real data: its source is the contract's.
          create: { contractId, party, amountCents: cents, sourceUrl: header.sourceUrl, isDemo: false },
          update: { amountCents: cents, sourceUrl: header.sourceUrl, isDemo: false },
        });
    }
    const current = toContractValues(await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { amounts: true } }));
    await writeAudit(tx, { viewer, permission: PERMISSION, territory, entity: "Contract", entityId: contractId, operation: "update", ...changedFields(before, current, ["version"]) });
    return ok(current);
  }).then(invalidateOnSuccess(contractScope(territory)));
}
