import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionsTable } from "@/components/department/actions-table";
import { Freshness } from "@/components/department/freshness";
import { ApiDownloads } from "@/components/opendata/api-downloads";
import { getPublicContractPage } from "@/lib/opendata/cached";
import { Breadcrumb } from "@/components/ui/breadcrumb";

type Props = { params: Promise<{ code: string; id: string }> };

// Every fiche action of a contract (its page shows the first ones): rendered on first visit, cached like the
// department's page (same data, same tag).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { code: string; id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPublicContractPage(params);
  if (!page) return { title: "Page introuvable" };
  return { title: `Fiches action — ${page.department.name} (${page.department.code}), contrat ${page.contract.slug}` };
}

export default async function ContractActionsPage({ params }: Props) {
  const page = await getPublicContractPage(params);
  if (!page) notFound();
  const { department, contract } = page;
  const current = contract.id === department.currentContractId;
  const contractHref = contract.pageUrl; // the department's page for its most recent contract
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Breadcrumb trail={[{ href: contractHref, label: current ? department.name : `${department.name}, contrat ${contract.slug}` }]} current="Fiches action" />
        <h1 className="text-3xl font-bold">
          Fiches action ({page.actions.length}) — {department.name} ({department.code})
        </h1>
        <p className="text-slate-700">
          Contrat {contract.slug}
          {current ? " (le plus récent du département)" : " (contrat antérieur du département)"} :{" "}
          <a href={contractHref} className="text-marianne underline">
            retour à la page du contrat
          </a>
          .
        </p>
        <Freshness updatedAt={page.updatedAt} />
      </div>
      <section aria-labelledby="actions" className="space-y-3">
        <h2 id="actions" className="sr-only">
          Toutes les fiches action du contrat
        </h2>
        <ActionsTable actions={page.actions} />
        <ApiDownloads resource="actions" label="Fiches action du contrat" query={{ departement: department.code, contrat: contract.id }} />
      </section>
    </div>
  );
}
