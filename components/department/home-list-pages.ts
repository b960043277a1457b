// The national list of departments, cut into pages so that `/` stays light however many departments there
// are (npm run bench, « Poids des pages »). Safe for the client.

/** Departments per page of the national list: a page of 50 rows keeps `/` under 40 Ko at national scale. */
export const HOME_PAGE_SIZE = 50;

/** One page of the list, named by the codes of its first and last departments (the list is sorted by code). */
export type HomeListPage = { number: number; first: string; last: string };

/** The pages of a list of department codes (in the list's order), and each page's rows. */
export function homeListPages<T>(rows: T[], codeOf: (row: T) => string, size = HOME_PAGE_SIZE): { pages: HomeListPage[]; rowsOf: (page: number) => T[] | null } {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const pages = Array.from({ length: pageCount }, (_, i): HomeListPage => {
    const slice = rows.slice(i * size, (i + 1) * size);
    return { number: i + 1, first: slice.length ? codeOf(slice[0]) : "", last: slice.length ? codeOf(slice[slice.length - 1]) : "" };
  });
  return {
    pages,
    rowsOf: (page) => (Number.isInteger(page) && page >= 1 && page <= pageCount ? rows.slice((page - 1) * size, page * size) : null),
  };
}

/** The page number of a `/page/<n>` path segment: digits only, no leading zero, 2 or more (page 1 is `/`); null otherwise. */
export function parseHomeListPage(segment: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 2 ? n : null;
}
