"use client";

// A client component without data: the HTML holds its text, and the page's RSC payload only names it instead of
// carrying it a second time.

const SOURCES = [
  { href: "https://solidarites.gouv.fr/premiere-vague-de-contractualisation-de-la-strategie-nationale-de-prevention-et-de-protection-de", label: "Ministère des Solidarités : première vague de contractualisation (2020)" },
  { href: "https://banquedesterritoires.fr/une-circulaire-cadre-la-contractualisation-2021-avec-les-departements-sur-la-protection-de-lenfance", label: "Banque des Territoires : la contractualisation 2021" },
  { href: "https://banquedesterritoires.fr/une-circulaire-cadre-la-contractualisation-2022-avec-les-departements-sur-la-protection-de-lenfance", label: "Banque des Territoires : la contractualisation 2022" },
];

export function NationalSources() {
  return (
    <section aria-labelledby="sources" className="space-y-2">
      <h2 id="sources" className="text-xl font-semibold">
        Sources
      </h2>
      <ul className="list-inside list-disc space-y-1 text-sm">
        {SOURCES.map((s) => (
          <li key={s.href}>
            <a href={s.href} className="text-marianne underline" rel="noopener noreferrer" target="_blank">
              {s.label}
              <span className="sr-only"> (nouvelle fenêtre)</span>
            </a>
          </li>
        ))}
        <li>Chaque contrat renvoie à sa source sur la page de son département et dans le CSV, ou porte la mention « donnée de démonstration ».</li>
      </ul>
      <p className="text-sm">
        Toutes les données publiées sont téléchargeables et documentées sur la page{" "}
        <a href="/donnees-ouvertes" className="text-marianne underline">
          données ouvertes
        </a>
        .
      </p>
    </section>
  );
}
