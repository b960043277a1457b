import "server-only";
import { z } from "zod";
// The public reads the pages and the API use: cached per scope ("all" or one department), tagged so
// that every write invalidates what it touched (lib/server/cache/cache.ts). Cache keys only take department
// codes that exist, so the cache stays bounded whatever URLs are requested.
import { NATIONAL_TAG, departmentTag, publicCached } from "../server/cache/cache";
import { FUNDING_PARTIES, PARTY_LABELS, type FundingParty } from "../funding/schemas";
import {
  readActions,
  readContextFigures,
  readContracts,
  readDepartmentBundle,
  readDepartments,
  readFreshness,
  readFunding,
  readIndicators,
  type Departments,
  type PublicDepartmentBundle,
} from "./queries";
import {
  PublicContractSchema,
  PublicDepartmentPageSchema,
  PublicNationalPageSchema,
  type PublicAction,
  type PublicContextFigure,
  type PublicContract,
  type PublicContractDetail,
  type PublicDepartment,
  type PublicDepartmentPage,
  type PublicFunding,
  type PublicIndicatorValue,
  type PublicNationalPage,
} from "./schemas";
import { normalizeDepartmentCode } from "../core/territory";

// Keeps a contract's summary fields and drops the detail ones.
const contractSummary = z.object(PublicContractSchema.shape);

type Scope = string | undefined;
const scopeKey = (code: Scope) => code ?? "*";
const scopeTags = (code: Scope) => (code ? [departmentTag(code)] : [NATIONAL_TAG]);

const cachedRead = <T>(name: string, code: Scope, read: (code: Scope) => Promise<T>) =>
  publicCached([name, scopeKey(code)], scopeTags(code), () => read(code));

/** Every department (101), with its count of published contracts. */
export const getPublicDepartments = (): Promise<PublicDepartment[]> => publicCached(["departments"], [NATIONAL_TAG], () => readDepartments());

/** A known department code, normalised ("2a" → "2A"), or null. */
export async function findDepartmentCode(raw: string): Promise<string | null> {
  const code = normalizeDepartmentCode(raw);
  if (!code) return null;
  return (await getPublicDepartments()).some((d) => d.code === code) ? code : null;
}

/**
 * Departments per cached part of a national collection. Next's data cache refuses entries over 2 MB,
 * so the large collections are cut; but each part costs a cache lookup per request (a tenth of a
 * millisecond or so), and one part per department made `/api/v1/contrats` cost 137 ms of CPU at 1,010
 * territories (npm run bench -- --scale 10). Per department at the bench's data (department 93, as
 * CSV; the cached JSON is up to twice that): contracts 1.4 KB, fiches action 32 KB, funding 17 KB,
 * indicator values 35 KB; so each part stays under 0.7 MB. A write in one department recomputes its
 * part only (one read for the part's departments): contracts went from 100 to 20 departments per part
 * so that the national page (`/`), rebuilt after every write anywhere, reads 20 departments' contracts
 * again, not 100 (51 lookups per request at 1,010 territories instead of 11).
 */
const DEPARTMENTS_PER_PART: Record<string, number> = { contracts: 20, actions: 5, funding: 10, indicators: 10 };

/**
 * The national form of a large collection, put together from cached parts of a few departments each
 * (in department order, as the SQL orders them), each part tagged with its departments: one
 * department's change recomputes only its own part, in one read for all the part's departments (one
 * query per department made a part of 20 departments 40 queries in a row: at 10× under the bench's
 * writers, which touch a department of nearly every part, the national API waited on them for seconds
 * after each write).
 */
async function byDepartment<T>(name: string, code: Scope, read: (departments?: Departments) => Promise<T[]>): Promise<T[]> {
  if (code) return cachedRead(name, code, read);
  const codes = (await getPublicDepartments()).filter((d) => d.publishedContractCount > 0).map((d) => d.code);
  const size = DEPARTMENTS_PER_PART[name] ?? 1;
  const parts = Array.from({ length: Math.ceil(codes.length / size) }, (_, i) => codes.slice(i * size, (i + 1) * size));
  return (await Promise.all(parts.map((part) => publicCached([name, "part", part.join(",")], part.map(departmentTag), () => read(part))))).flat();
}

export const getPublicContracts = (code?: string): Promise<PublicContract[]> => byDepartment("contracts", code, readContracts);
export const getPublicActions = (code?: string): Promise<PublicAction[]> => byDepartment("actions", code, readActions);
export const getPublicFunding = (code?: string): Promise<PublicFunding[]> => byDepartment("funding", code, readFunding);
export const getPublicIndicators = (code?: string): Promise<PublicIndicatorValue[]> => byDepartment("indicators", code, readIndicators);
export const getPublicContextFigures = (code?: string): Promise<PublicContextFigure[]> => cachedRead("context-figures", code, readContextFigures);

