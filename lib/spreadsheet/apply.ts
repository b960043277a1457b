import "server-only";
// Writes a plan in one transaction, all or nothing: creations in batches, updates guarded by the
// version each row had when the plan was made (a row changed meanwhile rolls everything back), the
// audit rows in batches, and the public data invalidated once after the commit.
import { auditJson } from "../server/audit";
import { actingRole, type Permission, type Territory, type Viewer } from "../server/authz";
import { invalidatePublicData } from "../server/cache";
import { Prisma, db } from "../server/db";
import type { Plan } from "./plan";

export class ImportConflictError extends Error {
  constructor() {
    super("Des données ont été modifiées depuis l'aperçu : relancez l'aperçu puis appliquez à nouveau. Rien n'a été écrit.");
    this.name = "ImportConflictError";
  }
}

const CHUNK = 2000;
const chunks = <T>(items: T[], size = CHUNK) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function only<T extends Record<string, unknown>>(before: T, after: T) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(auditJson(before[k]) ?? null) !== JSON.stringify(auditJson(after[k]) ?? null));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

export type ApplyCounts = { created: number; updated: number };

export async function applyPlan(viewer: Viewer, territory: Territory, contractId: string, plan: Plan): Promise<ApplyCounts> {
  const user = viewer.kind === "user" ? viewer.user : null;
  const audits: Prisma.AuditLogCreateManyInput[] = [];
  const audit = (permission: Permission, entity: string, entityId: string, operation: string, before?: unknown, after?: unknown) =>
    audits.push({
      actorId: user?.id ?? null,
      actorEmail: user?.email ?? null,
      actorRole: actingRole(viewer, permission, territory),
      scopeDepartmentCode: territory.departmentCode,
      scopeRegionCode: territory.regionCode,
      entity,
      entityId,
      operation,
      before: auditJson(before),
      after: auditJson(after),
    });
  const counts: ApplyCounts = { created: 0, updated: 0 };

  await db().$transaction(
    async (tx) => {
      // ── Fiches action ──
      if (plan.actions.creates.length > 0) {
        const refs = await tx.action.findMany({ where: { contractId }, select: { reference: true } });
        let next = Math.max(0, ...refs.map((r) => Number(/^FA-(\d+)$/.exec(r.reference)?.[1] ?? 0)));
        const fieldsByReference = new Map(
          plan.actions.creates.map((r) => {
            next += 1;
            return [`FA-${String(next).padStart(2, "0")}` as string, r.fields] as const;
          }),
        );
        const data = [...fieldsByReference].map(([reference, f]) => ({ contractId, reference, ...f, startDate: day(f.startDate), endDate: day(f.endDate) }));
        for (const part of chunks(data)) {
          for (const created of await tx.action.createManyAndReturn({ data: part, select: { id: true, reference: true } })) {
            audit("action.edit", "Action", created.id, "create", undefined, { reference: created.reference, ...fieldsByReference.get(created.reference) });
          }
        }
        counts.created += data.length;
      }
      for (const { row, existing } of plan.actions.updates) {
        const f = row.fields;
        const updated = await tx.action.updateMany({
          where: { id: existing.id, version: existing.version, archivedAt: null },
          data: { ...f, startDate: day(f.startDate), endDate: day(f.endDate), version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new ImportConflictError();
        // Only the keys of the fields are compared, so the existing row can be passed whole.
        const diff = only(existing as unknown as Record<string, unknown>, f as Record<string, unknown>);
        audit("action.edit", "Action", existing.id, "update", diff.before, diff.after);
        counts.updated += 1;
      }

      // ── Lignes de financement ──
      if (plan.funding.creates.length > 0) {
        for (const part of chunks(plan.funding.creates)) {
          const created = await tx.fundingLine.createManyAndReturn({
            data: part.map((r) => ({ contractId, actionId: r.fields.actionId, funder: r.fields.funder, year: r.fields.year, stage: r.fields.stage, amountCents: r.fields.amountCents })),
            select: { id: true, actionId: true, funder: true, year: true, stage: true, amountCents: true },
          });
          for (const c of created) audit("funding.edit", "FundingLine", c.id, "create", undefined, { actionId: c.actionId, funder: c.funder, year: c.year, stage: c.stage, amountCents: c.amountCents });
        }
        counts.created += plan.funding.creates.length;
      }
      for (const part of chunks(plan.funding.updates, 1000)) {
        const values = part.map(({ row, existing }) => {
          const f = row.fields;
          return Prisma.sql`(${existing.id}::text, ${existing.version}::int, ${f.actionId}::text, ${f.funder}::text, ${f.year}::int, ${f.stage}::text, ${f.amountCents}::bigint)`;
        });
        const count = await tx.$executeRaw`
          UPDATE "FundingLine" AS f
          SET "actionId" = v.action_id, "funder" = v.funder::"Funder", "year" = v.year, "stage" = v.stage::"FundingStage",
              "amountCents" = v.amount, "version" = f."version" + 1, "updatedAt" = NOW()
          FROM (VALUES ${Prisma.join(values)}) AS v(id, version, action_id, funder, year, stage, amount)
          WHERE f."id" = v.id AND f."version" = v.version AND f."contractId" = ${contractId}`;
        if (count !== part.length) throw new ImportConflictError();
        for (const { row, existing } of part) {
          const diff = only(existing as unknown as Record<string, unknown>, row.fields as Record<string, unknown>);
          audit("funding.edit", "FundingLine", existing.id, "update", { ...diff.before }, { ...diff.after });
        }
        counts.updated += part.length;
      }

      // ── Valeurs d'indicateurs ──
      if (plan.indicators.creates.length > 0) {
        for (const part of chunks(plan.indicators.creates)) {
          const created = await tx.indicatorValue.createManyAndReturn({
            data: part.map((r) => ({ contractId, indicatorId: r.indicatorId, year: r.year, ...r.fields, isDemo: false })),
            select: { id: true, year: true, baseline: true, target: true, actual: true },
          });
          for (const c of created) audit("indicator.edit", "IndicatorValue", c.id, "create", undefined, { year: c.year, baseline: c.baseline, target: c.target, actual: c.actual });
        }
        counts.created += plan.indicators.creates.length;
      }
      for (const { row, existing } of plan.indicators.updates) {
        const updated = await tx.indicatorValue.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...row.fields, isDemo: false, version: { increment: 1 } } });
        if (updated.count !== 1) throw new ImportConflictError();
        const before = { baseline: existing.baseline, target: existing.target, actual: existing.actual };
        const diff = only(before, row.fields);
        const toNumbers = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? null : Number(v)]));
        audit("indicator.edit", "IndicatorValue", existing.id, "update", toNumbers(diff.before), toNumbers(diff.after));
        counts.updated += 1;
      }

      for (const part of chunks(audits, 5000)) await tx.auditLog.createMany({ data: part });
    },
    { timeout: 60_000, maxWait: 10_000 },
  ).catch((error: unknown) => {
    // A row created meanwhile by someone else (same indicator and year): the same answer as a stale version.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ImportConflictError();
    throw error;
  });

  if (counts.created + counts.updated > 0) invalidatePublicData(territory.departmentCode);
  return counts;
}
