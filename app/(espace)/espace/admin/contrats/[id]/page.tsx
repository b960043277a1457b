import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContractForm } from "@/components/admin/contract-form";
import { DemoMark } from "@/components/ui/provenance";
import { getContractForAdmin } from "@/lib/admin/contracts/queries";
import { CONTRACT_STATUS_LABELS, toFormValues } from "@/lib/admin/contracts/schemas";
import { requirePermission } from "@/lib/auth/web";
import { formatEuros, formatShortDate } from "@/lib/core/format";
import { updateContractForm } from "./update-contract-form";

export const metadata: Metadata = { title: "Contrat" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string; avenant?: string }> };

export default async function AdminContractPage({ params, searchParams }: Props) {
  const viewer = await requirePermission("admin.contracts", null);
  const { id } = await params;
  const { cree, avenant } = await searchParams;
  const contract = await getContractForAdmin(viewer, id);
  if (!contract) notFound();
  const { values } = contract;
  const title = `${values.departmentCode} ${contract.departmentName} — ${contract.frameworkCode}, vague ${values.wave}`;

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/espace/admin/contrats" className="text-marianne underline">
          Contrats et avenants
        </Link>{" "}
        › {values.departmentCode} {contract.departmentName}
      </nav>
      <div>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-1">
          {CONTRACT_STATUS_LABELS[values.status]} ·{" "}
          <Link href={`/espace/departements/${values.departmentCode}`} className="text-marianne underline">
            Voir l&apos;espace du département
          </Link>{" "}
          {values.isDemo ? <DemoMark /> : null}
        </p>
      </div>
      {cree ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Contrat créé. Ajoutez maintenant ses avenants annuels.
        </p>
      ) : null}
      {avenant ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Avenant {avenant} enregistré.
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="modifier" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="modifier" className="text-xl font-semibold">
            Modifier l&apos;en-tête et les montants
          </h2>
          <div className="mt-4">
            <ContractForm
              mode="edit"
              action={updateContractForm}
              initial={toFormValues(values)}
              departmentLabel={`${values.departmentCode} — ${contract.departmentName}`}
              frameworkLabel={`${contract.frameworkCode} — ${contract.frameworkName}`}
              submitLabel="Enregistrer le contrat"
            />
          </div>
        </section>

        <div className="space-y-8">
          <section aria-labelledby="avenants" className="rounded-lg border border-slate-200 bg-white p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="avenants" className="text-xl font-semibold">
                Avenants
              </h2>
              <Link href={`/espace/admin/contrats/${values.id}/avenants/nouveau`} className="rounded bg-marianne px-3 py-1 text-sm font-medium text-white hover:bg-blue-900">
                Ajouter un avenant
              </Link>
            </div>
            {contract.amendments.length === 0 ? (
              <p className="mt-2">Aucun avenant.</p>
            ) : (
              <table className="mt-3 w-full border-collapse text-sm">
                <caption className="sr-only">Avenants annuels du contrat et leur montant total</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="py-2 pr-3">Année</th>
                    <th scope="col" className="py-2 pr-3">Signé le</th>
                    <th scope="col" className="py-2 text-right">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {contract.amendments.map((a) => (
                    <tr key={a.id} className="border-b border-slate-100">
                      <th scope="row" className="py-2 pr-3 text-left font-normal">
                        <Link href={`/espace/admin/contrats/${values.id}/avenants/${a.id}`} className="text-marianne underline">
                          {a.year} (n° {a.number})
                        </Link>{" "}
                        {a.isDemo ? <DemoMark compact /> : null}
                      </th>
                      <td className="py-2 pr-3">{a.signedOn ? formatShortDate(a.signedOn) : "—"}</td>
                      <td className="tabular whitespace-nowrap py-2 text-right">{formatEuros(a.totalCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="objectifs" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="objectifs" className="text-xl font-semibold">
              Objectifs retenus
            </h2>
            <ul className="mt-2 space-y-1 text-sm">
              {contract.objectives.map((o) => (
                <li key={o.code}>
                  {o.code} — {o.title} <span className="text-slate-700">({o.isMandatory ? "fondamental" : "optionnel"})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
