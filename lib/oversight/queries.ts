import "server-only";
// The oversight reads: the permission check first, with the viewer; then the figures, assembled from
// per-department parts (view.ts) built from the viewer's reader. Each part is cached under its
// department's tag, so that after a write in 77 the next national read recomputes 77's part only and
// takes the 100 others from the cache; the frame (departments listed, filter options) follows the scope.
// Identical part computations under way at the same time in this process are shared, and the misses of
// one read are computed together (one set of queries for all the departments missing).
import type { Alert } from "./alerts";
import { computeAlerts } from "./alerts";
import type { PeerMedians } from "./peers";
import { readerKey, readerOf, type Reader } from "../server/reader";
import { canOverseeNation, mayOversee } from "./access";
import { NO_FILTERS, type OversightFilters, type OversightScope, type OversightSummary, type OversightView } from "./schemas";
import { assembleView, computeFrame, computeParts, departmentAlertInputs, mediansFor, partsMedians, type ComputedPart } from "./view";
import { isoDay } from "../core/dates";
import { ROLE_PERMISSIONS, can, type Viewer } from "../server/authz";

export { canOverseeNation, canOverseeRegion } from "./access";
import { SCOPE_NATIONAL_TAG, computationStart, scopeCached, scopeDepartmentTag, scopeRegionTag, stillCurrent, type ComputationStart } from "../server/cache/cache";
import { PEER_MEDIANS_SECONDS, PEER_MEDIANS_TAG } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { departmentTerritory } from "../server/territory";

/** At most this many alerts on a page; the export has them all. */
export const ALERTS_SHOWN = 50;

/** A regional view ignores the region filter: it is its own region. */
const scopedFilters = (scope: OversightScope, filters: OversightFilters): OversightFilters => (scope.kind === "region" ? { ...filters, region: null } : filters);

/** A cached read of the views: key, tags, computation (Next's data cache, lib/server/cache/cache.ts). */
export type ViewCache = <T>(key: string[], tags: string[], read: () => Promise<T>) => Promise<T>;

let viewCache: ViewCache = (key, tags, read) => scopeCached(key, tags, read);
const partListeners = new Set<(codes: string[]) => void>();

/**
 * For the tests, which run outside Next (where nothing is cached): the cache the frames and parts go
 * through (null: Next's again), and a listener told which departments' parts are computed.
 */
export const oversightCacheForTests = {
  use(cache: ViewCache | null) {
    viewCache = cache ?? ((key, tags, read) => scopeCached(key, tags, read));
  },
  watch(listener: (codes: string[]) => void) {
    partListeners.add(listener);
    return () => partListeners.delete(listener);
  },
};

/** Parts being collected (until the next turn of the event loop) or computed, per (reader, filters, day). */
const openBatches = new Map<string, { codes: Set<string>; result: Promise<Map<string, ComputedPart>> }>();
const inFlight = new Map<string, ComputationStart & { promise: Promise<ComputedPart> }>();

/**
 * One department's part, computed with every other part asked for in the same turn of the event loop
 * (a page's misses), and shared with whoever asks for the same part while it is computed.
 */
function loadPart(reader: Reader, filters: OversightFilters, today: Date, code: string): Promise<ComputedPart> {
  const batchKey = JSON.stringify([readerKey(reader), { ...filters, region: null }, isoDay(today)]);
  const key = `${batchKey}|${code}`;
  // Joined only while no write in that department came since it started: a read after a write must
  // see it, never a part computed before.
  const running = inFlight.get(key);
  if (running && stillCurrent(running, [scopeDepartmentTag(code)])) return running.promise;
  let batch = openBatches.get(batchKey);
  if (!batch) {
    const codes = new Set<string>();
    const result = new Promise<Map<string, ComputedPart>>((resolve, reject) =>
      setImmediate(() => {
        openBatches.delete(batchKey);
        for (const listener of partListeners) listener([...codes]);
        // For `npm run bench` (TRIPARTITE_LOG_OVERSIGHT_PARTS=1): how many parts each write costs.
        if (process.env.TRIPARTITE_LOG_OVERSIGHT_PARTS === "1") console.error(`[oversight] parts computed: ${codes.size} (${[...codes].slice(0, 5).join(", ")}${codes.size > 5 ? "…" : ""})`);
        computeParts(reader, filters, today, [...codes]).then(resolve, reject);
      }),
    );
    batch = { codes, result };
    openBatches.set(batchKey, batch);
  }
  batch.codes.add(code);
  const entry = { ...computationStart(), promise: batch.result.then((parts) => parts.get(code)!) };
  entry.promise = entry.promise.finally(() => {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  });
  inFlight.set(key, entry);
  return entry.promise;
}

/**
 * The frame and the parts of a view, each from the cache: the frame under its scope's tags, each
 * department's part (and its alerts, read only when shown) under that department's tag.
 */
