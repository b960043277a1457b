import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Freshness } from "@/components/department/freshness";
import { KeyFigures } from "@/components/department/key-figures";
import { Provenance } from "@/components/ui/provenance";
import { getPublicDepartmentPage } from "@/lib/opendata/cached";

type Props = { params: Promise<{ code: string }> };

// The embeddable widget: a department's key figures, for its own website to show in an iframe
// (next.config.ts allows framing on /widget/… only). Rendered on first visit and cached like the
// department's page.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { code: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPublicDepartmentPage((await params).code);
  return {
    title: page ? `${page.department.name} : chiffres clés du contrat` : "Page introuvable",
    robots: { index: false },
  };
}

export default async function DepartmentWidget({ params }: Props) {
  const page = await getPublicDepartmentPage((await params).code);
  if (!page) notFound();
  const { department, contract } = page;
  return (
    <article aria-labelledby="widget-titre" className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h1 id="widget-titre" className="text-lg font-bold">
        {department.name} ({department.code}) : contrat de prévention et de protection de l&apos;enfance
      </h1>
      {contract ? (
        <>
          <p className="text-slate-700">
            Contrat {contract.frameworkCode}, signé par l&apos;État, l&apos;ARS et le département ({contract.statusLabel.toLowerCase()}).
          </p>
          <KeyFigures contract={contract} />
          {/* A <div>: « Source » opens in a <details>, which a paragraph cannot hold. */}
          <div className="text-xs text-slate-700">
            Contrat : <Provenance sourceUrl={contract.sourceUrl} source={contract.source} isDemo={contract.isDemo} /> · Chaque montant renvoie à sa source ou porte
            la mention « démo » (donnée de démonstration).
          </div>
        </>
      ) : (
        <p>Ce département n&apos;a pas de contrat publié.</p>
      )}
      <Freshness updatedAt={page.updatedAt} />
      <p className="flex flex-wrap justify-between gap-2">
        <a href={department.pageUrl} target="_blank" rel="noopener" className="font-medium text-marianne underline">
          Voir le tableau de bord complet<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" target="_blank" rel="noopener noreferrer" className="text-slate-700 underline">
          Licence Ouverte 2.0<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </article>
  );
}
