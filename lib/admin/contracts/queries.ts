import "server-only";
import { FUNDERS, FUNDING_PARTIES } from "../../funding/schemas";
import type { Viewer } from "../../server/authz";
import { db, type Prisma } from "../../server/db";
import { assertAdminRead } from "../guard";
import type {
  AdminAmendmentRow,
  AdminContractRow,
  AmendmentEditValues,
  ContractEditValues,
  ContractFormOptions,
  FrameworkOption,
} from "./schemas";
import { isoDay } from "../../core/dates";

const PERMISSION = "admin.contracts";

type ContractRecord = Prisma.ContractGetPayload<{ include: { amounts: true } }>;
type AmendmentRecord = Prisma.AmendmentGetPayload<{ include: { amounts: true } }>;

export function toContractValues(c: ContractRecord): ContractEditValues {
  const amounts = Object.fromEntries(
    FUNDING_PARTIES.map((party) => {
      const a = c.amounts.find((x) => x.party === party);
      return [`amount_${party}`, a ? Number(a.amountCents) : null];
    }),
  ) as Record<`amount_${(typeof FUNDING_PARTIES)[number]}`, number | null>;
  return {
    id: c.id,
    version: c.version,
    departmentCode: c.departmentCode,
    frameworkId: c.frameworkId,
    wave: c.wave,
    status: c.status,
    signedOn: isoDay(c.signedOn),
    signedPlace: c.signedPlace,
    periodStart: isoDay(c.periodStart)!,
    periodEnd: isoDay(c.periodEnd)!,
    stateSignatory: c.stateSignatory,
    arsSignatory: c.arsSignatory,
    departmentSignatory: c.departmentSignatory,
    summary: c.summary,
    sourceUrl: c.sourceUrl,
    isDemo: c.isDemo,
    ...amounts,
  };
}

export function toAmendmentValues(a: AmendmentRecord): AmendmentEditValues {
  const amounts = Object.fromEntries(
    FUNDERS.map((funder) => {
      const x = a.amounts.find((y) => y.funder === funder);
      return [`amount_${funder}`, x ? Number(x.amountCents) : null];
    }),
  ) as Record<`amount_${(typeof FUNDERS)[number]}`, number | null>;
  return {
    id: a.id,
    contractId: a.contractId,
    version: a.version,
    year: a.year,
    number: a.number,
    signedOn: isoDay(a.signedOn),
    note: a.note,
    sourceUrl: a.sourceUrl,
    isDemo: a.isDemo,
    ...amounts,
  };
}

/** Every contract, drafts included (administrators only). */
export async function listAdminContracts(viewer: Viewer): Promise<AdminContractRow[]> {
  assertAdminRead(viewer, PERMISSION);
  const contracts = await db().contract.findMany({
    include: { department: true, framework: true, amounts: true, _count: { select: { amendments: true } } },
    orderBy: [{ departmentCode: "asc" }, { periodStart: "desc" }],
  });
  return contracts.map((c) => ({
    id: c.id,
    departmentCode: c.departmentCode,
    departmentName: c.department.name,
    frameworkCode: c.framework.code,
    wave: c.wave,
    status: c.status,
    periodStart: isoDay(c.periodStart)!,
    periodEnd: isoDay(c.periodEnd)!,
    totalCents: c.amounts.reduce((s, a) => s + Number(a.amountCents), 0),
    amendmentCount: c._count.amendments,
    isDemo: c.isDemo,
  }));
}

/** Departments and frameworks (with their objectives) for the contract form. */
export async function getContractFormOptions(viewer: Viewer): Promise<ContractFormOptions> {
  assertAdminRead(viewer, PERMISSION);
  const [departments, frameworks] = await Promise.all([
    db().department.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db().framework.findMany({
      include: { commitments: { include: { objectives: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } } },
      orderBy: { startYear: "asc" },
    }),
  ]);
  return {
    departments,
    frameworks: frameworks.map(
      (f): FrameworkOption => ({
        id: f.id,
        code: f.code,
        name: f.name,
        objectives: f.commitments.flatMap((c) => c.objectives.map((o) => ({ id: o.id, code: o.code, title: o.title, isMandatory: o.isMandatory }))),
      }),
    ),
  };
}

export type AdminContractDetail = {
  values: ContractEditValues;
  departmentName: string;
  frameworkCode: string;
  frameworkName: string;
  objectives: { code: string; title: string; isMandatory: boolean }[];
  amendments: AdminAmendmentRow[];
};

/** A contract with its avenants and objectives, for its administration page; null when unknown. */
export async function getContractForAdmin(viewer: Viewer, contractId: string): Promise<AdminContractDetail | null> {
  assertAdminRead(viewer, PERMISSION);
  const c = await db().contract.findUnique({
    where: { id: contractId },
    include: {
      amounts: true,
      department: true,
      framework: true,
      objectives: { include: { objective: { include: { commitment: true } } } },
      amendments: { include: { amounts: true }, orderBy: { year: "asc" } },
    },
  });
  if (!c) return null;
  return {
    values: toContractValues(c),
    departmentName: c.department.name,
    frameworkCode: c.framework.code,
    frameworkName: c.framework.name,
    objectives: c.objectives
      .map((o) => o.objective)
      .sort((a, b) => a.commitment.position - b.commitment.position || a.position - b.position)
      .map((o) => ({ code: o.code, title: o.title, isMandatory: o.isMandatory })),
    amendments: c.amendments.map((a) => ({
      id: a.id,
      year: a.year,
      number: a.number,
      signedOn: isoDay(a.signedOn),
      totalCents: a.amounts.reduce((s, x) => s + Number(x.amountCents), 0),
      isDemo: a.isDemo,
    })),
  };
}

export type AdminAmendmentDetail = { values: AmendmentEditValues; contract: { id: string; departmentCode: string; departmentName: string; periodStart: string; periodEnd: string } };

/** An avenant and the contract it amends; null when unknown. */
export async function getAmendmentForAdmin(viewer: Viewer, amendmentId: string): Promise<AdminAmendmentDetail | null> {
  assertAdminRead(viewer, PERMISSION);
  const a = await db().amendment.findUnique({ where: { id: amendmentId }, include: { amounts: true, contract: { include: { department: true } } } });
  if (!a) return null;
  return {
    values: toAmendmentValues(a),
    contract: {
      id: a.contractId,
      departmentCode: a.contract.departmentCode,
      departmentName: a.contract.department.name,
      periodStart: isoDay(a.contract.periodStart)!,
      periodEnd: isoDay(a.contract.periodEnd)!,
    },
  };
}

/** What the new-avenant form needs: the contract's period and the next free year and number. */
export async function getAmendmentDefaults(viewer: Viewer, contractId: string) {
  assertAdminRead(viewer, PERMISSION);
  const c = await db().contract.findUnique({ where: { id: contractId }, include: { department: true, amendments: { select: { year: true, number: true } } } });
  if (!c) return null;
  const first = c.periodStart.getUTCFullYear();
  const last = c.periodEnd.getUTCFullYear();
  const taken = new Set(c.amendments.map((a) => a.year));
  const freeYear = Array.from({ length: last - first + 1 }, (_, i) => first + i).find((y) => !taken.has(y)) ?? null;
  return {
    contract: { id: c.id, departmentCode: c.departmentCode, departmentName: c.department.name, periodStart: isoDay(c.periodStart)!, periodEnd: isoDay(c.periodEnd)! },
    year: freeYear,
    number: Math.max(0, ...c.amendments.map((a) => a.number)) + 1,
  };
}
