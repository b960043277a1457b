import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ActionsTable } from "@/components/department/actions-table";
import { CommitmentProgressSection } from "@/components/department/commitment-progress";
import { ContextFigures } from "@/components/department/context-figures";
import { ContractHeader } from "@/components/department/contract-header";
import { FundingSection } from "@/components/department/funding";
import { PUBLIC_VIEWER, getDepartmentDashboard } from "@/lib/contracts/queries";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ contrat?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `Département ${decodeURIComponent(code)}` };
}

export default async function DepartmentPage({ params, searchParams }: Props) {
  await connection();
  const { code } = await params;
  const { contrat } = await searchParams;
  const dashboard = await getDepartmentDashboard(PUBLIC_VIEWER, decodeURIComponent(code).toUpperCase(), contrat);
  if (!dashboard) notFound();
  const { department, contract } = dashboard;

  return (
    <div className="space-y-10">
      <div>
        <nav aria-label="Fil d'Ariane" className="text-sm">
          <ol className="flex gap-2">
            <li>
              <Link href="/" className="text-marianne underline">
                Accueil
              </Link>
              <span aria-hidden="true"> ›</span>
            </li>
            <li aria-current="page">{department.name}</li>
          </ol>
        </nav>
        <h1 className="mt-2 text-3xl font-bold">
          {department.name} ({department.code})
        </h1>
        <p className="mt-1 text-slate-700">
          Région {department.regionName} · {department.arsName} · Protection de l&apos;enfance : {department.childProtectionBody}
        </p>
      </div>

      {contract ? (
        <>
          <ContractHeader contract={contract} />
          <section aria-labelledby="engagements" className="space-y-3">
            <h2 id="engagements" className="text-xl font-semibold">
              Avancement par engagement
            </h2>
            <CommitmentProgressSection departmentCode={department.code} commitments={contract.commitments} />
          </section>
          <section aria-labelledby="financements" className="space-y-3">
            <h2 id="financements" className="text-xl font-semibold">
              Financements
            </h2>
            <FundingSection departmentCode={department.code} contract={contract} />
          </section>
          <section aria-labelledby="actions" className="space-y-3">
            <h2 id="actions" className="text-xl font-semibold">
              Fiches action ({contract.actions.length})
            </h2>
            <ActionsTable actions={contract.actions} />
          </section>
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-5">Ce département n&apos;a pas de contrat publié.</p>
      )}

      <section aria-labelledby="contexte" className="space-y-3">
        <h2 id="contexte" className="text-xl font-semibold">
          Chiffres de contexte
        </h2>
        <ContextFigures figures={dashboard.contextFigures} />
      </section>

      {dashboard.otherContracts.length > 0 ? (
        <section aria-labelledby="autres">
          <h2 id="autres" className="text-xl font-semibold">
            Autres contrats du département
          </h2>
          <ul className="mt-2 list-inside list-disc">
            {dashboard.otherContracts.map((c) => (
              <li key={c.id}>
                <Link href={`/departements/${department.code}?contrat=${c.id}`} className="text-marianne underline">
                  {c.frameworkName} — vague {c.wave} ({CONTRACT_STATUS_LABELS[c.status]})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
