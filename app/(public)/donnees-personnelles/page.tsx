import type { Metadata } from "next";
import { LegalPage } from "@/components/layout/legal-page";
import { SITE } from "@/lib/opendata/site";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalDataPage() {
  return (
    <LegalPage title="Données personnelles">
      <section aria-labelledby="jamais" className="space-y-2">
        <h2 id="jamais">Aucune donnée sur les enfants ni les familles</h2>
        <p>
          Tripartite ne contient que des chiffres d&apos;ensemble sur les contrats : montants, fiches action, indicateurs, chiffres de
          contexte. Il ne contient jamais de nom, de date de naissance, d&apos;adresse, de numéro de dossier, d&apos;information de santé ni
          de décision de justice concernant un enfant ou une famille. Les effectifs inférieurs à 11 personnes ne sont pas publiés
          (ils sont affichés « &lt; 11 »).
        </p>
      </section>

      <section aria-labelledby="visiteurs" className="space-y-2">
        <h2 id="visiteurs">Visiteurs des pages publiques</h2>
        <p>
          La consultation des pages publiques et de l&apos;API ne demande aucun compte. Aucun cookie de mesure d&apos;audience ni de
          publicité n&apos;est déposé, et aucun outil tiers n&apos;est chargé. Les journaux techniques du serveur (adresse IP, page
          demandée, date) relèvent de l&apos;hébergeur et servent à la sécurité du service.
        </p>
      </section>

      <section aria-labelledby="agents" className="space-y-2">
        <h2 id="agents">Agents qui utilisent l&apos;espace de travail</h2>
        <p>Pour les agents des départements, des ARS et de l&apos;État qui se connectent, Tripartite enregistre :</p>
        <ul>
          <li>
            <strong>le compte</strong> : adresse électronique professionnelle, nom affiché, rôles et périmètre (département ou région),
            empreinte du mot de passe (argon2id ; le mot de passe lui-même n&apos;est jamais conservé), date du dernier changement de mot de
            passe ;
          </li>
          <li>
            <strong>les sessions</strong> : un identifiant dérivé du jeton de session, les dates de début et d&apos;expiration (12 heures),
            l&apos;adresse IP et le navigateur déclarés lors de la connexion ;
          </li>
          <li>
            <strong>les tentatives de connexion</strong> : adresse électronique saisie, adresse IP, date et succès ou échec, pour limiter
            les essais de mots de passe ;
          </li>
          <li>
            <strong>le journal des modifications</strong> : pour chaque enregistrement, l&apos;auteur (identifiant, adresse électronique,
            rôle), la date et les valeurs avant et après. Ce journal ne peut pas être modifié ni effacé, y compris par un administrateur ;
          </li>
          <li>
            <strong>les commentaires internes</strong> des référents régionaux, avec leur auteur ; ils ne sont jamais publiés.
          </li>
        </ul>
        <p>
          Ces données servent uniquement à l&apos;authentification, au contrôle des droits et à la traçabilité des modifications (mission
          de service public). Elles ne sont ni publiées, ni transmises à des tiers. Seuls deux cookies strictement nécessaires sont
          déposés : le cookie de session (12 heures) et, lors d&apos;une connexion par ProConnect, un cookie de transaction de 10 minutes.
        </p>
      </section>

      <section aria-labelledby="conservation" className="space-y-2">
        <h2 id="conservation">Durées de conservation</h2>
        <ul>
          <li>Comptes : tant que l&apos;agent a besoin d&apos;accéder au service ; un compte désactivé n&apos;ouvre plus de session.</li>
          <li>Sessions : valables 12 heures, révocables à tout moment (déconnexion, changement de mot de passe).</li>
          <li>
            Journal des modifications : conservé pendant toute la durée de vie des contrats, pour en garder la trace. Cette version ne
            programme aucune purge automatique des sessions expirées ni des tentatives de connexion : le responsable de traitement en
            fixe la durée de conservation à la mise en service.
          </li>
        </ul>
      </section>

      <section aria-labelledby="droits" className="space-y-2">
        <h2 id="droits">Vos droits</h2>
        <p>
          Conformément au règlement général sur la protection des données et à la loi « Informatique et libertés », vous pouvez accéder
          aux données qui vous concernent, les faire rectifier ou en limiter l&apos;usage en écrivant à{" "}
          <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>. Si vous estimez, après nous avoir contactés, que vos droits ne
          sont pas respectés, vous pouvez adresser une réclamation à la <a href="https://www.cnil.fr/fr/plaintes">CNIL</a>.
        </p>
      </section>
    </LegalPage>
  );
}
