// Every cache tag of the app, each with the scope of data it follows, and the one function that says
// which tags a write invalidates. Readers tag their cached reads with these (lib/server/cache/cache.ts,
// lib/opendata/cached.ts, lib/oversight, lib/workspace, lib/reports); a page rendered by Next (ISR, the
// signed-in copies of lib/page-cache) carries the tags of every cached read it made, so a tag
// revalidated here regenerates the pages too. Revalidations go through Next's `revalidateTag` to the
// cluster cache handler (lib/server/cache/handler), which records them in PostgreSQL: every instance
// sees them from its next request on.
//
// Pure (no "server-only", no database): the tests and the benchmark import it to name what they watch.

/** Everything the public can see (only a change of the national reference revalidates it). */
export const PUBLIC_TAG = "public";
/** National public collections and totals: the national page (`/`), the API's national collections. */
export const NATIONAL_TAG = "public:national";
/** One department's public page, widget and API answers (and its part of the national collections). */
export const departmentTag = (code: string) => `public:department:${code}`;

/** Everything a signed-in reader sees (only a change of the national reference revalidates it). */
export const SCOPE_TAG = "scope";
/** Figures over several departments: the national view, every region's view (their medians and alerts are national). */
export const SCOPE_NATIONAL_TAG = "scope:national";
/** One region's view. Regional views also carry the national tag: their medians are national. */
export const scopeRegionTag = (code: string) => `scope:region:${code}`;
/** One department's workspace: its dashboard, activity, own alerts, cached copies of its page. */
export const scopeDepartmentTag = (code: string) => `scope:department:${code}`;
/**
 * The national medians shown beside one department (its workspace's alerts). They follow no write: a
 * write in 77 must not re-render every other department's workspace; they follow time (the lifetime
 * PEER_MEDIANS_SECONDS) and changes of the national reference.
 */
export const PEER_MEDIANS_TAG = "scope:peer-medians";
/** Whatever is cached for one person (today nothing: the signed-in copies are shared per set of roles, and sessions are read on every request). */
export const accountTag = (userId: string) => `account:${userId}`;

/** How long the national medians beside one department may lag behind the writes elsewhere. */
export const PEER_MEDIANS_SECONDS = 300;

/** Where a department sits: the department and its region. */
export type Place = { departmentCode: string; regionCode: string };

/**
 * What a write changed, named by the data layer (each mutation), never by `app/`:
 * - `department`: a department's public data (contract, fiches action, funding, indicators, context
 *   figures), as its editors change it.
 * - `contract-reference`: a contract's reference data edited by an administrator (contracts, avenants):
 *   the same reach as `department`, for that contract's department.
 * - `department-oversight`: a department's data shown only to signed-in readers, in its workspace and in
 *   the views over several departments (execution reports, their due dates).
 * - `department-workspace`: what only the department's own workspace shows (comments, custom deadlines).
 * - `national-reference`: frameworks, the departments list: everything.
 * - `accounts`: accounts and roles of these people. No public page depends on them.
 */
export type WriteScope =
  | ({ kind: "department" } & Place)
  | ({ kind: "contract-reference" } & Place)
  | ({ kind: "department-oversight" } & Place)
  | ({ kind: "department-workspace" } & Place)
  | { kind: "national-reference" }
  | { kind: "accounts"; userIds: string[] };

export const departmentScope = (place: Place): WriteScope => ({ kind: "department", departmentCode: place.departmentCode, regionCode: place.regionCode });
export const contractScope = (place: Place): WriteScope => ({ kind: "contract-reference", departmentCode: place.departmentCode, regionCode: place.regionCode });
export const oversightScope = (place: Place): WriteScope => ({ kind: "department-oversight", departmentCode: place.departmentCode, regionCode: place.regionCode });
export const workspaceScope = (place: Place): WriteScope => ({ kind: "department-workspace", departmentCode: place.departmentCode, regionCode: place.regionCode });
export const accountsScope = (...userIds: string[]): WriteScope => ({ kind: "accounts", userIds: [...new Set(userIds)] });

/** The tags a write of this scope invalidates, and nothing else. */
export function tagsOf(scope: WriteScope): string[] {
  switch (scope.kind) {
    case "department":
    case "contract-reference":
      return [
        departmentTag(scope.departmentCode),
        NATIONAL_TAG,
        scopeDepartmentTag(scope.departmentCode),
        ...(scope.regionCode ? [scopeRegionTag(scope.regionCode)] : []),
        SCOPE_NATIONAL_TAG,
      ];
    case "department-oversight":
      return [scopeDepartmentTag(scope.departmentCode), ...(scope.regionCode ? [scopeRegionTag(scope.regionCode)] : []), SCOPE_NATIONAL_TAG];
    case "department-workspace":
      return [scopeDepartmentTag(scope.departmentCode)];
    case "national-reference":
      return [PUBLIC_TAG, SCOPE_TAG];
    case "accounts":
      return scope.userIds.map(accountTag);
  }
}

/** Whether an entry carrying `entryTags` is made stale by a write of `scope`. */
export function invalidates(scope: WriteScope, entryTags: readonly string[]): boolean {
  const tags = new Set(tagsOf(scope));
  return entryTags.some((tag) => tags.has(tag));
}
