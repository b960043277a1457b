import Link from "next/link";

const TABS = [
  { segment: "", label: "Vue d'ensemble" },
  { segment: "/financements", label: "Financements" },
  { segment: "/indicateurs", label: "Indicateurs" },
  { segment: "/contexte", label: "Chiffres de contexte" },
  { segment: "/rapports", label: "Rapports" },
  { segment: "/echanges", label: "Import / export" },
  { segment: "/historique", label: "Historique" },
];

/** The tabs of a department's workspace; `current` is the segment of the page shown. */
export function DepartmentNav({ code, current }: { code: string; current: string }) {
  return (
    <nav aria-label="Rubriques de l'espace départemental" className="border-b border-slate-300">
      <ul className="flex flex-wrap gap-1">
        {TABS.map((t) => (
          <li key={t.segment}>
            <Link
              href={`/espace/departements/${code}${t.segment}`}
              aria-current={t.segment === current ? "page" : undefined}
              className={`block rounded-t px-4 py-2 text-sm ${t.segment === current ? "border border-b-0 border-slate-300 bg-white font-semibold" : "text-marianne hover:underline"}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
        <li className="ml-auto">
          <Link href={`/departements/${code}`} className="block px-4 py-2 text-sm text-marianne underline">
            Voir la page publique
          </Link>
        </li>
      </ul>
    </nav>
  );
}
