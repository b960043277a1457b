import { EXPORT_TABLE_LABELS, exportHref, type ExportScope, type ExportTableName } from "@/lib/oversight/export-tables";
import type { OversightParams } from "@/lib/oversight/schemas";

/** Under each table: the same rows as a CSV file and as an XLSX workbook, with the view's filters. */
export function ExportLinks({ table, scope, params }: { table: ExportTableName; scope: ExportScope; params?: OversightParams }) {
  const label = EXPORT_TABLE_LABELS[table];
  return (
    <p className="mt-2 flex flex-wrap gap-3 text-sm">
      <a href={exportHref(table, scope, "csv", params)} className="rounded border border-marianne px-3 py-1 text-marianne hover:bg-marianne-light" download>
        Télécharger en CSV<span className="sr-only"> : {label}</span>
      </a>
      <a href={exportHref(table, scope, "xlsx", params)} className="rounded border border-marianne px-3 py-1 text-marianne hover:bg-marianne-light" download>
        Télécharger en XLSX<span className="sr-only"> : {label}</span>
      </a>
    </p>
  );
}
