import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission, requireUser } from "@/lib/auth/web";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHome() {
  const viewer = await requireUser();
  const users = can(viewer, "admin.users", null);
  const contracts = can(viewer, "admin.contracts", null);
  // Neither permission: requirePermission sends the viewer back to their space with a refusal notice.
  if (!users && !contracts) await requirePermission("admin.users", null);
  return (
    <div className="space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace" className="text-marianne underline">
          Mon espace
        </Link>{" "}
        › Administration
      </nav>
      <h1 className="text-3xl font-bold">Administration</h1>
      <p>Chaque modification faite ici est enregistrée dans le journal d&apos;audit, avec son auteur et les valeurs avant et après.</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {users ? (
          <li>
            <Link href="/espace/admin/utilisateurs" className="block h-full rounded-lg border border-slate-200 bg-white p-5 hover:border-marianne">
              <span className="text-xl font-semibold text-marianne underline">Comptes et rôles</span>
              <span className="mt-1 block text-slate-700">Créer un compte, attribuer ou retirer un rôle et son périmètre, désactiver ou réactiver un compte.</span>
            </Link>
          </li>
        ) : null}
        {contracts ? (
          <li>
            <Link href="/espace/admin/contrats" className="block h-full rounded-lg border border-slate-200 bg-white p-5 hover:border-marianne">
              <span className="text-xl font-semibold text-marianne underline">Contrats et avenants</span>
              <span className="mt-1 block text-slate-700">Saisir un contrat, ses montants et ses objectifs, modifier son en-tête, ajouter ou corriger un avenant annuel.</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
