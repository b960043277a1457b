import type { Metadata } from "next";
import Link from "next/link";
import { ContractsTable } from "@/components/admin/contracts-table";
import { listAdminContracts } from "@/lib/admin/contracts/queries";
import { requirePermission } from "@/lib/auth/web";

export const metadata: Metadata = { title: "Contrats et avenants" };

export default async function AdminContractsPage() {
  const viewer = await requirePermission("admin.contracts", null);
  const contracts = await listAdminContracts(viewer);
  return (
    <div className="space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        › Contrats et avenants
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Contrats et avenants</h1>
        <Link href="/espace/admin/contrats/nouveau" className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900">
          Saisir un contrat
        </Link>
      </div>
      <p>
        {contracts.length} contrat{contracts.length > 1 ? "s" : ""}, brouillons compris. Un contrat « en préparation » n&apos;est jamais publié.
      </p>
      <ContractsTable contracts={contracts} />
    </div>
  );
}
