import "server-only";
// The tripartite workflow: the department writes and submits; the State and the ARS each approve or
// send back; both approvals adopt. Figures are frozen at submission (what the signatories review is
// what they adopt) and kept at adoption; a send-back unfreezes them. One transaction + one audit row
// per step, each version-checked; refused attempts leave a "denied" row. Reports are not public: each
// step refreshes only the signed-in views' cached reads (overdue reports on the oversight views).
import { z } from "zod";
import { auditDenied, writeAudit } from "../server/audit";
import { can, type Permission, type Territory, type Viewer } from "../server/authz";
import { invalidateOnSuccess } from "../server/cache/cache";
import { oversightScope } from "../server/cache/cache-tags";
import { Prisma, db } from "../server/db";
import { conflict, forbidden, invalid, notFound, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { contractYears } from "../funding/schemas";
import { liveSnapshot } from "./data";
import { DecisionSchema, NarrativeSchema, ReportVersionSchema, type ApprovingParty, type ReportStatus } from "./schemas";
import { canEditNarrative, currentRound, statusAfterDecision } from "./workflow";

export type ReportState = { id: string; status: ReportStatus; version: number };

const PARTY_PERMISSION: Record<ApprovingParty, Permission> = { STATE: "report.approve.state", ARS: "report.validate" };
const entityId = (contractId: string, year: number, reportId?: string | null) => reportId ?? `${contractId}:${year}`;
const fieldErrors = (error: z.ZodError) => z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
const wrongStage = (message: string) => invalid({}, message);

type Guarded = { ok: true; territory: Territory } | Extract<Result<never>, { ok: false }>;

/** The contract-year exists and the viewer holds the step's permission there; otherwise a denied row. */
async function guard(viewer: Viewer, permission: Permission, contractId: string, year: number): Promise<Guarded> {
  const contract = await db().contract.findUnique({ where: { id: contractId }, select: { status: true, periodStart: true, periodEnd: true } });
  const territory = contract ? await contractTerritory(db(), contractId) : null;
  if (!contract || !territory || contract.status === "DRAFT" || !contractYears(contract.periodStart, contract.periodEnd).includes(year)) return notFound("Ce rapport");
  if (!can(viewer, permission, territory)) {
    const report = await db().executionReport.findUnique({ where: { contractId_year: { contractId, year } }, select: { id: true } });
    await auditDenied(viewer, permission, territory, "ExecutionReport", entityId(contractId, year, report?.id));
    return can(viewer, "contract.read", territory) ? forbidden() : notFound("Ce rapport");
  }
  return { ok: true, territory };
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
export async function saveReportNarrative(viewer: Viewer, contractId: string, year: number, input: Record<string, unknown>): Promise<Result<ReportState>> {
  const g = await guard(viewer, "report.edit", contractId, year);
  if (!g.ok) return g;
  const parsed = NarrativeSchema.safeParse(input);
  const version = ReportVersionSchema.safeParse(input.version);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  return db().$transaction(async (tx) => {
    const locked = await lockReport(tx, contractId, year, version.data);
    if (!locked.ok) return locked.failure;
    const r = locked.report;
    if (!canEditNarrative(r.status)) return wrongStage("Le rapport est soumis ou adopté : il ne se modifie plus.");
    const before = { highlights: r.highlights, difficulties: r.difficulties, outlook: r.outlook };
    // Unchanged text (e.g. saved just before submitting): nothing to write, nothing to audit.
    if (!locked.created && (Object.keys(before) as (keyof typeof before)[]).every((k) => before[k] === parsed.data[k])) return ok(state(r));
    if (!(await bump(tx, r.id, r.version, parsed.data))) return conflict(state(r));
    await writeAudit(tx, { viewer, permission: "report.edit", territory: g.territory, entity: "ExecutionReport", entityId: r.id, operation: locked.created ? "create" : "update", before: locked.created ? undefined : before, after: parsed.data });
    return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
  }).then(invalidateOnSuccess(oversightScope(g.territory)));
}

/** The department submits: the figures are frozen and the State and the ARS are asked to decide. */
export async function submitReport(viewer: Viewer, contractId: string, year: number, versionInput: unknown, now = new Date()): Promise<Result<ReportState>> {
  const g = await guard(viewer, "report.submit", contractId, year);
  if (!g.ok) return g;
  const version = ReportVersionSchema.safeParse(versionInput);
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  return db().$transaction(async (tx) => {
    const locked = await lockReport(tx, contractId, year, version.data);
    if (!locked.ok) return locked.failure;
    const r = locked.report;
    if (!canEditNarrative(r.status)) return wrongStage("Ce rapport est déjà soumis ou adopté.");
    // A new round starts strictly after every earlier decision, so none of them counts in it.
    const last = await tx.reportApproval.findFirst({ where: { reportId: r.id }, orderBy: { createdAt: "desc" } });
    const submittedAt = last && last.createdAt >= now ? new Date(last.createdAt.getTime() + 1) : now;
    const snapshot = await liveSnapshot(tx, contractId, year, submittedAt);
    if (!(await bump(tx, r.id, r.version, { status: "SUBMITTED", submittedAt, snapshot: snapshot as unknown as Prisma.InputJsonValue }))) return conflict(state(r));
    await writeAudit(tx, { viewer, permission: "report.submit", territory: g.territory, entity: "ExecutionReport", entityId: r.id, operation: "submit", before: { status: r.status }, after: { status: "SUBMITTED", fundingTotals: snapshot.fundingTotals } });
    return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
  }).then(invalidateOnSuccess(oversightScope(g.territory)));
}

/** The State or the ARS approves or sends back (with a comment); the second approval adopts. */
export async function decideReport(viewer: Viewer, contractId: string, year: number, party: ApprovingParty, input: Record<string, unknown>, now = new Date()): Promise<Result<ReportState>> {
  const permission = PARTY_PERMISSION[party];
  const g = await guard(viewer, permission, contractId, year);
  if (!g.ok) return g;
  const parsed = DecisionSchema.safeParse(input);
  const version = ReportVersionSchema.safeParse(input.version);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (!version.success) return invalid({ version: version.error.issues.map((i) => i.message) });
  const user = viewer.kind === "user" ? viewer.user : null;
  if (!user) return forbidden();
  return db().$transaction(async (tx) => {
    const locked = await lockReport(tx, contractId, year, version.data);
    if (!locked.ok) return locked.failure;
    const r = locked.report;
    if (r.status !== "SUBMITTED") return wrongStage("Ce rapport n'attend pas de validation.");
    const round = currentRound(await tx.reportApproval.findMany({ where: { reportId: r.id } }), r.submittedAt);
    if (round.some((a) => a.party === party)) return wrongStage("Votre décision sur ce rapport est déjà enregistrée.");
    const status = statusAfterDecision(round, party, parsed.data.decision);
    const data: Prisma.ExecutionReportUpdateManyMutationInput =
      status === "ADOPTED" ? { status, adoptedAt: now } : status === "SENT_BACK" ? { status, snapshot: Prisma.DbNull } : { status };
    if (!(await bump(tx, r.id, r.version, data))) return conflict(state(r));
    const createdAt = r.submittedAt && r.submittedAt >= now ? new Date(r.submittedAt.getTime() + 1) : now;
    await tx.reportApproval.create({ data: { reportId: r.id, party, decision: parsed.data.decision, comment: parsed.data.comment, userId: user.id, createdAt } });
    if (status === "ADOPTED") await tx.deadline.updateMany({ where: { contractId, year, kind: "REPORT_DUE", doneAt: null }, data: { doneAt: now } });
    const operation = status === "ADOPTED" ? "adopt" : parsed.data.decision === "APPROVED" ? "approve" : "send-back";
    await writeAudit(tx, { viewer, permission, territory: g.territory, entity: "ExecutionReport", entityId: r.id, operation, before: { status: r.status }, after: { status, party, decision: parsed.data.decision, comment: parsed.data.comment } });
    return ok(state(await tx.executionReport.findUniqueOrThrow({ where: { id: r.id } })));
  }).then(invalidateOnSuccess(oversightScope(g.territory)));
}
export type { Result } from "../server/errors";
