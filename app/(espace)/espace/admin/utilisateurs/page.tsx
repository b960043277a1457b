import type { Metadata } from "next";
import Link from "next/link";
import { UsersTable } from "@/components/admin/users-table";
import { listUsers } from "@/lib/admin/users/queries";
import { requirePermission } from "@/lib/auth/web";

export const metadata: Metadata = { title: "Comptes et rôles" };

export default async function UsersPage() {
  const viewer = await requirePermission("admin.users", null);
  const users = await listUsers(viewer);
  const active = users.filter((u) => u.isActive).length;
  return (
    <div className="space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        › Comptes et rôles
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Comptes et rôles</h1>
        <Link href="/espace/admin/utilisateurs/nouveau" className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900">
          Créer un compte
        </Link>
      </div>
      <p>
        {users.length} compte{users.length > 1 ? "s" : ""}, dont {active} actif{active > 1 ? "s" : ""}. Les comptes ne sont jamais supprimés : ils sont désactivés.
      </p>
      <UsersTable users={users} />
    </div>
  );
}
