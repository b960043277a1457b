"use client";

import { usePathname } from "next/navigation";
import { HeaderUserMenu } from "./header-user-menu";

// The site's header and footer, left out of the embeddable widget (/widget/…), which stands alone in an iframe.
// Client components without data: the HTML holds them, and each page's RSC payload only names them (a server
// component's tree is sent twice, in the HTML and again in the payload). Plain links (<a>), here and on the
// public pages: next/link would add its code to every page an anonymous visitor loads.

const FOOTER_LINKS = [
  { href: "/donnees-ouvertes", label: "Données ouvertes" },
  { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/plan-du-site", label: "Plan du site" },
];

const useInWidget = () => usePathname()?.startsWith("/widget/") ?? false;

export function SiteHeader({ signOut }: { signOut: () => Promise<void> }) {
  if (useInWidget()) return null;
  return (
    <>
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        Aller au contenu
      </a>
      <header className="border-b-4 border-marianne bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
          <a href="/" className="group">
            <span className="block text-xl font-bold text-marianne group-hover:underline">Tripartite</span>
            <span className="block text-sm text-slate-700">Contrats départementaux de prévention et de protection de l&apos;enfance</span>
          </a>
          <nav aria-label="Navigation principale">
            <ul className="flex flex-wrap items-center gap-4 text-sm">
              <li>
                <a href="/" className="text-marianne underline-offset-4 hover:underline">
                  Départements sous contrat
                </a>
              </li>
              <li>
                <a href="/donnees-ouvertes" className="text-marianne underline-offset-4 hover:underline">
                  Données ouvertes
                </a>
              </li>
              <li>
                <HeaderUserMenu signOut={signOut} />
              </li>
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

export function SiteFooter() {
  if (useInWidget()) return null;
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-4 px-4 py-6 text-sm text-slate-700">
        <p>
          Tripartite suit des données agrégées uniquement : aucune information sur un enfant ou une famille. Les valeurs
          marquées <span className="rounded bg-amber-100 px-1 text-amber-900">donnée de démonstration</span> sont fictives ;
          les autres renvoient à leur source.
        </p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {FOOTER_LINKS.map((l) => (
              <li key={l.href}>
                <a href={l.href} className="text-marianne underline underline-offset-4">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          Sauf mention contraire, les données publiées sont sous{" "}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" className="text-marianne underline underline-offset-4">
            Licence Ouverte 2.0
          </a>
          .
        </p>
      </div>
    </footer>
  );
}
