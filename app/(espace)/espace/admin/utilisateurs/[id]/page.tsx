import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleAssignForm } from "@/components/admin/role-assign-form";
import { RoleRemoveButton } from "@/components/admin/role-remove-button";
import { UserStatusForm } from "@/components/admin/user-status-form";
import { DemoMark } from "@/components/ui/provenance";
import { getUserForAdmin, listScopeOptions } from "@/lib/admin/users/queries";
import { roleLabel } from "@/lib/admin/users/schemas";
import { requirePermission } from "@/lib/auth/web";
import { formatDate } from "@/lib/core/format";
import { assignRoleForm } from "./assign-role-form";
import { deactivateUserForm } from "./deactivate-user-form";
import { reactivateUserForm } from "./reactivate-user-form";
import { removeRoleForm } from "./remove-role-form";

export const metadata: Metadata = { title: "Compte" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const viewer = await requirePermission("admin.users", null);
  const { id } = await params;
  const { cree } = await searchParams;
  const [user, scopes] = await Promise.all([getUserForAdmin(viewer, id), listScopeOptions(viewer)]);
  if (!user) notFound();
  const adminRoles = user.roles.filter((r) => r.role === "ADMIN").length;

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/espace/admin" className="text-marianne underline">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/espace/admin/utilisateurs" className="text-marianne underline">
          Comptes et rôles
        </Link>{" "}
        › {user.displayName}
      </nav>
      <div>
        <h1 className="text-3xl font-bold">{user.displayName}</h1>
        <p className="mt-1">
          {user.email} {user.isDemo ? <DemoMark compact /> : null}
        </p>
      </div>
      {cree ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Compte créé. Attribuez-lui maintenant un rôle.
        </p>
      ) : null}

      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-4">
        <div>
          <dt className="text-sm text-slate-700">État</dt>
          <dd className="font-medium">{user.isActive ? "Actif" : "Désactivé"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Connexion</dt>
          <dd>{user.hasPassword ? "Mot de passe" : "OIDC seulement"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Sessions ouvertes</dt>
          <dd className="tabular">{user.activeSessions}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Créé le</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </div>
      </dl>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="roles" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="roles" className="text-xl font-semibold">
            Rôles
          </h2>
          {user.roles.length === 0 ? (
            <p className="mt-2">Aucun rôle : ce compte ne voit que les pages publiques.</p>
          ) : (
            <table className="mt-3 w-full border-collapse text-sm">
              <caption className="sr-only">Rôles du compte et leur périmètre</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="py-2 pr-3">Rôle et périmètre</th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {user.roles.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-3 text-left font-normal">
                      {roleLabel(r)}
                    </th>
                    <td className="py-2 text-right">
                      {user.isSelf && r.role === "ADMIN" && adminRoles <= 1 ? (
                        <span className="text-slate-700">Votre propre rôle</span>
                      ) : (
                        <RoleRemoveButton action={removeRoleForm} assignmentId={r.id} userId={user.id} label={roleLabel(r)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="mt-6 font-semibold">Attribuer un rôle</h3>
          <div className="mt-2">
            <RoleAssignForm action={assignRoleForm} userId={user.id} scopes={scopes} />
          </div>
        </section>

        <section aria-labelledby="etat" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="etat" className="text-xl font-semibold">
            {user.isActive ? "Désactiver le compte" : "Réactiver le compte"}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {user.isActive
              ? "La personne ne pourra plus se connecter et toutes ses sessions sont fermées immédiatement. Le compte et son historique sont conservés."
              : "La personne pourra de nouveau se connecter, avec les rôles ci-contre."}
          </p>
          <div className="mt-4">
            <UserStatusForm action={user.isActive ? deactivateUserForm : reactivateUserForm} userId={user.id} isActive={user.isActive} isSelf={user.isSelf} />
          </div>
        </section>
      </div>
    </div>
  );
}
