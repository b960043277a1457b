import { apiUrl } from "@/lib/opendata/links";
import { tableSchemaPath, type ResourceName } from "@/lib/opendata/resources";

/** Links to the open data behind a section: the CSV, the JSON and the CSV's Table Schema. */
export function ApiDownloads({ resource, label, query = {} }: { resource: ResourceName; label: string; query?: Record<string, string> }) {
  const link = "text-marianne underline underline-offset-4";
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="text-slate-700">Données ouvertes :</span>
      <a href={apiUrl(resource, { ...query, format: "csv" })} className={link} download>
        CSV<span className="sr-only"> : {label}</span>
      </a>
      <a href={apiUrl(resource, { ...query, par_page: "1000" })} className={link}>
        JSON<span className="sr-only"> : {label}</span>
      </a>
      <a href={tableSchemaPath(resource)} className={link}>
        Schéma du CSV<span className="sr-only"> : {label}</span>
      </a>
    </p>
  );
}
