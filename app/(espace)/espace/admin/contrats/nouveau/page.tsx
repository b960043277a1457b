import type { Metadata } from "next";
import Link from "next/link";
import { ContractForm } from "@/components/admin/contract-form";
import { getContractFormOptions } from "@/lib/admin/contracts/queries";
import { requirePermission } from "@/lib/auth/web";
import { createContractForm } from "./create-contract-form";

export const metadata: Metadata = { title: "Nouveau contrat" };

const DEFAULTS = {
  status: "DRAFT",
  stateSignatory: "Le préfet",
  arsSignatory: "Le directeur général de l'ARS",
  departmentSignatory: "Le président du conseil départemental",
};

export default async function NewContractPage() {
  const viewer = await requirePermission("admin.contracts", null);
  const options = await getContractFormOptions(viewer);
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/espace/admin/contrats" className="text-marianne underline">
          Contrats et avenants
        </Link>{" "}
        › Nouveau contrat
      </nav>
      <h1 className="text-3xl font-bold">Nouveau contrat</h1>
      <p className="text-slate-700">
        Un contrat saisi ici est une donnée réelle : indiquez sa source publique quand elle existe. Les champs marqués * sont obligatoires.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <ContractForm
          mode="create"
          action={createContractForm}
          initial={{ ...DEFAULTS, wave: String(new Date().getFullYear()) }}
          departments={options.departments}
          frameworks={options.frameworks}
          submitLabel="Créer le contrat"
        />
      </div>
    </div>
  );
}
