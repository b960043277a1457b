import type { Metadata } from "next";
import Link from "next/link";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { requirePermission } from "@/lib/auth/web";
import { createUserForm } from "./create-user-form";

export const metadata: Metadata = { title: "Nouveau compte" };

export default async function NewUserPage() {
  await requirePermission("admin.users", null);
  return (
    <div className="max-w-2xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/espace/admin/utilisateurs" className="text-marianne underline">
          Comptes et rôles
        </Link>{" "}
        › Nouveau compte
      </nav>
      <h1 className="text-3xl font-bold">Nouveau compte</h1>
      <p className="text-slate-700">Le compte est créé sans rôle : attribuez-lui ensuite un rôle et son périmètre.</p>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <UserCreateForm action={createUserForm} />
      </div>
    </div>
  );
}
