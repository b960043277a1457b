"use client";

import { homeListPath } from "./home-list-pages";

/**
 * The links between the pages of the national list: plain links (no script needed), each page named by the codes
 * of its first and last departments so that a reader goes straight to the right one. Nothing when there is one
 * page. A client component so that the page's RSC payload carries only the ranges (a few bytes a page), not the
 * rendered links: at 1,010 departments there are 21 pages.
 */
export function HomeListPager({ ranges, current, departments }: { ranges: [first: string, last: string][]; current: number; departments: string }) {
  if (ranges.length < 2) return null;
  return (
    <nav aria-label="Pages de la liste des départements" className="space-y-1 text-sm">
      <p className="text-slate-700">{`Les ${departments} départements, par ordre de numéro, sont répartis sur ${ranges.length} pages ; le CSV ci-dessous les contient tous.`}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 [&_a]:text-marianne [&_a]:underline [&_a]:underline-offset-4">
        {current > 1 ? (
          <li>
            <a href={homeListPath(current - 1)} rel="prev">
              Page précédente
            </a>
          </li>
        ) : null}
        {ranges.map(([first, last], i) => {
          const text = `Page ${i + 1} (${first === last ? first : `${first} à ${last}`})`;
          return <li key={first}>{i + 1 === current ? <span aria-current="page" className="font-semibold">{text}</span> : <a href={homeListPath(i + 1)}>{text}</a>}</li>;
        })}
        {current < ranges.length ? (
          <li>
            <a href={homeListPath(current + 1)} rel="next">
              Page suivante
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
