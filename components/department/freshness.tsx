import { formatFreshness } from "@/lib/core/format";

/** "Données mises à jour le 23 novembre 2026 à 10 h 05": the latest change among the published records shown. */
export function Freshness({ updatedAt }: { updatedAt: string | null }) {
  return (
    <p className="text-sm text-slate-700">
      {updatedAt ? <time dateTime={updatedAt}>{formatFreshness(updatedAt)}</time> : formatFreshness(null)}
    </p>
  );
}
