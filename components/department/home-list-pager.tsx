import { homeListPath } from "@/lib/opendata/links";
import type { HomeListPage } from "./home-list-pages";

/**
 * The links between the pages of the national list: plain links (no script), each page named by the codes of
 * its first and last departments so that a reader goes straight to the right one. Nothing when there is one page.
 */
export function HomeListPager({ pages, current }: { pages: HomeListPage[]; current: number }) {
  if (pages.length < 2) return null;
  const link = "text-marianne underline underline-offset-4";
  return (
    <nav aria-label="Pages de la liste des départements" className="text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {current > 1 ? (
          <li>
            <a href={homeListPath(current - 1)} rel="prev" className={link}>
              Page précédente
            </a>
          </li>
        ) : null}
        {pages.map((p) => {
          const text = `Page ${p.number} (${p.first} à ${p.last})`;
          return (
            <li key={p.number}>
              {p.number === current ? (
                <span aria-current="page" className="font-semibold">
                  {text}
                </span>
              ) : (
                <a href={homeListPath(p.number)} className={link}>
                  {text}
                </a>
              )}
            </li>
          );
        })}
        {current < pages.length ? (
          <li>
            <a href={homeListPath(current + 1)} rel="next" className={link}>
              Page suivante
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
