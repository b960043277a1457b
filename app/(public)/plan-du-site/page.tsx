import type { Metadata } from "next";
import { LegalPage } from "@/components/layout/legal-page";
import { apiUrl } from "@/lib/opendata/links";

export const metadata: Metadata = { title: "Plan du site" };

// Plain links, as on every public page: next/link would add its code to what the page loads.
const EXAMPLE_DEPARTMENT = "/departements/77";

export default function SiteMapPage() {
  return (
    <LegalPage title="Plan du site">
      <section aria-labelledby="public" className="space-y-2">
        <h2 id="public">Pages publiques</h2>
        <ul>
          <li>
            <a href="/">Accueil : départements sous contrat</a>
            <ul>
              <li>
                Le tableau de bord de chaque département, depuis le tableau de l&apos;accueil (par exemple{" "}
                <a href={EXAMPLE_DEPARTMENT}>Seine-et-Marne (77)</a>), et ses contrats antérieurs
              </li>
            </ul>
          </li>
          <li>
            <a href="/donnees-ouvertes">Données ouvertes : API, fichiers CSV, schémas et licence</a>
          </li>
          <li>
            <a href="/accessibilite">Déclaration d&apos;accessibilité</a>
          </li>
          <li>
            <a href="/mentions-legales">Mentions légales</a>
          </li>
          <li>
            <a href="/donnees-personnelles">Données personnelles</a>
          </li>
          <li>
            <a href="/plan-du-site">Plan du site</a>
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
            <a href="/connexion">Connexion</a> (réservée aux agents des départements, des ARS et de l&apos;État)
          </li>
        </ul>
      </section>
    </LegalPage>
  );
}
