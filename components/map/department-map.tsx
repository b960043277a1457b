// Choropleth of the departments, drawn on the server (no script): each department in scope is a link
// with its name and value, the legend gives the classes, and a table repeats every value in text. The
// outlines live in one cached SVG file (sprite.ts): the page only says which one, in which colour. A link is
// named by its <title> alone (also its tooltip), and the table links are plain <a>. The table shows 25
// departments a page, those with a value first (the others all read « aucune donnée »); every department is
// also a link on the map and a row of the CSV export of the department comparison.
import { NO_DATA_FILL, OUT_OF_SCOPE_FILL, classOf, mapClasses, type MapClass } from "./classes";
import { pathBounds, unionBounds, viewBoxAround } from "./geometry";
import { OVERSEAS } from "./overseas";
import { MapShapes } from "./map-shapes";
import { METROPOLE, SPRITE_URL, spriteHref } from "./sprite";
import { DATA_TABLE } from "@/components/ui/data-table";
import { Pagination } from "@/components/oversight/pagination";
import { paginate } from "@/lib/oversight/schemas";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";

/** Codes the map draws: the metropolitan outlines and the overseas insets. */
const DRAWN = new Set<string>([...METROPOLE.locations.map((l) => l.id), ...OVERSEAS.map((o) => o.code)]);

export type MapDepartment = { code: string; name: string; regionName: string; value: number | null; href: string };

type Props = {
  /** Departments in the view's scope; others are drawn in light grey, without a link. */
  departments: MapDepartment[];
  measureLabel: string;
  kind: "percent" | "count";
  format: (value: number) => string;
  outOfScopeLabel?: string;
  /** Frame the departments in scope (a region) instead of the whole country. */
  zoomToScope?: boolean;
  /** The page of the table under the map, and the address of another page (plain links). */
  tablePage?: number;
  tablePageHref?: (page: number) => string;
  /** Where every department's figures are downloadable (named under the table when it has several pages). */
  exportNote?: React.ReactNode;
};

/** Rows per page of the table under the map: a quarter of France. */
export const MAP_TABLE_PER_PAGE = 25;

const FULL_VIEW_BOX = "-150 0 763 585";

/** The departments in scope (links): white borders, lighter on hover, a thick black border on keyboard focus. Set once on the <svg>. */
const LINKED_SHAPES = "[&_a>use]:stroke-white [&_a>use]:[stroke-width:1] [&_a:hover>use]:opacity-80 [&_a:focus-visible>use]:stroke-black [&_a:focus-visible>use]:[stroke-width:3]";

export function DepartmentMap({ departments, measureLabel, kind, format, outOfScopeLabel, zoomToScope = false, tablePage = 1, tablePageHref, exportNote }: Props) {
  const classes = mapClasses(kind);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const scopeBox = zoomToScope ? unionBounds(METROPOLE.locations.filter((l) => byCode.has(l.id)).map((l) => pathBounds(l.path))) : null;
  const viewBox = scopeBox ? viewBoxAround(scopeBox) : FULL_VIEW_BOX;
  // The hatching keeps the same size on screen whatever the zoom.
  const hatch = Number(viewBox.split(" ")[2]) / 763;
  const accessibleName = (d: MapDepartment) => `${d.name} (${d.code}) : ${measureLabel} ${d.value === null ? "non disponible (aucune donnée)" : format(d.value)}`;
  const fill = (d: MapDepartment) => classOf(classes, d.value)?.color ?? NO_DATA_FILL;

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="carte-titre">
      <figcaption id="carte-titre" className="text-lg font-semibold">
        Carte des départements : {measureLabel}
      </figcaption>
      <a href="#carte-tableau" className="sr-only focus:not-sr-only focus:underline">
        Passer la carte et aller à son tableau
      </a>
      <div className="mt-3 grid gap-4 lg:grid-cols-[1fr_16rem]">
        <svg viewBox={viewBox} className={`h-auto w-full max-w-2xl ${LINKED_SHAPES}`} role="group" aria-label={`Carte des départements, ${measureLabel}`}>
          <defs>
            <pattern id="carte-sans-donnee" width={6 * hatch} height={6 * hatch} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={6 * hatch} height={6 * hatch} fill="#f8fafc" />
              <line x1="0" y1="0" x2="0" y2={6 * hatch} stroke="#64748b" strokeWidth={1.5 * hatch} />
            </pattern>
            <pattern id="legende-sans-donnee" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#f8fafc" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#64748b" strokeWidth="1.5" />
            </pattern>
          </defs>
          {METROPOLE.locations.map((l) =>
            byCode.has(l.id) ? null : <use key={l.id} href={spriteHref(l.id)} fill={OUT_OF_SCOPE_FILL} stroke="#94a3b8" strokeWidth={0.6} strokeDasharray="2 2" aria-hidden="true" />,
          )}
          {/* The departments in scope: links drawn from one tuple each (client component: sent once, not twice). */}
          <MapShapes sprite={SPRITE_URL} shapes={METROPOLE.locations.flatMap((l) => {
            const d = byCode.get(l.id);
            return d ? [[l.id, d.href, accessibleName(d), fill(d)] as const] : [];
          })} />
          {(scopeBox ? [] : OVERSEAS).map((o, i) => {
            const d = byCode.get(o.code);
            const y = 8 + i * 115;
            const shape = <circle cx={-75} cy={y + 42} r={30} fill={d ? fill(d) : OUT_OF_SCOPE_FILL} stroke={d ? "#1e293b" : "#94a3b8"} strokeWidth={0.8} />;
            const frame = (
              <>
                <rect x={-145} y={y} width={140} height={105} rx={4} fill="#ffffff" stroke="#64748b" strokeWidth={0.8} />
                {shape}
                <text x={-75} y={y + 96} textAnchor="middle" fontSize={13} fill="#1e293b">
                  {o.name} ({o.code})
                </text>
              </>
            );
            if (!d) return <g key={o.code} aria-hidden="true">{frame}</g>;
            return (
              <a key={o.code} href={d.href} className="group">
                <title>{accessibleName(d)}</title>
                <g className="group-focus-visible:[&>rect]:stroke-black group-focus-visible:[&>rect]:[stroke-width:3]">{frame}</g>
              </a>
            );
          })}
        </svg>
        <Legend classes={classes} measureLabel={measureLabel} outOfScopeLabel={outOfScopeLabel} />
      </div>
      <p className="mt-2 text-xs text-slate-700">
        Fond de carte : « Map of France departments », Victor Cazanave,{" "}
        <a href="https://github.com/VictorCazanave/svg-maps" className="text-marianne underline">
          svg-maps
        </a>
        , licence{" "}
        <a href="https://creativecommons.org/licenses/by/4.0/deed.fr" className="text-marianne underline">
          CC BY 4.0
        </a>
        .{scopeBox ? null : " Départements d'outre-mer ajoutés en encarts schématiques (disques, formes non géographiques)."}
      </p>
      <MapTable departments={departments.filter((d) => DRAWN.has(d.code))} classes={classes} measureLabel={measureLabel} format={format} page={tablePage} pageHref={tablePageHref} exportNote={exportNote} />
      {departments.some((d) => !DRAWN.has(d.code)) ? (
        <p className="mt-2 text-xs text-slate-700">
          Les territoires sans tracé sur la carte (données de démonstration) n&apos;y figurent pas ; ils sont dans la comparaison avec la médiane nationale.
        </p>
      ) : null}
    </figure>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg width="20" height="20" aria-hidden="true" className="shrink-0">
      {/* The legend's hatching is defined once, in the map's own <defs>. */}
      <rect x="1" y="1" width="18" height="18" fill={fill === NO_DATA_FILL ? "url(#legende-sans-donnee)" : fill} stroke="#475569" />
    </svg>
  );
}

