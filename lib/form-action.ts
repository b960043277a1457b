import "server-only";
// For the forms' server actions only (lib/forms.ts is shared with the browser's components).
import { refresh } from "next/cache";

/**
 * After a conflict (someone else's save, which their write already invalidated), the page the form is
 * on is drawn again so that it shows what is stored now. A success needs nothing: the mutation's
 * invalidation (lib/server/write.ts) refreshes the page.
 */
export function refreshOnConflict<R extends { ok: boolean; code?: string }>(result: R): R {
  if (!result.ok && result.code === "conflict") refresh();
  return result;
}
