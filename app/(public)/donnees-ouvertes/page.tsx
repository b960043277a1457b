import type { Metadata } from "next";
import { LegalPage } from "@/components/layout/legal-page";
import { apiUrl } from "@/lib/opendata/links";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, RESOURCES, RESOURCE_NAMES, tableSchemaPath } from "@/lib/opendata/resources";
import { LICENCE, SMALL_COUNT_RULE } from "@/lib/opendata/schemas";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = {
  title: "Données ouvertes",
  description: "API et fichiers CSV des contrats départementaux de prévention et de protection de l'enfance, sous Licence Ouverte 2.0.",
};

const code = "rounded bg-slate-100 px-1 font-mono text-sm";
// Plain links, as on every public page: next/link would add its code to what the page loads.
const EXAMPLE_WIDGET = "/widget/departements/77";

export default function OpenDataPage() {
  return (
    <LegalPage title="Données ouvertes">
      <p>
        Tout ce que montrent les pages publiques se télécharge ici, sans compte : départements, contrats signés ou terminés, fiches
        action, financements, indicateurs et chiffres de contexte. Les contrats en préparation, les commentaires internes,
        l&apos;historique des modifications et les comptes des agents ne sont jamais publiés.
      </p>

      <section aria-labelledby="licence" className="space-y-2">
        <h2 id="licence">Licence</h2>
        <p>
          Les données sont publiées sous <a href={LICENCE.url}>{LICENCE.name}</a> : vous pouvez les copier, les modifier et les
          réutiliser, y compris commercialement, en mentionnant leur source (« Tripartite ») et la date de leur dernière mise à jour.
          Les valeurs marquées <span className={code}>isDemo: true</span> sont des données de démonstration, fictives.
        </p>
      </section>

      <section aria-labelledby="jeux" className="space-y-3">
        <h2 id="jeux">Jeux de données</h2>
        <TableScroll label="Jeux de données" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Jeux de données, avec leurs liens JSON, CSV et Table Schema</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2">Jeu de données</th>
                <th scope="col" className="px-3 py-2">Filtres</th>
                <th scope="col" className="px-3 py-2">Téléchargement</th>
              </tr>
            </thead>
            <tbody>
              {RESOURCE_NAMES.map((name) => {
                const r = RESOURCES[name];
                return (
                  <tr key={name} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="block font-medium">{r.title}</span>
                      <span className="block text-slate-700">{r.description}</span>
                      <span className="block text-xs text-slate-700">Identifiants : {r.identifiers}</span>
                    </th>
                    <td className="px-3 py-2">
                      {r.params.map((p) => (
                        <span key={p.name} className="block">
                          <code className={code}>{p.name}</code> : {p.description}
                        </span>
                      ))}
                    </td>
                    <td className="space-y-1 px-3 py-2">
                      <a href={apiUrl(name, { format: "csv" })} className="block" download>
                        CSV<span className="sr-only"> : {r.title}</span>
                      </a>
                      <a href={apiUrl(name)} className="block">
                        JSON<span className="sr-only"> : {r.title}</span>
                      </a>
                      <a href={tableSchemaPath(name)} className="block">
                        Table Schema<span className="sr-only"> : {r.title}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="api" className="space-y-2">
        <h2 id="api">L&apos;API</h2>
        <ul>
          <li>
            Documentation : <a href={apiUrl("openapi.json")}>document OpenAPI 3.1</a> (à ouvrir dans tout outil compatible).
          </li>
          <li>
            Adresses versionnées sous <code className={code}>/api/v1/</code>, par exemple{" "}
            <a href={apiUrl("financements", { departement: "77", annee: "2021" })}>
              <code className={code}>/api/v1/financements?departement=77&amp;annee=2021</code>
            </a>{" "}
            ou <code className={code}>/api/v1/contrats/77-2020-2022-v2020</code>.
          </li>
          <li>
            JSON par défaut ; CSV avec <code className={code}>?format=csv</code> (UTF-8, virgule, point décimal, dates ISO 8601, montants en
            centimes d&apos;euro). Chaque CSV est décrit par un{" "}
            <a href="https://specs.frictionlessdata.io/table-schema/">Table Schema</a> (lien <code className={code}>rel=&quot;describedby&quot;</code>).
          </li>
          <li>
            Pagination en JSON : <code className={code}>?page=2&amp;par_page={DEFAULT_PER_PAGE}</code> ({MAX_PER_PAGE} au plus), avec les liens{" "}
            <code className={code}>first</code>, <code className={code}>prev</code>, <code className={code}>next</code>, <code className={code}>last</code>. Un CSV
            demandé sans pagination contient tout le jeu de données.
          </li>
          <li>
            Chaque réponse porte un <code className={code}>ETag</code> (renvoyez-le dans <code className={code}>If-None-Match</code> : la réponse 304 signale
            que rien n&apos;a changé) et un <code className={code}>Cache-Control</code>. L&apos;API accepte les appels depuis n&apos;importe quel site (CORS).
          </li>
          <li>
            Erreurs en français, au format <code className={code}>{`{ "error": { "status", "code", "message", "details" } }`}</code> : 400 pour un
            paramètre inconnu ou une valeur invalide, 404 pour un identifiant inconnu.
          </li>
        </ul>
      </section>

      <section aria-labelledby="secret" className="space-y-2">
        <h2 id="secret">Secret statistique</h2>
        <p>{SMALL_COUNT_RULE}</p>
        <p>
          Sont concernés le nombre d&apos;enfants suivis par l&apos;aide sociale à l&apos;enfance (avec la part d&apos;entre eux en situation de
          handicap) et les indicateurs qui comptent des personnes (enfants, jeunes, familles, mesures ou visites les concernant), signalés
          par <code className={code}>countsPeople: true</code>.
        </p>
      </section>

      <section aria-labelledby="fraicheur" className="space-y-2">
        <h2 id="fraicheur">Mise à jour</h2>
        <p>
          Les données sont celles que saisissent les départements, les ARS et l&apos;État dans leur espace de travail : une modification
          apparaît aussitôt sur les pages publiques et dans l&apos;API. Le champ <code className={code}>meta.dataUpdatedAt</code> des réponses, et la
          mention « Données mises à jour le… » des pages, donnent la date de la dernière modification.
        </p>
      </section>

      <section aria-labelledby="widget" className="space-y-2">
        <h2 id="widget">Afficher les chiffres clés d&apos;un département sur votre site</h2>
        <p>
          Le widget <a href={EXAMPLE_WIDGET}>{EXAMPLE_WIDGET}</a> présente les chiffres clés du contrat d&apos;un département
          et un lien vers son tableau de bord. Il peut être intégré dans une page d&apos;un autre site :
        </p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm">
          <code>{`<iframe src="https://<adresse du site>/widget/departements/77"
        title="Chiffres clés du contrat de prévention et de protection de l'enfance"
        width="600" height="420" style="border:0"></iframe>`}</code>
        </pre>
      </section>
    </LegalPage>
  );
}
