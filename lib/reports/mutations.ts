import "server-only";
// The tripartite workflow: the department writes and submits; the State and the ARS each approve or
// send back; both approvals adopt. Figures are frozen at submission (what the signatories review is
// what they adopt) and kept at adoption; a send-back unfreezes them. One transaction + one audit row
// per step, each version-checked; refused attempts leave a "denied" row. Reports are not public: each
// step refreshes only the signed-in views' cached reads (overdue reports on the oversight views).
import { contractYears } from "../core/dates";
import { writeAudit } from "../server/audit";
import type { Permission, Territory, Viewer } from "../server/authz";
import { oversightScope } from "../server/cache/cache-tags";
import { Prisma, db } from "../server/db";
import { conflict, invalid, notFound, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { parseFields, parseVersion, runWrite, type WriteSteps } from "../server/write";
import { liveSnapshot } from "./data";
import { DecisionSchema, NarrativeSchema, type ApprovingParty, type ReportStatus } from "./schemas";
import { canEditNarrative, currentRound, statusAfterDecision } from "./workflow";

export type ReportState = { id: string; status: ReportStatus; version: number };

const PARTY_PERMISSION: Record<ApprovingParty, Permission> = { STATE: "report.approve.state", ARS: "report.validate" };
const entityId = (contractId: string, year: number, reportId?: string | null) => reportId ?? `${contractId}:${year}`;
const wrongStage = (message: string) => invalid({}, message);

/**
 * A step of the workflow on a contract-year: it exists (a published contract, a year of its period) and
 * the viewer holds the step's permission there; otherwise a denied row, on the report if it exists.
 * The version is the report's, counted from 0 (none saved yet).
 */
function reportStep<P>(
  viewer: Viewer,
  permission: Permission,
  contractId: string,
  year: number,
  steps: Pick<WriteSteps<{ territory: Territory }, P, ReportState, ReportState>, "prepare" | "write">,
): Promise<Result<ReportState, ReportState>> {
  return runWrite({
    viewer,
    permission,
    entity: "ExecutionReport",
    entityId: async () => entityId(contractId, year, (await db().executionReport.findUnique({ where: { contractId_year: { contractId, year } }, select: { id: true } }))?.id),
    what: "Ce rapport",
    locate: async () => {
      const contract = await db().contract.findUnique({ where: { id: contractId }, select: { status: true, periodStart: true, periodEnd: true } });
      const territory = contract ? await contractTerritory(db(), contractId) : null;
      if (!contract || !territory || contract.status === "DRAFT" || !contractYears(contract.periodStart, contract.periodEnd).includes(year)) return null;
      return { territory };
    },
    ...steps,
    scope: oversightScope,
  });
}

const state = (r: { id: string; status: ReportStatus; version: number }): ReportState => ({ id: r.id, status: r.status, version: r.version });

/** Loads the report at `version` (0: none yet, created here as a draft); a conflict if someone moved it. */
async function lockReport(tx: Prisma.TransactionClient, contractId: string, year: number, version: number) {
  const current = await tx.executionReport.findUnique({ where: { contractId_year: { contractId, year } } });
  if (!current) {
    if (version !== 0) return { ok: false as const, failure: notFound("Ce rapport") };
    // Two first saves at once: the second waits for the first's row (ON CONFLICT DO NOTHING), then
    // finds it moved on (a conflict), instead of failing on the unique key.
    const inserted = await tx.executionReport.createMany({ data: [{ contractId, year, version: 0 }], skipDuplicates: true });
    const report = await tx.executionReport.findUniqueOrThrow({ where: { contractId_year: { contractId, year } } });
    if (report.version !== version) return { ok: false as const, failure: conflict(state(report)) };
    return { ok: true as const, report, created: inserted.count === 1 };
  }
  if (current.version !== version) return { ok: false as const, failure: conflict(state(current)) };
  return { ok: true as const, report: current, created: false };
}

/** Moves the report from `version` to version + 1 with `data`, or reports a conflict. */
async function bump(tx: Prisma.TransactionClient, id: string, version: number, data: Prisma.ExecutionReportUpdateManyMutationInput) {
  const updated = await tx.executionReport.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  return updated.count === 1;
}

/** The department's narrative: highlights, difficulties, outlook. Only while it writes. */
export function saveReportNarrative(viewer: Viewer, contractId: string, year: number, input: Record<string, unknown>): Promise<Result<ReportState, ReportState>> {
  return reportStep(viewer, "report.edit", contractId, year, {
    prepare: async () => {
      const fields = parseFields(NarrativeSchema, input);
      const version = parseVersion(input.version, { none: 0 });
      if (!fields.ok) return fields;
      return version.ok ? { ok: true, value: { text: fields.value, version: version.value } } : version;
    },
    write: async (tx, { territory }, { text, version }) => {
      const locked = await lockReport(tx, contractId, year, version);
      if (!locked.ok) return locked.failure;
      const r = locked.report;
      if (!canEditNarrative(r.status)) return wrongStage("Le rapport est soumis ou adopté : il ne se modifie plus.");
      const before = { highlights: r.highlights, difficulties: r.difficulties, outlook: r.outlook };
      // Unchanged text (e.g. saved just before submitting): nothing to write, nothing to audit.
      if (!locked.created && (Object.keys(before) as (keyof typeof before)[]).every((k) => before[k] === text[k])) return ok(state(r));
      if (!(await bump(tx, r.id, r.version, text))) return conflict(state(r));
      await writeAudit(tx, { viewer, permission: "report.edit", territory, entity: "ExecutionReport", entityId: r.id, operation: locked.created ? "create" : "update", before: locked.created ? undefined : before, after: text });
      return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
    },
  });
}

/** The department submits: the figures are frozen and the State and the ARS are asked to decide. */
export function submitReport(viewer: Viewer, contractId: string, year: number, versionInput: unknown, now = new Date()): Promise<Result<ReportState, ReportState>> {
  return reportStep(viewer, "report.submit", contractId, year, {
    prepare: async () => parseVersion(versionInput, { none: 0 }),
    write: async (tx, { territory }, version) => {
      const locked = await lockReport(tx, contractId, year, version);
      if (!locked.ok) return locked.failure;
      const r = locked.report;
      if (!canEditNarrative(r.status)) return wrongStage("Ce rapport est déjà soumis ou adopté.");
      // A new round starts strictly after every earlier decision, so none of them counts in it.
      const last = await tx.reportApproval.findFirst({ where: { reportId: r.id }, orderBy: { createdAt: "desc" } });
      const submittedAt = last && last.createdAt >= now ? new Date(last.createdAt.getTime() + 1) : now;
      const snapshot = await liveSnapshot(tx, contractId, year, submittedAt);
      if (!(await bump(tx, r.id, r.version, { status: "SUBMITTED", submittedAt, snapshot: snapshot as unknown as Prisma.InputJsonValue }))) return conflict(state(r));
      await writeAudit(tx, { viewer, permission: "report.submit", territory, entity: "ExecutionReport", entityId: r.id, operation: "submit", before: { status: r.status }, after: { status: "SUBMITTED", fundingTotals: snapshot.fundingTotals } });
      return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
    },
  });
}

/** The State or the ARS approves or sends back (with a comment); the second approval adopts. */
export function decideReport(viewer: Viewer, contractId: string, year: number, party: ApprovingParty, input: Record<string, unknown>, now = new Date()): Promise<Result<ReportState, ReportState>> {
  const permission = PARTY_PERMISSION[party];
  return reportStep(viewer, permission, contractId, year, {
    prepare: async () => {
      const fields = parseFields(DecisionSchema, input);
      const version = parseVersion(input.version, { none: 0 });
      if (!fields.ok) return fields;
      return version.ok ? { ok: true, value: { decision: fields.value, version: version.value } } : version;
    },
    write: async (tx, { territory }, { decision: { decision, comment }, version }, user) => {
      const locked = await lockReport(tx, contractId, year, version);
      if (!locked.ok) return locked.failure;
      const r = locked.report;
      if (r.status !== "SUBMITTED") return wrongStage("Ce rapport n'attend pas de validation.");
      const round = currentRound(await tx.reportApproval.findMany({ where: { reportId: r.id } }), r.submittedAt);
      if (round.some((a) => a.party === party)) return wrongStage("Votre décision sur ce rapport est déjà enregistrée.");
      const status = statusAfterDecision(round, party, decision);
      const data: Prisma.ExecutionReportUpdateManyMutationInput =
        status === "ADOPTED" ? { status, adoptedAt: now } : status === "SENT_BACK" ? { status, snapshot: Prisma.DbNull } : { status };
      if (!(await bump(tx, r.id, r.version, data))) return conflict(state(r));
      const createdAt = r.submittedAt && r.submittedAt >= now ? new Date(r.submittedAt.getTime() + 1) : now;
      await tx.reportApproval.create({ data: { reportId: r.id, party, decision, comment, userId: user.id, createdAt } });
      if (status === "ADOPTED") await tx.deadline.updateMany({ where: { contractId, year, kind: "REPORT_DUE", doneAt: null }, data: { doneAt: now } });
      const operation = status === "ADOPTED" ? "adopt" : decision === "APPROVED" ? "approve" : "send-back";
      await writeAudit(tx, { viewer, permission, territory, entity: "ExecutionReport", entityId: r.id, operation, before: { status: r.status }, after: { status, party, decision, comment } });
      return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
    },
  });
}
/**
 * Submits the report as shown on its page: the text in the form is saved first (unchanged text writes
 * nothing). `version`: the one the form goes on from (the saved text's, once saved).
 */
export async function submitReportAsShown(viewer: Viewer, contractId: string, year: number, input: Record<string, string>): Promise<{ result: Result<ReportState, ReportState>; version: string }> {
  let version: string | number | undefined = input.version;
  if ("highlights" in input || "difficulties" in input || "outlook" in input) {
    const saved = await saveReportNarrative(viewer, contractId, year, input);
    if (!saved.ok) return { result: saved, version: input.version ?? "" };
    version = saved.value.version;
  }
  return { result: await submitReport(viewer, contractId, year, version), version: String(version ?? "") };
}

export type { Result } from "../server/errors";
