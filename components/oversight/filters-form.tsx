import Link from "next/link";
import { MAP_MEASURES, MAP_MEASURE_LABELS, type OversightOptions, type OversightParams } from "@/lib/oversight/schemas";

const select = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";

/** Filters as a plain GET form: they work without JavaScript and stay in the URL (shareable, exportable). */
export function FiltersForm({ action, params, options, showRegion }: { action: string; params: OversightParams; options: OversightOptions; showRegion: boolean }) {
  const f = params.filters;
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="filtres-titre">
      <h2 id="filtres-titre" className="text-lg font-semibold">
        Filtres
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="text-sm">
          Cadre national
          <select name="cadre" defaultValue={f.framework ?? ""} className={select}>
            <option value="">Tous</option>
            {options.frameworks.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Vague
          <select name="vague" defaultValue={f.wave ? String(f.wave) : ""} className={select}>
            <option value="">Toutes</option>
            {options.waves.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Année (financements et indicateurs de l&apos;année)
          <select name="annee" defaultValue={f.year ? String(f.year) : ""} className={select}>
            <option value="">Toutes</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {showRegion ? (
          <label className="text-sm">
            Région
            <select name="region" defaultValue={f.region ?? ""} className={select}>
              <option value="">Toutes</option>
              {options.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {params.sort !== "departement" ? <input type="hidden" name="tri" value={params.sort} /> : null}
      {params.order !== "asc" ? <input type="hidden" name="ordre" value={params.order} /> : null}
      {params.measure !== "taux" ? <input type="hidden" name="mesure" value={params.measure} /> : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-marianne px-4 py-2 text-white hover:bg-blue-900">
          Appliquer les filtres
        </button>
        <Link href={action} className="text-sm text-marianne underline">
          Réinitialiser
        </Link>
      </div>
    </form>
  );
}

/** The map's measure, chosen in its own GET form (the filters and sorting ride along as hidden fields). */
export function MeasureForm({ action, params }: { action: string; params: OversightParams }) {
  const f = params.filters;
  const hidden: [string, string | null][] = [
    ["cadre", f.framework],
    ["vague", f.wave ? String(f.wave) : null],
    ["annee", f.year ? String(f.year) : null],
    ["region", f.region],
    ["tri", params.sort !== "departement" ? params.sort : null],
    ["ordre", params.order !== "asc" ? params.order : null],
    ["page", params.page > 1 ? String(params.page) : null],
    ["page_departements", params.departmentPage > 1 ? String(params.departmentPage) : null],
    ["page_rapports", params.reportPage > 1 ? String(params.reportPage) : null],
  ];
  return (
    <form method="get" action={`${action}#carte`} className="flex flex-wrap items-end gap-3">
      {hidden.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="text-sm">
        Mesure représentée
        <select name="mesure" defaultValue={params.measure} className={select}>
          {MAP_MEASURES.map((m) => (
            <option key={m} value={m}>
              {MAP_MEASURE_LABELS[m].charAt(0).toUpperCase() + MAP_MEASURE_LABELS[m].slice(1)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-marianne px-3 py-1 text-marianne hover:bg-marianne-light">
        Afficher
      </button>
    </form>
  );
}
