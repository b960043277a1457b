import type { Metadata } from "next";
import { LegalPage } from "@/components/layout/legal-page";
import { formatDate } from "@/lib/core/format";
import { SITE } from "@/lib/opendata/site";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

const TESTED_PAGES = [
  ["/", "Accueil : départements sous contrat"],
  ["/departements/77", "Tableau de bord d'un département"],
  ["/donnees-ouvertes", "Données ouvertes"],
  ["/mentions-legales", "Mentions légales"],
  ["/accessibilite", "Déclaration d'accessibilité"],
  ["/donnees-personnelles", "Données personnelles"],
  ["/plan-du-site", "Plan du site"],
  ["/widget/departements/77", "Widget des chiffres clés"],
  ["/connexion", "Connexion"],
] as const;

export default function AccessibilityPage() {
  return (
    <LegalPage title="Déclaration d'accessibilité">
      <p>
        L&apos;éditeur de Tripartite s&apos;engage à rendre son service accessible, conformément à l&apos;article 47 de la loi n° 2005-102
        du 11 février 2005. Cette déclaration d&apos;accessibilité s&apos;applique au site Tripartite (pages publiques et espace des agents).
      </p>

      <section aria-labelledby="etat" className="space-y-2">
        <h2 id="etat">État de conformité</h2>
        <p>
          Tripartite est <strong>partiellement conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité
          (RGAA), version 4.1 : un audit complet des critères du RGAA n&apos;a pas encore été réalisé, seuls les contrôles décrits
          ci-dessous l&apos;ont été.
        </p>
      </section>

      <section aria-labelledby="controles" className="space-y-2">
        <h2 id="controles">Contrôles réalisés</h2>
        <p>
          À chaque modification du code, une batterie de tests automatisés ouvre les pages dans Chromium et les analyse avec{" "}
          <a href="https://github.com/dequelabs/axe-core">axe-core</a> 4 (règles WCAG 2.1 niveaux A et AA, équivalentes à une partie
          des critères du RGAA 4.1). Aucune erreur n&apos;est tolérée. Pages analysées :
        </p>
        <ul>
          {TESTED_PAGES.map(([path, label]) => (
            <li key={path}>
              {label} ({path})
            </li>
          ))}
          <li>les pages de l&apos;espace des agents (fiches action, financements, indicateurs, chiffres de contexte, administration).</li>
        </ul>
        <p>Les tests vérifient aussi que :</p>
        <ul>
          <li>un lien d&apos;évitement « Aller au contenu » est le premier élément atteint au clavier ;</li>
          <li>chaque graphique est accompagné d&apos;un tableau de données (le graphique est masqué aux technologies d&apos;assistance) et d&apos;un téléchargement CSV ;</li>
          <li>les pages déclarent leur langue (français) et portent un titre (règles axe).</li>
        </ul>
      </section>

      <section aria-labelledby="non-audite" className="space-y-2">
        <h2 id="non-audite">Ce qui n&apos;a pas été vérifié</h2>
        <ul>
          <li>les critères qui demandent un contrôle humain (pertinence des alternatives, ordre de lecture, compréhension des libellés) ;</li>
          <li>la restitution avec les lecteurs d&apos;écran (NVDA, JAWS, VoiceOver) et la navigation complète au clavier de chaque page ;</li>
          <li>l&apos;affichage à 200 % de zoom et l&apos;adaptation à l&apos;écran des tableaux les plus larges ;</li>
          <li>les fichiers téléchargeables (CSV), qui sont des données brutes et non des documents mis en forme.</li>
        </ul>
      </section>

      <section aria-labelledby="etablissement" className="space-y-2">
        <h2 id="etablissement">Établissement de cette déclaration</h2>
        <p>Cette déclaration a été établie le {formatDate(SITE.statementDate)}.</p>
        <p>Technologies utilisées : HTML, CSS, JavaScript (React, Next.js), SVG pour les graphiques.</p>
        <p>Environnement de test : Chromium sous Linux, axe-core avec Playwright.</p>
      </section>

      <section aria-labelledby="retour" className="space-y-2">
        <h2 id="retour">Retour d&apos;information et contact</h2>
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, écrivez à{" "}
          <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a> : nous vous indiquerons une alternative accessible et nous vous
          transmettrons l&apos;information sous une autre forme. Toutes les données publiées sont aussi disponibles en CSV et en JSON sur la
          page <a href="/donnees-ouvertes">données ouvertes</a>.
        </p>
      </section>

      <section aria-labelledby="recours" className="space-y-2">
        <h2 id="recours">Voies de recours</h2>
        <p>
          Si vous constatez un défaut d&apos;accessibilité qui vous empêche d&apos;accéder à un contenu ou à une fonctionnalité, que vous
          nous l&apos;avez signalé et que vous n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez :
        </p>
        <ul>
          <li>
            écrire un message au <a href="https://formulaire.defenseurdesdroits.fr/">Défenseur des droits</a> ;
          </li>
          <li>
            contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du Défenseur des droits dans votre région</a> ;
          </li>
          <li>
            envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris
            CEDEX 07.
          </li>
        </ul>
      </section>
    </LegalPage>
  );
}
