// Builds a whole contract (amounts, objectives, actions, ledger, avenants, indicator values, context)
// from a seed description, in one transaction with its audit row. Used by the demo seed, the test
// factories and the benchmark generator, so that all three stay valid.
import type { PrismaClient } from "../../lib/server/prisma";
import type { Funder, FundingParty, Role } from "../../lib/server/generated/prisma/enums";
import type { DemoContractSeed, Provenance } from "./data/types";
import { liveSnapshot } from "../../lib/reports/data";
import { DEFAULT_FUNDER_SPLIT, PARTY_FUNDERS, generateIndicatorValues, generateLedger, splitExactly } from "./ledger";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const euros = (amount: number) => BigInt(Math.round(amount * 100));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The provenance columns of a seed record: its source, the passage quoted from it and the day it was read. */
export function provenance(p: Provenance) {
  return {
    sourceUrl: p.sourceUrl ?? null,
    sourceQuote: p.sourceQuote ?? null,
    sourceCheckedOn: p.sourceCheckedOn ? day(p.sourceCheckedOn) : null,
    isDemo: p.isDemo,
  };
}

export function contractYears(seed: Pick<DemoContractSeed, "periodStart" | "periodEnd">): number[] {
  const first = Number(seed.periodStart.slice(0, 4));
  const last = Number(seed.periodEnd.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Planned amount per (year, funder): sourced avenants first, the rest of each party's total spread evenly. */
export function plannedByYearFunder(seed: DemoContractSeed) {
  const years = contractYears(seed);
  const planned: { year: number; funder: Funder; amountCents: bigint }[] = [];
  const sourcedYears = new Set((seed.amendments ?? []).map((a) => a.year));
  const partyOf = (funder: Funder) =>
    (Object.keys(PARTY_FUNDERS) as FundingParty[]).find((p) => PARTY_FUNDERS[p].includes(funder))!;

  for (const amendment of seed.amendments ?? []) {
    for (const a of amendment.amounts) planned.push({ year: amendment.year, funder: a.funder, amountCents: euros(a.amount) });
  }
  const freeYears = years.filter((y) => !sourcedYears.has(y));
  for (const { party, amount } of seed.amounts) {
    const alreadyPlanned = planned.filter((p) => partyOf(p.funder) === party).reduce((s, p) => s + p.amountCents, 0n);
    const rest = euros(amount) - alreadyPlanned;
    if (rest < 0n) throw new Error(`${seed.departmentCode}: avenants above the contract amount for ${party}`);
    if (rest === 0n || freeYears.length === 0) continue;
    const funders = PARTY_FUNDERS[party];
    const split = { ...DEFAULT_FUNDER_SPLIT, ...seed.funderSplit };
    const funderWeights = funders.map((f) => (funders.length === 1 ? 1 : (split[f] ?? 0)));
    // Split in whole euros (the odd cents of a sourced total stay in the first year).
    const restEuros = rest / 100n;
    splitExactly(restEuros, freeYears.map(() => 1)).forEach((yearEuros, i) => {
      splitExactly(yearEuros, funderWeights).forEach((partEuros, fi) => {
        const amountCents = partEuros * 100n + (i === 0 && fi === 0 ? rest % 100n : 0n);
        if (amountCents > 0n) planned.push({ year: freeYears[i], funder: funders[fi], amountCents });
      });
    });
  }
  return planned;
}

export async function createContractFromSeed(prisma: PrismaClient, seed: DemoContractSeed) {
  const framework = await prisma.framework.findUniqueOrThrow({
    where: { code: seed.frameworkCode },
    include: { commitments: { include: { objectives: { include: { indicators: true } } } } },
  });
  const objectives = framework.commitments.flatMap((c) => c.objectives);
  const objectiveByCode = new Map(objectives.map((o) => [o.code, o]));
  const taken = objectives.filter((o) => o.isMandatory || seed.optionalObjectiveCodes.includes(o.code));
  for (const a of seed.actions) {
    if (!objectiveByCode.has(a.objectiveCode)) throw new Error(`${seed.departmentCode} ${a.reference}: objectif ${a.objectiveCode} inconnu`);
  }
  const years = contractYears(seed);
  const planned = plannedByYearFunder(seed);
  const ledger = generateLedger({
    plannedByYearFunder: planned,
    actions: seed.actions.map((a) => ({ status: a.status, weight: a.weight ?? 1 })),
    lastYear: years[years.length - 1],
    yearInProgress: seed.yearInProgress,
    closed: seed.status === "ENDED",
  });

  return prisma.$transaction(
    async (tx) => {
      const contract = await tx.contract.create({
        data: {
          departmentCode: seed.departmentCode,
          frameworkId: framework.id,
          wave: seed.wave,
          status: seed.status,
          signedOn: seed.signedOn ? day(seed.signedOn) : null,
          signedPlace: seed.signedPlace ?? null,
          periodStart: day(seed.periodStart),
          periodEnd: day(seed.periodEnd),
          stateSignatory: seed.stateSignatory,
          arsSignatory: seed.arsSignatory,
          departmentSignatory: seed.departmentSignatory,
          summary: seed.summary,
          ...provenance(seed),
          amounts: {
            create: seed.amounts.map((a) => ({ party: a.party, amountCents: euros(a.amount), ...provenance(a) })),
          },
          objectives: { create: taken.map((o) => ({ objectiveId: o.id })) },
        },
      });

      const actionIds: string[] = [];
      for (const a of seed.actions) {
        const action = await tx.action.create({
          data: {
            contractId: contract.id,
            objectiveId: objectiveByCode.get(a.objectiveCode)!.id,
            reference: a.reference,
            title: a.title,
            purpose: a.purpose,
            targetPublic: a.targetPublic,
            lead: a.lead,
            partners: a.partners ?? null,
            startDate: day(a.startDate),
            endDate: day(a.endDate),
            status: a.status,
            progress: a.progress,
            ...provenance(a),
          },
        });
        actionIds.push(action.id);
      }

      await tx.fundingLine.createMany({
        data: ledger.map((l) => ({
          contractId: contract.id,
          actionId: actionIds[l.actionIndex],
          funder: l.funder,
          year: l.year,
          stage: l.stage,
          amountCents: l.amountCents,
          isDemo: true,
        })),
      });

      const sourcedAmendments = new Map((seed.amendments ?? []).map((a) => [a.year, a]));
      for (const [i, year] of years.entries()) {
        const sourced = sourcedAmendments.get(year);
        const amounts = sourced
          ? sourced.amounts.map((a) => ({ funder: a.funder, amountCents: euros(a.amount), ...provenance(a) }))
          : planned.filter((p) => p.year === year).map((p) => ({ funder: p.funder, amountCents: p.amountCents, sourceUrl: null, isDemo: true }));
        await tx.amendment.create({
          data: {
            contractId: contract.id,
            year,
            number: i + 1,
            signedOn: sourced?.signedOn ? day(sourced.signedOn) : seed.amendmentDates?.[year] ? day(seed.amendmentDates[year]!) : null,
            note: sourced?.note ?? (sourced ? null : "Montants répartis par année pour la démonstration."),
            ...(sourced ? provenance(sourced) : provenance({ isDemo: true })),
            amounts: { create: amounts },
          },
        });
      }

      const indicatorValues = taken.flatMap((o) =>
        o.indicators.flatMap((indicator) =>
          generateIndicatorValues(`${seed.departmentCode}:${indicator.code}`, indicator.kind, indicator.direction, years, seed.yearInProgress).map((v) => ({
            contractId: contract.id,
            indicatorId: indicator.id,
            year: v.year,
            baseline: v.baseline,
            target: v.target,
            actual: v.actual,
            isDemo: true,
          })),
        ),
      );
      await tx.indicatorValue.createMany({ data: indicatorValues });

      for (const f of seed.contextFigures) {
        const data = {
          childProtectionBudgetCents: f.childProtectionBudget === undefined ? null : euros(f.childProtectionBudget),
          childrenFollowedByAse: f.childrenFollowedByAse ?? null,
          disabilitySharePercent: f.disabilitySharePercent ?? null,
          note: f.note ?? null,
          ...provenance(f),
        };
        await tx.departmentContextFigure.upsert({
          where: { departmentCode_year: { departmentCode: seed.departmentCode, year: f.year } },
          create: { departmentCode: seed.departmentCode, year: f.year, ...data },
          update: data,
        });
      }

      await seedActivity(tx, seed, contract.id, actionIds);

      await tx.auditLog.create({
        data: {
          entity: "Contract",
          entityId: contract.id,
          operation: "create",
          scopeDepartmentCode: seed.departmentCode,
          after: { source: "seed", departmentCode: seed.departmentCode, framework: seed.frameworkCode, actions: seed.actions.length, fundingLines: ledger.length },
        },
      });
      return contract;
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** Noon UTC of a seed day: the time of the demo's dated events (decisions, comments, edits). */
const at = (iso: string, minutes = 0) => new Date(Date.parse(`${iso}T12:00:00Z`) + minutes * 60_000);

/**
 * The life of a running contract (demo): its execution reports and their steps, comments and earlier
 * edits of actions, each by a demo account with its history row, at the seed's fixed dates.
 */
async function seedActivity(tx: Tx, seed: DemoContractSeed, contractId: string, actionIds: string[]) {
  if (!seed.reports?.length && !seed.comments?.length && !seed.actionHistory?.length) return;
  const users = new Map<string, { id: string; email: string; role: Role | null; regionCode: string | null }>();
  const user = async (email: string) => {
    const known = users.get(email);
    if (known) return known;
    const found = await tx.user.findUnique({ where: { email }, include: { roles: true } });
    if (!found) throw new Error(`${seed.departmentCode} : compte de démonstration ${email} introuvable (créer les comptes avant les contrats)`);
    const entry = { id: found.id, email: found.email, role: found.roles[0]?.role ?? null, regionCode: found.roles[0]?.regionCode ?? null };
    users.set(email, entry);
    return entry;
  };
  const department = await tx.department.findUniqueOrThrow({ where: { code: seed.departmentCode }, include: { region: true } });
  const audit = async (by: string, when: Date, entity: string, entityId: string, operation: string, before: object | undefined, after: object) => {
    const actor = await user(by);
    await tx.auditLog.create({
      data: {
        at: when,
        actorId: actor.id,
        actorEmail: actor.email,
        actorRole: actor.role,
        scopeDepartmentCode: seed.departmentCode,
        scopeRegionCode: department.regionCode,
        entity,
        entityId,
        operation,
        before,
        after,
      },
    });
  };
  const actionId = (reference: string) => {
    const index = seed.actions.findIndex((a) => a.reference === reference);
    if (index < 0) throw new Error(`${seed.departmentCode} : fiche ${reference} inconnue`);
    return actionIds[index];
  };

  for (const h of seed.actionHistory ?? []) {
    const action = seed.actions.find((a) => a.reference === h.actionReference)!;
    // Only the fields that changed, as every write records them (lib/server/write.ts diff).
    const now: Record<string, unknown> = { status: action.status, progress: action.progress };
    const before: Record<string, unknown> = h.before;
    const keys = Object.keys(before).filter((k) => before[k] !== now[k]);
    await audit(h.by, at(h.on), "Action", actionId(h.actionReference), "update", Object.fromEntries(keys.map((k) => [k, before[k]])), Object.fromEntries(keys.map((k) => [k, now[k]])));
  }

  for (const r of seed.reports ?? []) {
    const submittedAt = r.submitted ? at(r.submitted.on) : null;
    const decisions = (r.decisions ?? []).map((d, i) => ({ ...d, when: at(d.on, i + 1) }));
    const adoptedAt = r.status === "ADOPTED" ? decisions[decisions.length - 1]?.when ?? null : null;
    // Submitted and adopted reports keep the figures frozen at their submission; a sent-back one has none.
    // The same rule as a real submission (lib/reports/data.ts), read inside this transaction.
    const snapshot = (r.status === "SUBMITTED" || r.status === "ADOPTED") && submittedAt ? JSON.parse(JSON.stringify(await liveSnapshot(tx, contractId, r.year, submittedAt))) : undefined;
    const report = await tx.executionReport.create({
      data: {
        contractId,
        year: r.year,
        status: r.status,
        highlights: r.highlights ?? null,
        difficulties: r.difficulties ?? null,
        outlook: r.outlook ?? null,
        submittedAt,
        adoptedAt,
        ...(snapshot ? { snapshot } : {}),
        approvals: {
          create: await Promise.all(
            decisions.map(async (d) => ({ party: d.party, decision: d.decision, comment: d.comment ?? null, userId: (await user(d.by)).id, createdAt: d.when })),
          ),
        },
      },
    });
    if (r.submitted?.by) await audit(r.submitted.by, submittedAt!, "ExecutionReport", report.id, "submit", { status: "DRAFT" }, { status: "SUBMITTED" });
    let status: string = "SUBMITTED";
    for (const [i, d] of decisions.entries()) {
      const after = d.decision === "SENT_BACK" ? "SENT_BACK" : i === decisions.length - 1 && r.status === "ADOPTED" ? "ADOPTED" : "SUBMITTED";
      const operation = after === "ADOPTED" ? "adopt" : d.decision === "APPROVED" ? "approve" : "send-back";
      await audit(d.by, d.when, "ExecutionReport", report.id, operation, { status }, { status: after, party: d.party, decision: d.decision, comment: d.comment ?? null });
      status = after;
    }
  }

  for (const c of seed.comments ?? []) {
    const author = await user(c.by);
    const comment = await tx.comment.create({
      data: { contractId, actionId: c.actionReference ? actionId(c.actionReference) : null, authorId: author.id, body: c.body, createdAt: at(c.on) },
    });
    await audit(c.by, at(c.on), "Comment", comment.id, "create", undefined, { body: c.body, actionId: comment.actionId });
  }
}
