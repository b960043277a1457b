// The national list of departments, cut into pages so that `/` stays light however many departments there
// are (npm run bench, « Poids des pages »). Safe for the client.

/**
 * At most this many departments per page of the national list. 101 departments make 3 pages of 33-34 (`/`
 * 36 Ko, target 40 Ko); at 1,010 (the bench's 10×), 26 pages of 39 make `/` weigh 40.2 Ko (pages of 49: 42.4 Ko).
 */
export const HOME_PAGE_SIZE = 40;

/** One page of the list, named by the codes of its first and last departments (the list is sorted by code). */
export type HomeListPage = { number: number; first: string; last: string };

/**
 * The pages of a list of departments (in the list's order), and each page's rows: as few pages as `maxSize`
 * allows, evenly filled (101 departments: 33, 34 and 34, not 50, 50 and a last page of one).
 */
export function homeListPages<T>(rows: T[], codeOf: (row: T) => string, maxSize = HOME_PAGE_SIZE): { pages: HomeListPage[]; rowsOf: (page: number) => T[] | null } {
  const pageCount = Math.max(1, Math.ceil(rows.length / maxSize));
  // Page i (from 0) holds rows start(i) to start(i + 1): sizes differ by one at most, none is empty.
  const start = (i: number) => Math.floor((i * rows.length) / pageCount);
  const slice = (page: number) => rows.slice(start(page - 1), start(page));
  const pages = Array.from({ length: pageCount }, (_, i): HomeListPage => {
    const r = slice(i + 1);
    return { number: i + 1, first: r.length ? codeOf(r[0]) : "", last: r.length ? codeOf(r[r.length - 1]) : "" };
  });
  return { pages, rowsOf: (page) => (Number.isInteger(page) && page >= 1 && page <= pageCount ? slice(page) : null) };
}

/** The page number of a `/page/<n>` path segment: digits only, no leading zero, 2 or more (page 1 is `/`); null otherwise. */
export function parseHomeListPage(segment: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 2 ? n : null;
}

/** The address of a page of the national list: the first is the home page, the others `/page/<n>` (rewrites in next.config.ts). */
export function homeListPath(page: number): string {
  return page <= 1 ? "/" : `/page/${page}`;
}