async function viewInputs(reader: Reader, scope: OversightScope, filters: OversightFilters, today: Date) {
  const rk = readerKey(reader);
  const scopeName = scope.kind === "national" ? "national" : `region:${scope.regionCode}`;
  const frameTags = scope.kind === "region" ? [scopeRegionTag(scope.regionCode), SCOPE_NATIONAL_TAG] : [SCOPE_NATIONAL_TAG];
  const frame = await viewCache(["oversight-frame", scopeName, filters.region ?? "", rk], frameTags, () => computeFrame(reader, scope, filters));
  if (!frame) return null;
  const partKey = (code: string) => [code, JSON.stringify({ ...filters, region: null }), rk, isoDay(today)];
  // A part computed for this read also gives its alerts, if the read shows them next.
  const loaded = new Map<string, Promise<ComputedPart>>();
  const load = (code: string) => {
    const part = loaded.get(code) ?? loadPart(reader, filters, today, code);
    loaded.set(code, part);
    return part;
  };
  const parts = await Promise.all(frame.departments.map((d) => viewCache(["oversight-part", ...partKey(d.code)], [scopeDepartmentTag(d.code)], async () => (await load(d.code)).part)));
  const alertsOf = (codes: string[]) => Promise.all(codes.map((code) => viewCache(["oversight-part-alerts", ...partKey(code)], [scopeDepartmentTag(code)], async () => (await load(code)).alerts)));
  // A part computed here came with its alerts: they are cached now, even when this view does not show
  // them, or the next view that does (a region's after the national one, which lists the first
  // alerts only) would compute the whole part again for them.
  if (loaded.size > 0) await alertsOf([...loaded.keys()]);
  // The medians of the national view are those of its own parts (every department it shows); a
  // regional view's (or a view filtered on a region) take the whole country's, cached for 5 minutes.
  const medians = scope.kind === "national" && !filters.region ? partsMedians(parts) : await peerMediansOf(reader, filters, today);
  return { frame, parts, alertsOf, medians };
}

/**
 * The national view (scope national) or one region's (scope region), with every alert: for the
 * exports of alerts and for checks. Null when the viewer may not oversee that scope or the region is
 * unknown; every query starts from the contracts the viewer may read in it.
 */
export async function getOversightView(viewer: Viewer, scope: OversightScope, requested: OversightFilters, today = new Date()): Promise<OversightView | null> {
  if (!mayOversee(viewer, scope)) return null;
  const reader = readerOf(viewer);
  const filters = scopedFilters(scope, requested);
  const inputs = await viewInputs(reader, scope, filters, today);
  if (!inputs) return null;
  const { alerts, scope: viewScope, title, options, totals, contracts, departments, commitments, funders, medians, today: day } = await assembleView(
    scope, filters, inputs.frame, inputs.parts, inputs.medians, inputs.alertsOf, today, null,
  );
  return { scope: viewScope, title, filters, options, totals, contracts, departments, commitments, funders, medians, alerts, today: day };
}

/**
 * What the national and regional pages show, and the exports of their tables other than alerts: the
 * same figures as getOversightView with the first alerts and their counts (only the alerts of the
 * departments listed first are read). Keys are bounded by the filters' ranges (lib/oversight/schemas.ts)
 * and reachable only by those who may oversee the scope.
 */
export async function getOversightSummary(viewer: Viewer, scope: OversightScope, requested: OversightFilters, today = new Date()): Promise<OversightSummary | null> {
  if (!mayOversee(viewer, scope)) return null;
  const reader = readerOf(viewer);
  const filters = scopedFilters(scope, requested);
  const inputs = await viewInputs(reader, scope, filters, today);
  if (!inputs) return null;
  const { alerts, alertCounts, alertTotal, ...view } = await assembleView(scope, filters, inputs.frame, inputs.parts, inputs.medians, inputs.alertsOf, today, ALERTS_SHOWN);
  return { ...view, alerts: { total: alertTotal, byKind: alertCounts, first: alerts } };
}

/**
 * The national medians of a reader's peers (any region, same filters otherwise), shown beside one
 * department and in the regional views. Cached under their own tag, which no department's write
 * revalidates: a write in 77 must not re-render every other department's workspace for a median that
 * one write barely moves. They follow time instead (PEER_MEDIANS_SECONDS, the lifetime of a cached copy).
 */
function peerMediansOf(reader: Reader, filters: OversightFilters, today: Date): Promise<PeerMedians> {
  const peers = { ...filters, region: null };
  const day = isoDay(today);
  return scopeCached(["peer-medians", JSON.stringify(peers), readerKey(reader), day], [PEER_MEDIANS_TAG], () => mediansFor(reader, peers, day), PEER_MEDIANS_SECONDS);
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
