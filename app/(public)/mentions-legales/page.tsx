import type { Metadata } from "next";
import { LegalPage } from "@/components/layout/legal-page";
import { SITE } from "@/lib/opendata/site";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalNoticePage() {
  return (
    <LegalPage title="Mentions légales">
      <section aria-labelledby="editeur" className="space-y-2">
        <h2 id="editeur">Éditeur</h2>
        <p>{SITE.publisher}.</p>
        <p>Directeur ou directrice de la publication : {SITE.publicationDirector}.</p>
        <p>
          Contact : <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>
        </p>
      </section>
      <section aria-labelledby="hebergement" className="space-y-2">
        <h2 id="hebergement">Hébergement</h2>
        <p>{SITE.host}.</p>
      </section>
      <section aria-labelledby="contenus" className="space-y-2">
        <h2 id="contenus">Contenus et réutilisation</h2>
        <p>
          Tripartite présente les contrats départementaux de prévention et de protection de l&apos;enfance signés par l&apos;État, les
          agences régionales de santé et les départements : montants, fiches action, indicateurs, financements et chiffres de
          contexte. Ce sont des données agrégées : le site ne contient aucune information sur un enfant ou une famille.
        </p>
        <p>
          Les données publiées sont réutilisables librement sous{" "}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0</a>, à condition d&apos;en mentionner
          la source et la date de mise à jour. Elles sont téléchargeables sur la page <a href="/donnees-ouvertes">données ouvertes</a>.
        </p>
        <p>
          Les valeurs marquées « donnée de démonstration » sont fictives : elles illustrent le fonctionnement du service et ne
          doivent pas être réutilisées comme des faits. Les autres renvoient à leur source publique.
        </p>
      </section>
      <section aria-labelledby="liens" className="space-y-2">
        <h2 id="liens">Liens vers d&apos;autres sites</h2>
        <p>
          Les liens « Source » mènent aux articles et documents publics d&apos;où viennent les chiffres. L&apos;éditeur n&apos;est pas
          responsable du contenu de ces sites.
        </p>
      </section>
      <section aria-labelledby="autres" className="space-y-2">
        <h2 id="autres">Voir aussi</h2>
        <ul>
          <li>
            <a href="/accessibilite">Déclaration d&apos;accessibilité</a>
          </li>
          <li>
            <a href="/donnees-personnelles">Données personnelles</a>
          </li>
          <li>
            <a href="/plan-du-site">Plan du site</a>
          </li>
        </ul>
      </section>
    </LegalPage>
  );
}
