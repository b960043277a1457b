import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmendmentForm } from "@/components/admin/amendment-form";
import { getAmendmentDefaults } from "@/lib/admin/contracts/queries";
import { requirePermission } from "@/lib/auth/web";
import { createAmendmentForm } from "./create-amendment-form";

export const metadata: Metadata = { title: "Nouvel avenant" };

export default async function NewAmendmentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("admin.contracts", null);
  const { id } = await params;
  const defaults = await getAmendmentDefaults(viewer, id);
  if (!defaults) notFound();
  const { contract } = defaults;
  const period = `${contract.periodStart.slice(0, 4)} à ${contract.periodEnd.slice(0, 4)}`;
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin/contrats" className="text-marianne underline">
          Contrats et avenants
        </Link>{" "}
        ›{" "}
        <Link href={`/espace/admin/contrats/${contract.id}`} className="text-marianne underline">
          {contract.departmentCode} {contract.departmentName}
        </Link>{" "}
        › Nouvel avenant
      </nav>
      <h1 className="text-3xl font-bold">Nouvel avenant</h1>
      {defaults.year === null ? (
        <p className="rounded border-l-4 border-orange-700 bg-orange-50 p-3">Chaque année de la période a déjà son avenant : modifiez l&apos;avenant existant.</p>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <AmendmentForm
          action={createAmendmentForm}
          initial={{ contractId: contract.id, year: defaults.year ? String(defaults.year) : "", number: String(defaults.number) }}
          period={period}
          submitLabel="Créer l'avenant"
        />
      </div>
    </div>
  );
}
