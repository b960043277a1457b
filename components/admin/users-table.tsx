import Link from "next/link";
import { DemoMark } from "@/components/ui/provenance";
import { roleLabel, type AdminUserRow } from "@/lib/admin/users/schemas";
import { TableScroll } from "@/components/ui/table-scroll";

export function UsersTable({ users }: { users: AdminUserRow[] }) {
  if (users.length === 0) return <p>Aucun compte.</p>;
  return (
    <TableScroll label="Comptes" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Comptes avec leurs rôles, leur périmètre et leur état</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2">Compte</th>
            <th scope="col" className="px-3 py-2">Rôles et périmètres</th>
            <th scope="col" className="px-3 py-2">Connexion</th>
            <th scope="col" className="px-3 py-2">État</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/espace/admin/utilisateurs/${u.id}`} className="font-medium text-marianne underline">
                  {u.displayName}
                </Link>
                <span className="block text-slate-700">{u.email}</span>
                {u.isDemo ? <DemoMark compact /> : null}
              </th>
              <td className="px-3 py-2">
                {u.roles.length === 0 ? (
                  <span className="text-slate-700">Aucun rôle</span>
                ) : (
                  <ul>
                    {u.roles.map((r) => (
                      <li key={r.id}>{roleLabel(r)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">{u.hasPassword ? "Mot de passe" : "OIDC seulement"}</td>
              <td className="px-3 py-2">
                {u.isActive ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">Actif</span>
                ) : (
                  <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-800">Désactivé</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
