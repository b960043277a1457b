import "server-only";
// The oversight reads: the permission check first, with the viewer; then the figures (view.ts), built
// from the viewer's reader and cached per scope (lib/server/cache/cache.ts) for the pages. Any department's
// write changes the national medians, hence the national tag on every view over several departments.
import type { Alert } from "./alerts";
import { computeAlerts, summarizeAlerts } from "./alerts";
import type { PeerMedians } from "./peers";
import { readerKey, readerOf, type Reader } from "../server/reader";
import { canOverseeNation, mayOversee } from "./access";
import { NO_FILTERS, type OversightFilters, type OversightScope, type OversightSummary, type OversightView } from "./schemas";
import { computeOversightView, departmentAlertInputs, mediansFor } from "./view";
import { isoDay } from "../core/dates";
import { ROLE_PERMISSIONS, can, type Viewer } from "../server/authz";

export { canOverseeNation, canOverseeRegion } from "./access";
import { SCOPE_NATIONAL_TAG, scopeCached, scopeDepartmentTag, scopeRegionTag } from "../server/cache/cache";
import { PEER_MEDIANS_SECONDS, PEER_MEDIANS_TAG } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";

/** At most this many alerts on a page; the export has them all. */
export const ALERTS_SHOWN = 50;

/** A regional view ignores the region filter: it is its own region. */
const scopedFilters = (scope: OversightScope, filters: OversightFilters): OversightFilters => (scope.kind === "region" ? { ...filters, region: null } : filters);

/**
 * The national view (scope national) or one region's (scope region), with every alert: for the
 * exports of alerts and for checks. Null when the viewer may not oversee that scope or the region is
 * unknown; every query starts from the contracts the viewer may read in it. Not cached.
 */
export async function getOversightView(viewer: Viewer, scope: OversightScope, filters: OversightFilters, today = new Date()): Promise<OversightView | null> {
  if (!mayOversee(viewer, scope)) return null;
  return computeOversightView(readerOf(viewer), scope, scopedFilters(scope, filters), today);
}

/** Contract rows per cache entry: Next's data cache refuses entries over 2 MB (2,020 rows make 1.5 MB at 10×). */
const CONTRACT_ROWS_PER_ENTRY = 500;

/**
 * What the national and regional pages show, and the exports of their tables other than alerts: the
 * same figures as getOversightView with the first alerts and their counts, cached per (scope, filters,
 * reader, day) as one entry for the figures and one per 500 contract rows, all tagged national and
 * computed together. Keys are bounded by the filters' ranges (lib/oversight/schemas.ts) and reachable
 * only by those who may oversee the scope.
 */
export async function getOversightSummary(viewer: Viewer, scope: OversightScope, requested: OversightFilters, today = new Date()): Promise<OversightSummary | null> {
  if (!mayOversee(viewer, scope)) return null;
  const reader = readerOf(viewer);
  const filters = scopedFilters(scope, requested);
  const key = ["oversight-view", scope.kind === "national" ? "national" : `region:${scope.regionCode}`, JSON.stringify(filters), readerKey(reader), isoDay(today)];
  // One computation for every entry that misses in this request (they are invalidated together).
  let computing: Promise<OversightView | null> | undefined;
  const compute = () => (computing ??= computeOversightView(reader, scope, filters, today));
  // A region's view follows its region and, through its medians, the nation.
  const tags = scope.kind === "region" ? [scopeRegionTag(scope.regionCode), SCOPE_NATIONAL_TAG] : [SCOPE_NATIONAL_TAG];
  const head = await scopeCached([...key, "figures"], tags, async () => {
    const view = await compute();
    if (!view) return null;
    const { contracts, alerts, ...figures } = view;
    return { ...figures, contractCount: contracts.length, alerts: summarizeAlerts(alerts, ALERTS_SHOWN) };
  });
  if (!head) return null;
  const { contractCount, ...figures } = head;
  const parts = await Promise.all(
    Array.from({ length: Math.ceil(contractCount / CONTRACT_ROWS_PER_ENTRY) }, (_, i) =>
      scopeCached([...key, "contracts", String(i)], tags, async () => ((await compute())?.contracts ?? []).slice(i * CONTRACT_ROWS_PER_ENTRY, (i + 1) * CONTRACT_ROWS_PER_ENTRY)),
    ),
  );
  return { ...figures, contracts: parts.flat() };
}

/**
 * The national medians of a reader's peers (any region, same filters otherwise), shown beside one
 * department. Cached under their own tag, which no department's write revalidates: a write in 77 must
 * not re-render every other department's workspace for a median that one write barely moves. They
 * follow time instead (PEER_MEDIANS_SECONDS, the lifetime of a workspace's cached copy).
 */
function peerMediansOf(reader: Reader, filters: OversightFilters, today: Date): Promise<PeerMedians> {
  const peers = { ...filters, region: null };
  const day = isoDay(today);
  return scopeCached(["peer-medians", JSON.stringify(peers), readerKey(reader), day], [PEER_MEDIANS_TAG], () => mediansFor(reader, peers, [], [], day), PEER_MEDIANS_SECONDS);
}

export type DepartmentAlerts = { departmentName: string; alerts: Alert[]; medians: PeerMedians; spendingRate: number | null; today: string };

/**
 * The alerts of one department (all its contracts the viewer may read); null outside the viewer's
 * scope. Its own figures are cached under its department's tag, the medians under the national one.
 */
export async function listDepartmentAlerts(viewer: Viewer, code: string, today = new Date()): Promise<DepartmentAlerts | null> {
  const territory = await departmentTerritory(db(), code);
  if (!territory || !can(viewer, "contract.read", territory)) return null;
  const reader = readerOf(viewer);
  const day = isoDay(today);
  const [own, medians] = await Promise.all([
    scopeCached(["department-alerts", code, readerKey(reader), day], [scopeDepartmentTag(code)], () => departmentAlertInputs(reader, code, today)),
    peerMediansOf(reader, NO_FILTERS, today),
  ]);
  const departments = own.hasContracts ? [{ departmentCode: code, spendingRate: own.spendingRate }] : [];
  const alerts = computeAlerts({ ...own.candidates, departments, medianSpendingRate: medians.spendingRate }, today);
  return { departmentName: own.departmentName, alerts, medians, spendingRate: own.spendingRate, today: day };
}

export type OversightLinks = { national: boolean; regions: { code: string; name: string }[] };

/** The oversight views a user may open: the national one, and one per region they oversee. */
export async function listOversightLinks(viewer: Viewer): Promise<OversightLinks> {
  if (viewer.kind !== "user") return { national: false, regions: [] };
  const codes = viewer.user.roles.flatMap((a) =>
    ROLE_PERMISSIONS[a.role].reach === "region" && ROLE_PERMISSIONS[a.role].permissions.includes("contract.read") && a.regionCode ? [a.regionCode] : [],
  );
  const regions = codes.length ? await db().region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true }, orderBy: { name: "asc" } }) : [];
  return { national: canOverseeNation(viewer), regions };
}
