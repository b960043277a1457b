import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { MAX_FILE_LABEL, SHEETS, SHEET_KEYS } from "@/lib/spreadsheet/template";
import { getWorkspaceDepartment } from "@/lib/workspace/queries";
import { applyImportForm } from "./apply-import-form";
import { previewImportForm } from "./preview-import-form";

export const metadata: Metadata = { title: "Import / export" };

type Props = { params: Promise<{ code: string }> };

export default async function SpreadsheetExchangePage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const workspace = await getWorkspaceDepartment(viewer, code);
  if (!workspace) notFound();
  const { dashboard, permissions } = workspace;
  const canImport = permissions.editActions && permissions.editFunding && permissions.editIndicators;
  const base = `/api/spreadsheet/${code}`;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          {dashboard.department.name} ({dashboard.department.code}) — import / export
        </h1>
      </div>
      <DepartmentNav code={code} current="/echanges" />
      {!dashboard.contract ? (
        <p className="rounded bg-white p-4">Aucun contrat pour ce département.</p>
      ) : (
        <>
          <section aria-labelledby="export" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="export" className="text-xl font-semibold">
              Exporter le contrat
            </h2>
            <p className="text-sm text-slate-700">
              Le classeur contient un onglet par table (fiches action, financements, indicateurs) et un onglet « Lisez-moi » qui décrit chaque colonne. Il
              se réimporte tel quel.
            </p>
            <ul className="flex flex-wrap gap-3">
              <li>
                <a href={`${base}?format=xlsx`} className="inline-block rounded bg-marianne px-4 py-2 text-white hover:bg-blue-900" download>
                  Télécharger le classeur (XLSX)
                </a>
              </li>
              {SHEET_KEYS.map((k) => (
                <li key={k}>
                  <a href={`${base}?format=csv&table=${k}`} className="inline-block rounded border border-marianne px-4 py-2 text-marianne hover:underline" download>
                    {SHEETS[k].name} (CSV)
                  </a>
                </li>
              ))}
            </ul>
          </section>
          {canImport ? (
            <section aria-labelledby="import" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="import" className="text-xl font-semibold">
                Importer un fichier
              </h2>
              <p className="text-sm text-slate-700">
                XLSX (le classeur exporté) ou CSV (une table), {MAX_FILE_LABEL} au plus. Un aperçu montre chaque création et modification, et chaque erreur
                avec sa ligne et sa colonne, avant toute écriture ; l&apos;import s&apos;applique ensuite en entier ou pas du tout.
              </p>
              <ImportPanel departmentCode={code} preview={previewImportForm} apply={applyImportForm} />
            </section>
          ) : (
            <p className="rounded bg-white p-4">Votre rôle permet d&apos;exporter ces données, pas de les importer.</p>
          )}
        </>
      )}
    </div>
  );
}
