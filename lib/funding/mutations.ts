import "server-only";
import { zodFieldErrors } from "../core/fields";
import { writeAudit } from "../server/audit";
import { departmentScope } from "../server/cache/cache-tags";
import type { Viewer } from "../server/authz";
import { db } from "../server/db";
import { conflict, invalid, notFound, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { diff, parseVersion, runWrite } from "../server/write";
import { toLineValues } from "./queries";
import { contractYears, fundingLineFieldsSchema, type FundingLineFields, type FundingLineValues } from "./schemas";

const LINE = "Cette ligne de financement";
const CONTRACT = "Ce contrat";

/** What the audit log keeps of a line: its business fields, never the bookkeeping ones. */
function audited(v: FundingLineValues) {
  return { actionId: v.actionId, funder: v.funder, year: v.year, stage: v.stage, amountCents: v.amountCents };
}

type Contract = { id: string; periodStart: Date; periodEnd: Date };

/** A contract and where it sits; null when there is none. */
async function locateContract(contractId: string) {
  const contract = await db().contract.findUnique({ where: { id: contractId }, select: { id: true, periodStart: true, periodEnd: true } });
  const territory = contract ? await contractTerritory(db(), contractId) : null;
  return contract && territory ? { contract, territory } : null;
}

/** Parses the form against the contract: year within its period, action among its own (not archived, unless unchanged). */
async function parseFields(contract: Contract, input: Record<string, unknown>, keptActionId: string | null = null) {
  const years = contractYears(contract.periodStart, contract.periodEnd);
  const parsed = fundingLineFieldsSchema({ firstYear: years[0], lastYear: years[years.length - 1] }).safeParse(input);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const actionId = typeof input.actionId === "string" && input.actionId.trim() !== "" ? input.actionId : null;
  if (actionId && !errors.actionId) {
    const action = await db().action.findFirst({ where: { id: actionId, contractId: contract.id }, select: { archivedAt: true } });
    if (!action) errors.actionId = ["Cette fiche action n'appartient pas au contrat."];
    else if (action.archivedAt && actionId !== keptActionId) errors.actionId = ["Cette fiche action est archivée : choisissez-en une autre."];
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, data: parsed.data };
}

function toData(fields: FundingLineFields) {
  return { actionId: fields.actionId, funder: fields.funder, year: fields.year, stage: fields.stage, amountCents: fields.amount };
}

/** A new line in a contract's ledger, with its audit row. */
export function createFundingLine(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<FundingLineValues>> {
  return runWrite({
    viewer,
    permission: "funding.edit",
    entity: "Contract",
    entityId: contractId,
    what: CONTRACT,
    locate: () => locateContract(contractId),
    prepare: async ({ contract }) => {
      const parsed = await parseFields(contract, input);
      return parsed.ok ? { ok: true, value: parsed.data } : invalid(parsed.errors);
    },
    write: async (tx, { territory }, fields) => {
      const created = toLineValues(await tx.fundingLine.create({ data: { contractId, ...toData(fields) } }));
      await writeAudit(tx, { viewer, permission: "funding.edit", territory, entity: "FundingLine", entityId: created.id, operation: "create", after: audited(created) });
      return ok(created);
    },
    scope: departmentScope,
  });
}

async function loadLine(lineId: string) {
  return typeof lineId === "string" && lineId !== "" ? db().fundingLine.findUnique({ where: { id: lineId } }) : null;
}

/** What a line's edit and deletion locate: the line, its contract and where it sits. */
async function locateLine(lineId: string) {
  const line = await loadLine(lineId);
  const contract = line ? await db().contract.findUnique({ where: { id: line.contractId }, select: { id: true, periodStart: true, periodEnd: true } }) : null;
  const territory = contract ? await contractTerritory(db(), contract.id) : null;
  return line && contract && territory ? { line, contract, territory } : null;
}

/** A write on an existing line: who, what, where. */
const onLine = (viewer: Viewer, lineId: string) => ({
  viewer,
  permission: "funding.edit" as const,
  entity: "FundingLine",
  entityId: lineId,
  what: LINE,
  locate: () => locateLine(lineId),
});

/** Saves a line if nobody saved it since `version`; otherwise returns the current values. */
export function updateFundingLine(viewer: Viewer, lineId: string, input: Record<string, unknown>): Promise<Result<FundingLineValues, FundingLineValues>> {
  return runWrite({
    ...onLine(viewer, lineId),
    prepare: async ({ contract, line }) => {
      const parsed = await parseFields(contract, input, line.actionId);
      const version = parseVersion(input.version);
      if (!parsed.ok) return invalid(parsed.errors);
      if (!version.ok) return version;
      return { ok: true, value: { fields: parsed.data, version: version.value } };
    },
    write: async (tx, { territory }, { fields, version }) => {
      // Read inside the transaction: if the versioned update below succeeds, nothing changed this row in between.
      const prior = await tx.fundingLine.findUnique({ where: { id: lineId } });
      if (!prior) return notFound(LINE);
      const updated = await tx.fundingLine.updateMany({ where: { id: lineId, version }, data: { ...toData(fields), version: { increment: 1 } } });
      const now = await tx.fundingLine.findUnique({ where: { id: lineId } });
      if (!now) return notFound(LINE);
      const current = toLineValues(now);
      if (updated.count === 0) return conflict(current);
      await writeAudit(tx, { viewer, permission: "funding.edit", territory, entity: "FundingLine", entityId: lineId, operation: "update", ...diff(audited(toLineValues(prior)), audited(current)) });
      return ok(current);
    },
    scope: departmentScope,
  });
}

/** Deletes a line if nobody changed it since `version`; the audit row keeps what it held. */
export function deleteFundingLine(viewer: Viewer, lineId: string, versionInput: unknown): Promise<Result<FundingLineValues, FundingLineValues>> {
  return runWrite({
    ...onLine(viewer, lineId),
    prepare: async () => parseVersion(versionInput),
    write: async (tx, { territory }, version) => {
      const now = await tx.fundingLine.findUnique({ where: { id: lineId } });
      if (!now) return notFound(LINE);
      const deleted = await tx.fundingLine.deleteMany({ where: { id: lineId, version } });
      if (deleted.count === 0) {
        const current = await tx.fundingLine.findUnique({ where: { id: lineId } });
        return current ? conflict(toLineValues(current)) : notFound(LINE);
      }
      const removed = toLineValues(now);
      await writeAudit(tx, { viewer, permission: "funding.edit", territory, entity: "FundingLine", entityId: lineId, operation: "delete", before: audited(removed) });
      return ok(removed);
    },
    scope: departmentScope,
  });
}
