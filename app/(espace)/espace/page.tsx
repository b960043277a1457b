import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ROLE_LABELS, can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/web";
import { listOversightLinks } from "@/lib/oversight/queries";
import { listWorkspaceDepartments } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Mon espace" };

export default async function WorkspaceHome({ searchParams }: { searchParams: Promise<{ refus?: string }> }) {
  const viewer = await requireUser();
  const { refus } = await searchParams;
  const [departments, oversight] = await Promise.all([listWorkspaceDepartments(viewer), listOversightLinks(viewer)]);
  // Straight to the only department, unless there is an oversight view to offer too.
  const hasOversight = oversight.national || oversight.regions.length > 0;
  if (departments.length === 1 && !refus && !hasOversight) redirect(`/espace/departements/${departments[0].code}`);
  const isAdmin = can(viewer, "admin.users", null) || can(viewer, "admin.contracts", null);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Mon espace</h1>
      {refus ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3">
          Vous n&apos;avez pas accès à cette page : elle concerne un territoire ou une fonction hors de vos droits.
        </p>
      ) : null}
      <p>
        Connecté en tant que {viewer.user.displayName} —{" "}
        {viewer.user.roles.map((r) => `${ROLE_LABELS[r.role]}${r.departmentCode ? ` (${r.departmentCode})` : ""}${r.regionCode ? ` (région ${r.regionCode})` : ""}`).join(", ")}
      </p>
      {isAdmin ? (
        <p>
          <Link href="/espace/admin" className="font-medium text-marianne underline">
            Administration
          </Link>{" "}
          <span className="text-slate-700">: comptes et rôles, contrats et avenants.</span>
        </p>
      ) : null}
      {hasOversight ? (
        <section aria-labelledby="pilotage">
          <h2 id="pilotage" className="text-xl font-semibold">
            Pilotage
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {oversight.national ? (
              <li>
                <Link href="/espace/national" className="block rounded border border-slate-200 bg-white p-3 hover:border-marianne">
                  <span className="font-medium text-marianne underline">Vue nationale</span>
                  <span className="block text-sm text-slate-700">Tous les départements : carte, comparaison, alertes, exports</span>
                </Link>
              </li>
            ) : null}
            {oversight.regions.map((r) => (
              <li key={r.code}>
                <Link href={`/espace/regions/${r.code}`} className="block rounded border border-slate-200 bg-white p-3 hover:border-marianne">
                  <span className="font-medium text-marianne underline">Vue régionale — {r.name}</span>
                  <span className="block text-sm text-slate-700">Les départements de la région : carte, comparaison, alertes, exports</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="departements">
        <h2 id="departements" className="text-xl font-semibold">
          Départements suivis
        </h2>
        {departments.length === 0 ? (
          <p className="mt-2">Aucun département n&apos;est rattaché à votre compte.</p>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {departments.map((d) => (
              <li key={d.code}>
                <Link href={`/espace/departements/${d.code}`} className="block rounded border border-slate-200 bg-white p-3 hover:border-marianne">
                  <span className="font-medium text-marianne underline">
                    {d.name} ({d.code})
                  </span>
                  <span className="block text-sm text-slate-700">
                    {d.regionName} · {d.contracts} contrat{d.contracts > 1 ? "s" : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