/**
 * How long the national freshness (the API's national `dataUpdatedAt`, the date on `/`) may lag behind
 * a write. It was an entry under the national tag, recomputed after every write anywhere: at 1,010
 * territories a scan of 4 million funding lines (`max("updatedAt")` has no index to use: 1.5 s, with
 * PostgreSQL's parallel workers), twice a second under the bench's writers. Cut into parts per
 * department, it cost a cache lookup per part on every request instead (101 parts of 10: the national
 * API's CPU per request went from 69 to 136 ms at 10×). Now no write expires it: it is recomputed once
 * it is this old, in the background (the previous date served meanwhile, one computation at a time).
 * A department's own date (its page, its API answers) still follows its writes at once. The pages
 * that show it (`/`) take this lifetime too: visited, they are rendered again in the background at
 * most once a minute.
 */
export const NATIONAL_FRESHNESS_SECONDS = 60;

/** The latest change of the public data, of one department (at once after a write) or of the whole dataset (see NATIONAL_FRESHNESS_SECONDS). */
export function getPublicFreshness(code?: string): Promise<string | null> {
  if (code) return cachedRead("freshness", code, readFreshness);
  return publicCached(["freshness", "*"], [], () => readFreshness(), NATIONAL_FRESHNESS_SECONDS);
}

async function getDepartmentBundle(code: string): Promise<PublicDepartmentBundle | null> {
  return publicCached(["department-bundle", code], [departmentTag(code)], () => readDepartmentBundle(code));
}

/** A published contract in full, or null (unknown id, or a draft). */
export async function getPublicContractDetail(id: string): Promise<PublicContractDetail | null> {
  const summary = (await getPublicContracts()).find((c) => c.id === id);
  if (!summary) return null;
  const bundle = await getDepartmentBundle(summary.departmentCode);
  return bundle?.contracts.find((c) => c.id === id) ?? null;
}

/** The national page: totals per party and the published contracts, with the dataset's freshness. */
export async function getPublicNationalPage(): Promise<PublicNationalPage> {
  const [contracts, updatedAt] = await Promise.all([getPublicContracts(), getPublicFreshness()]);
  const amountsOf = (party: FundingParty) => contracts.flatMap((c) => c.amounts.filter((a) => a.party === party));
  const byParty = FUNDING_PARTIES.map((party) => {
    const amounts = amountsOf(party);
    const demoCents = amounts.filter((a) => a.isDemo).reduce((s, a) => s + a.amountCents, 0);
    return { party, partyLabel: PARTY_LABELS[party], amountCents: amounts.reduce((s, a) => s + a.amountCents, 0), includesDemo: amounts.some((a) => a.isDemo), demoCents };
  }).filter((p) => p.amountCents > 0);
  return PublicNationalPageSchema.parse({
    totals: {
      contractCount: contracts.length,
      departmentCount: new Set(contracts.map((c) => c.departmentCode)).size,
      byParty,
      totalCents: byParty.reduce((s, p) => s + p.amountCents, 0),
      // The totals add up every contract's amounts: they say how much of them is demo data.
      includesDemo: byParty.some((p) => p.includesDemo),
      demoCents: byParty.reduce((s, p) => s + p.demoCents, 0),
    },
    contracts,
    updatedAt,
  });
}

/** A department's public page for one of its contracts, named by a route's `{ code, id }`; null when either is not published. */
export async function getPublicContractPage(params: Promise<{ code: string; id: string }>) {
  const { code, id } = await params;
  const page = await getPublicDepartmentPage(code, id);
  return page?.contract ? { ...page, contract: page.contract } : null;
}

/**
 * A department's public page: its most recent published contract in full (or the one named, if it is
 * one of the department's published contracts), the others listed; null for an unknown code or id.
 */
export async function getPublicDepartmentPage(rawCode: string, contractId?: string): Promise<PublicDepartmentPage | null> {
  // Checked against the INSEE pattern only (not the national list), so that the page depends on its
  // department's tag alone; an unknown code of the right shape gives a null bundle.
  const code = normalizeDepartmentCode(rawCode);
  if (!code) return null;
  const bundle = await getDepartmentBundle(code);
  if (!bundle) return null;
  const contract = contractId ? bundle.contracts.find((c) => c.id === contractId) : bundle.contracts[0];
  if (contractId && !contract) return null;
  return PublicDepartmentPageSchema.parse({
    department: bundle.department,
    contract: contract ?? null,
    actions: contract ? bundle.actions.filter((a) => a.contractId === contract.id) : [],
    indicators: contract ? bundle.indicators.filter((i) => i.contractId === contract.id) : [],
    otherContracts: bundle.contracts
      .filter((c) => c !== contract)
      .map((c) => contractSummary.parse(c)),
    contextFigures: bundle.contextFigures,
    updatedAt: bundle.updatedAt,
  });
}
