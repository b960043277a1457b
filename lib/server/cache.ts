import "server-only";
// Public reads are cached by scope and every write invalidates what it touched. Tags:
//   "public"                 everything the public can see
//   "public:national"        national collections and totals (any department's change touches them)
//   "public:department:77"   one department's page, widget and API answers
// Pages rendered by Next (ISR) collect the tags of the cached reads they make, so a tag revalidated
// here regenerates the pages too.
import { revalidateTag, unstable_cache } from "next/cache";
import { readingFromPrimary } from "./db";

export const PUBLIC_TAG = "public";
export const NATIONAL_TAG = "public:national";
export const departmentTag = (code: string) => `public:department:${code}`;

/** Safety net: "late" actions depend on today's date, so nothing public stays cached longer than this. */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

/** True inside code compiled by Next for its Node.js server (Next defines NEXT_RUNTIME there). */
function inNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

const isMissingStore = (error: unknown) => /incrementalCache missing|static generation store missing/i.test(String(error));

/**
 * Caches a public read in Next's data cache under `key`, tagged `tags`. Results must be JSON-safe
 * (Next stores them as JSON). Outside a Next server (tests, scripts) the read simply runs.
 */
export async function publicCached<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  if (!inNextServer()) return read();
  // Filled from the primary, even when asked inside readingFromReplica: a fill from a lagging replica
  // would keep old data cached after the write's revalidation.
  const cached = unstable_cache(() => readingFromPrimary(read), ["tripartite-public", ...key], { tags: [PUBLIC_TAG, ...tags], revalidate: PUBLIC_REVALIDATE_SECONDS });
  try {
    return await cached();
  } catch (error) {
    if (isMissingStore(error)) return read();
    throw error;
  }
}

/**
 * After a successful write: the department's public page, widget and API answers, and the national
 * ones, are regenerated on their next request (never served stale). Without a department: everything
 * public. Does nothing outside a Next request (integration tests call the mutations directly).
 */
export function invalidatePublicData(departmentCode?: string): void {
  const tags = departmentCode ? [departmentTag(departmentCode), NATIONAL_TAG] : [PUBLIC_TAG];
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!inNextServer() || isMissingStore(error)) return;
      throw error;
    }
  }
}

/** For a mutation's `$transaction(…).then(…)`: invalidates the public data when the write succeeded. */
export function publicDataChanged(departmentCode: string | undefined) {
  return <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) invalidatePublicData(departmentCode);
    return result;
  };
}