function Legend({ classes, measureLabel, outOfScopeLabel }: { classes: MapClass[]; measureLabel: string; outOfScopeLabel?: string }) {
  return (
    <div>
      <h3 id="carte-legende" className="text-sm font-semibold">
        Légende : {measureLabel}
      </h3>
      <ul aria-labelledby="carte-legende" className="mt-2 space-y-1 text-sm">
        {classes.map((c) => (
          <li key={c.index} className="flex items-center gap-2">
            <Swatch fill={c.color} />
            {c.label}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <Swatch fill={NO_DATA_FILL} />
          Aucune donnée (hachures)
        </li>
        {outOfScopeLabel ? (
          <li className="flex items-center gap-2">
            <Swatch fill={OUT_OF_SCOPE_FILL} />
            {outOfScopeLabel}
          </li>
        ) : null}
      </ul>
      <p className="mt-2 text-xs text-slate-700">Plus la teinte est foncée, plus la valeur est élevée. Chaque département est un lien vers son espace.</p>
    </div>
  );
}

/** Department (link), region, value, and the legend's class as a swatch (the no-data hatching drawn in CSS) and its label. */
const TABLE_COLUMNS = [["a"], ["t"], ["t", "n"], ["sw"]] as const satisfies readonly CompactColumn[];

/** Departments with a value first, each group in the given order (by code). */
export function mapTableOrder<T extends { value: number | null }>(departments: readonly T[]): T[] {
  return [...departments.filter((d) => d.value !== null), ...departments.filter((d) => d.value === null)];
}

function MapTable({ departments, classes, measureLabel, format, page: requested, pageHref, exportNote }: { departments: MapDepartment[]; classes: MapClass[]; measureLabel: string; format: (v: number) => string; page: number; pageHref?: (page: number) => string; exportNote?: React.ReactNode }) {
  const page = pageHref ? paginate(mapTableOrder(departments), requested, MAP_TABLE_PER_PAGE) : paginate(departments, 1, Math.max(1, departments.length));
  const withValue = departments.filter((d) => d.value !== null).length;
  return (
    <>
      <div id="carte-tableau" tabIndex={0} role="region" aria-label="Tableau de la carte" className="mt-4 max-h-96 overflow-auto rounded border border-slate-200">
        <table className={DATA_TABLE}>
          <caption className="px-2 pt-2 text-left font-semibold">
            Tableau de la carte : {measureLabel} par département
            {page.pageCount > 1 ? ` (${withValue} avec une valeur, listés d'abord ; ${departments.length - withValue} sans donnée ensuite)` : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col">Région</th>
              <th scope="col" className="n">Valeur</th>
              <th scope="col">Classe de la légende</th>
            </tr>
          </thead>
          <CompactRows
            columns={TABLE_COLUMNS}
            rows={page.rows.map((d): CompactRow<typeof TABLE_COLUMNS> => {
              const c = classOf(classes, d.value);
              return [[`${d.name} (${d.code})`, d.href], d.regionName, d.value === null ? "—" : format(d.value), [c?.color ?? "", c ? c.label : "aucune donnée"]];
            })}
          />
        </table>
      </div>
      {pageHref ? <Pagination page={page} label="Tableau de la carte" href={pageHref} /> : null}
      {page.pageCount > 1 && exportNote ? <p className="mt-1 text-xs text-slate-700">{exportNote}</p> : null}
    </>
  );
}
