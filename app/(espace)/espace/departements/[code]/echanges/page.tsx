import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { formatDate } from "@/lib/core/format";
import { MAX_FILE_BYTES, MAX_FILE_LABEL, SHEETS, SHEET_KEYS } from "@/lib/spreadsheet/template";
import { getWorkspaceDepartment } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Import / export" };

type Props = { params: Promise<{ code: string }> };

export default async function SpreadsheetExchangePage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const workspace = await getWorkspaceDepartment(viewer, code);
  if (!workspace) notFound();
  const { dashboard, permissions } = workspace;
  const contract = dashboard.contract;
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
      {!contract ? (
        <p className="rounded bg-white p-4">Aucun contrat pour ce département : rien à exporter ni à importer.</p>
      ) : (
        <>
          <p className="max-w-4xl text-slate-700">
            Travaillez dans votre tableur sur le contrat {contract.frameworkCode} (vague {contract.wave}, du {formatDate(contract.periodStart)} au{" "}
            {formatDate(contract.periodEnd)})&nbsp;: fiches action, lignes de financement et valeurs d&apos;indicateurs.
            {canImport ? " Téléchargez le classeur, modifiez-le, puis importez-le\u00a0: un aperçu montre chaque changement avant toute écriture." : null}
          </p>
          <section aria-labelledby="export" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="export" className="text-xl font-semibold">
              1. Exporter le contrat
            </h2>
            <p className="text-sm text-slate-700">
              Le classeur Excel contient un onglet par table (fiches action, financements, indicateurs) et un onglet « Lisez-moi » qui décrit chaque colonne. Il
              se réimporte tel quel. Chaque fichier CSV contient une seule table, au format du tableur en français (point-virgule, virgule décimale, dates
              JJ/MM/AAAA).
            </p>
            <ul className="flex flex-wrap gap-3">
              <li>
                <a href={`${base}?format=xlsx`} className="inline-block rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900" download>
                  Télécharger le classeur (XLSX)
                </a>
              </li>
              {SHEET_KEYS.map((k) => (
                <li key={k}>
                  <a href={`${base}?format=csv&table=${k}`} className="inline-block rounded border border-marianne px-4 py-2 text-marianne hover:bg-marianne-light" download>
                    {SHEETS[k].name} (CSV)
                  </a>
                </li>
              ))}
            </ul>
          </section>
          {canImport ? (
            <section aria-labelledby="import" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="import" className="text-xl font-semibold">
                2. Importer le fichier modifié
              </h2>
              <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
                <li>Les lignes sont reconnues par leur référence (FA-01…), l&apos;identifiant de la ligne de financement, ou le couple indicateur et année.</li>
                <li>Une ligne sans référence ou sans identifiant est une création. Une ligne absente du fichier n&apos;est jamais supprimée.</li>
                <li>Les cellules formules sont refusées : collez les valeurs (Collage spécial › Valeurs) avant d&apos;enregistrer. Un texte commençant par =, +, - ou @ est enregistré tel quel, et précédé d&apos;une apostrophe à l&apos;export.</li>
                <li>Un même fichier n&apos;est jamais appliqué deux fois : s&apos;il a déjà été importé, la page le dit (date et auteur) et rien n&apos;est écrit.</li>
              </ul>
              <ImportPanel departmentCode={code} maxBytes={MAX_FILE_BYTES} maxLabel={MAX_FILE_LABEL} exportHref={`${base}?format=xlsx`} />
            </section>
          ) : (
            <p className="rounded bg-white p-4">Votre rôle permet d&apos;exporter ces données, pas de les importer : seuls les éditeurs du département importent.</p>
          )}
        </>
      )}
    </div>
  );
}
