import type { Metadata } from "next";
import Link from "next/link";
import { SiteChrome } from "@/components/layout/site-chrome";
import { UserMenu } from "@/components/layout/user-menu";
import "./globals.css";
import { signOutForm } from "./sign-out-form";

export const metadata: Metadata = {
  title: { default: "Tripartite — contrats de prévention et de protection de l'enfance", template: "%s — Tripartite" },
  description:
    "Suivi des contrats départementaux de prévention et de protection de l'enfance signés par l'État, l'ARS et le département.",
};

const FOOTER_LINKS = [
  { href: "/donnees-ouvertes", label: "Données ouvertes" },
  { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/plan-du-site", label: "Plan du site" },
];

// Reads no cookie: who is signed in is asked by the user menu from the browser, so that the public
// pages below can be rendered once and served to everybody from cache.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <SiteChrome>
          <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
            Aller au contenu
          </a>
          <header className="border-b-4 border-marianne bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
              <Link href="/" className="group">
                <span className="block text-xl font-bold text-marianne group-hover:underline">Tripartite</span>
                <span className="block text-sm text-slate-700">Contrats départementaux de prévention et de protection de l&apos;enfance</span>
              </Link>
              <nav aria-label="Navigation principale">
                <ul className="flex flex-wrap items-center gap-4 text-sm">
                  <li>
                    <Link href="/" className="text-marianne underline-offset-4 hover:underline">
                      Départements sous contrat
                    </Link>
                  </li>
                  <li>
                    <Link href="/donnees-ouvertes" className="text-marianne underline-offset-4 hover:underline">
                      Données ouvertes
                    </Link>
                  </li>
                  <li>
                    <UserMenu signOut={signOutForm} />
                  </li>
                </ul>
              </nav>
            </div>
          </header>
        </SiteChrome>
        <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <SiteChrome>
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
                      <Link href={l.href} className="text-marianne underline underline-offset-4">
                        {l.label}
                      </Link>
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
        </SiteChrome>
      </body>
    </html>
  );
}
