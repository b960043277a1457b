import "server-only";
import { isoDayToDate } from "../../core/dates";
import { FUNDING_PARTIES } from "../../funding/schemas";
import { writeAudit } from "../../server/audit";
import { contractScope } from "../../server/cache/cache-tags";
import type { Viewer } from "../../server/authz";
import { db } from "../../server/db";
import { conflict, invalid, ok, type Result } from "../../server/errors";
import { departmentTerritory } from "../../server/territory";
import { changed, diff, parseFields, parseVersion, locateContract, runWrite, sameJson } from "../../server/write";
import { toContractValues } from "./queries";
import { ContractCreateSchema, ContractHeaderSchema, partyField, type ContractEditValues, type ContractHeader } from "./schemas";

const PERMISSION = "admin.contracts";

/** The administration's writes: the permission is checked before anything is parsed or loaded (runWrite's "forbid-first"). */
export const ADMINISTRATION = { permission: PERMISSION, refusal: "forbid-first" } as const;

/** An administrator's write on an existing contract: who, what, where (a refusal is recorded on the contract). */
export const onContract = (viewer: Viewer, contractId: string) => ({
  viewer,
  ...ADMINISTRATION,
  entity: "Contract",
  entityId: contractId,
  what: "Ce contrat",
  locate: () => locateContract(contractId),
});

function headerData(h: ContractHeader) {
  return {
    wave: h.wave,
    status: h.status,
    signedOn: isoDayToDate(h.signedOn),
    signedPlace: h.signedPlace,
    periodStart: isoDayToDate(h.periodStart),
    periodEnd: isoDayToDate(h.periodEnd),
    stateSignatory: h.stateSignatory,
    arsSignatory: h.arsSignatory,
    departmentSignatory: h.departmentSignatory,
    summary: h.summary,
    sourceUrl: h.sourceUrl,
  };
}

/** A new contract: typed by a person, so real data (never demo); it takes every mandatory objective of its framework. */
export function createContract(viewer: Viewer, input: Record<string, unknown>): Promise<Result<ContractEditValues>> {
  return runWrite({
    viewer,
    ...ADMINISTRATION,
    entity: "Contract",
    entityId: "new",
    what: "Ce contrat",
    // Nothing to locate: the department comes with the input.
    locate: async () => ({ territory: null }),
    prepare: async () => {
      const parsed = parseFields(ContractCreateSchema, input);
      if (!parsed.ok) return parsed;
      const data = parsed.value;
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
      return { ok: true, value: { data, territory, framework, taken: objectives.filter((o) => o.isMandatory || chosen.has(o.id)) } };
    },
    write: async (tx, _located, { data, territory, framework, taken }) => {
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
    },
    scope: (_none, { territory }) => contractScope(territory),
  });
}

/** Saves a contract's header and amounts if nobody saved it since `version`; otherwise returns the current values. */
export function updateContract(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<ContractEditValues, ContractEditValues>> {
  return runWrite({
    ...onContract(viewer, contractId),
    prepare: async () => {
      const parsed = parseFields(ContractHeaderSchema, input);
      const version = parseVersion(input.version);
      if (!parsed.ok) return parsed;
      if (!version.ok) return version;
      const header = parsed.value;
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
      return { ok: true, value: { header, version: version.value } };
    },
    write: async (tx, { territory }, { header, version }) => {
      const load = async () => toContractValues(await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { amounts: true } }));
      const before = await load();
      if (before.version !== version) return conflict(before);
      const wanted: ContractEditValues = {
        ...before,
        ...headerData(header),
        signedOn: header.signedOn,
        periodStart: header.periodStart,
        periodEnd: header.periodEnd,
        ...Object.fromEntries(FUNDING_PARTIES.map((p) => [partyField(p), header[partyField(p)] === null ? null : Number(header[partyField(p)])])),
      };
      const compare = { ignore: ["version"] as (keyof ContractEditValues)[], same: sameJson };
      if (!changed(diff(before, wanted, compare))) return ok(before);

      // Guarded by the version: a save that slipped in since the read above wins, and this one is a conflict.
      const updated = await tx.contract.updateMany({ where: { id: contractId, version }, data: { ...headerData(header), version: { increment: 1 } } });
      if (updated.count === 0) return conflict(await load());
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
      const current = await load();
      await writeAudit(tx, { viewer, permission: PERMISSION, territory, entity: "Contract", entityId: contractId, operation: "update", ...diff(before, current, compare) });
      return ok(current);
    },
    scope: contractScope,
  });
}
