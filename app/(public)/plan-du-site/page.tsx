import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage } from "@/components/layout/legal-page";
import { apiUrl } from "@/lib/opendata/links";

export const metadata: Metadata = { title: "Plan du site" };

export default function SiteMapPage() {
  return (
    <LegalPage title="Plan du site">
      <section aria-labelledby="public" className="space-y-2">
        <h2 id="public">Pages publiques</h2>
        <ul>
          <li>
            <Link href="/">Accueil : départements sous contrat</Link>
            <ul>
              <li>
                Le tableau de bord de chaque département, depuis le tableau de l&apos;accueil (par exemple{" "}
                <Link href="/departements/77">Seine-et-Marne (77)</Link>), et ses contrats antérieurs
              </li>
            </ul>
          </li>
          <li>
            <Link href="/donnees-ouvertes">Données ouvertes : API, fichiers CSV, schémas et licence</Link>
          </li>
          <li>
            <Link href="/accessibilite">Déclaration d&apos;accessibilité</Link>
          </li>
          <li>
            <Link href="/mentions-legales">Mentions légales</Link>
          </li>
          <li>
            <Link href="/donnees-personnelles">Données personnelles</Link>
          </li>
          <li>
            <Link href="/plan-du-site">Plan du site</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="api" className="space-y-2">
        <h2 id="api">API des données ouvertes</h2>
        <ul>
          <li>
            <a href={apiUrl("openapi.json")}>Documentation OpenAPI 3.1</a>
          </li>
          <li>
            <a href={apiUrl("departements")}>Départements</a>, <a href={apiUrl("contrats")}>contrats</a>, <a href={apiUrl("actions")}>fiches action</a>,{" "}
            <a href={apiUrl("financements")}>financements</a>, <a href={apiUrl("indicateurs")}>indicateurs</a>,{" "}
            <a href={apiUrl("chiffres-de-contexte")}>chiffres de contexte</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="espace" className="space-y-2">
        <h2 id="espace">Espace des agents</h2>
        <ul>
          <li>
            <Link href="/connexion">Connexion</Link> (réservée aux agents des départements, des ARS et de l&apos;État)
          </li>
        </ul>
      </section>
    </LegalPage>
  );
}
