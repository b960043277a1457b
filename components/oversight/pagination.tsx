import Link from "next/link";
import { formatNumber } from "@/lib/core/format";
import type { Page } from "@/lib/oversight/schemas";

/** "Lignes 51 à 100 sur 202", and links to the previous and next pages (plain links: no script needed). */
export function Pagination({ page, label, href }: { page: Page<unknown>; label: string; href: (page: number) => string }) {
  if (page.pageCount <= 1) return null;
  const last = page.first + page.rows.length - 1;
  return (
    <nav aria-label={`Pages : ${label}`} className="mt-2 flex flex-wrap items-center gap-4 text-sm">
      {page.page > 1 ? (
        <Link href={href(page.page - 1)} className="text-marianne underline">
          ← Page précédente
        </Link>
      ) : null}
      <span>
        Page {page.page} sur {page.pageCount} (lignes {formatNumber(page.first)} à {formatNumber(last)} sur {formatNumber(page.total)})
      </span>
      {page.page < page.pageCount ? (
        <Link href={href(page.page + 1)} className="text-marianne underline">
          Page suivante →
        </Link>
      ) : null}
    </nav>
  );
}
