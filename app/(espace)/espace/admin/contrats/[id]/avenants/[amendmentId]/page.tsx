import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmendmentForm } from "@/components/admin/amendment-form";
import { DemoMark } from "@/components/ui/provenance";
import { getAmendmentForAdmin } from "@/lib/admin/contracts/queries";
import { toFormValues } from "@/lib/admin/contracts/schemas";
import { requirePermission } from "@/lib/auth/web";
import { updateAmendmentForm } from "./update-amendment-form";

export const metadata: Metadata = { title: "Avenant" };

export default async function AmendmentPage({ params }: { params: Promise<{ id: string; amendmentId: string }> }) {
  const viewer = await requirePermission("admin.contracts", null);
  const { id, amendmentId } = await params;
  const amendment = await getAmendmentForAdmin(viewer, amendmentId);
  if (!amendment || amendment.contract.id !== id) notFound();
  const { contract, values } = amendment;
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
        › Avenant {values.year}
      </nav>
      <h1 className="text-3xl font-bold">
        Avenant {values.year} (n° {values.number}) {values.isDemo ? <DemoMark /> : null}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <AmendmentForm action={updateAmendmentForm} initial={toFormValues(values)} period={period} submitLabel="Enregistrer l'avenant" />
      </div>
    </div>
  );
}
