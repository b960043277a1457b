import type { Metadata } from "next";
import { HydrateLater } from "@/components/layout/hydrate-later";
import { SiteFooter, SiteHeader } from "@/components/layout/site-chrome";
import "./globals.css";
import { signOutForm } from "./sign-out-form";

export const metadata: Metadata = {
  title: { default: "Tripartite — contrats de prévention et de protection de l'enfance", template: "%s — Tripartite" },
  description:
    "Suivi des contrats départementaux de prévention et de protection de l'enfance signés par l'État, l'ARS et le département.",
};

// Reads no cookie: who is signed in is asked from the browser (components/layout/header-user-menu.tsx), so
// that the public pages below can be rendered once and served to everybody from cache. Header and footer are
// client components (components/layout/site-chrome.tsx): every page's RSC payload names them instead of
// carrying their tree again after the HTML. The page itself is hydrated after them, in slices
// (components/layout/hydrate-later.tsx).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <SiteHeader signOut={signOutForm} />
        <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
          <HydrateLater>{children}</HydrateLater>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
