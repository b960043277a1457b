import { notFound } from "next/navigation";
import { Freshness } from "@/components/department/freshness";
import { WhatIsAContract } from "@/components/department/what-is-a-contract";
import { ApiDownloads } from "@/components/opendata/api-downloads";
import { DemoShare, demoShareLabel } from "@/components/department/demo-share";
import { HomeListPager } from "@/components/department/home-list-pager";
import { homeListPages } from "@/components/department/home-list-pages";
import { getPublicNationalPage } from "@/lib/opendata/cached";
import { formatDecimal, formatEurosCompact, formatNumber } from "@/lib/core/format";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";
import type { PublicContract, PublicNationalPage } from "@/lib/opendata/schemas";

// The national page (app/(public)/accueil/), served at "/" (page 1 of the list of departments) and at "/page/<n>" (the next pages of
// the list only): rewrites in next.config.ts. Both sit behind dynamic segments so that nothing is prerendered
// at build time (no database then): rendered on the first visit, then from cache until a write anywhere
// ("public:national") or an hour passes.
export const NATIONAL_SCOPE = "france";

const SOURCES = [
  { href: "https://solidarites.gouv.fr/premiere-vague-de-contractualisation-de-la-strategie-nationale-de-prevention-et-de-protection-de", label: "Ministère des Solidarités : première vague de contractualisation (2020)" },
  { href: "https://banquedesterritoires.fr/une-circulaire-cadre-la-contractualisation-2021-avec-les-departements-sur-la-protection-de-lenfance", label: "Banque des Territoires : la contractualisation 2021" },
  { href: "https://banquedesterritoires.fr/une-circulaire-cadre-la-contractualisation-2022-avec-les-departements-sur-la-protection-de-lenfance", label: "Banque des Territoires : la contractualisation 2022" },
];

/** The department's link (and its earlier contracts), the total amount (and its demo share), the average progress. */
const COLUMNS = [["ac"], ["md", "n"], ["t", "n"]] as const satisfies readonly CompactColumn[];

/** Each department's most recent contract (the list comes newest first within a department), with how many came before. */
function latestByDepartment(contracts: PublicContract[]): { contract: PublicContract; earlier: number }[] {
  const rows = new Map<string, { contract: PublicContract; earlier: number }>();
  for (const c of contracts) {
    const row = rows.get(c.departmentCode);
    if (!row) rows.set(c.departmentCode, { contract: c, earlier: 0 });
    else if (c.periodStart > row.contract.periodStart) rows.set(c.departmentCode, { contract: c, earlier: row.earlier + 1 });
    else row.earlier += 1;
  }
  return [...rows.values()];
}

/** Page `page` of the national list (1: the home page, with the totals and the sources); not found past the last page. */
export async function NationalPage({ page }: { page: number }) {
  const { contracts, totals, updatedAt } = await getPublicNationalPage();
  const latest = latestByDepartment(contracts);
  const { pages, rowsOf } = homeListPages(latest, ({ contract: c }) => c.departmentCode);
  const rows = rowsOf(page);
  if (!rows) notFound();
  const first = page === 1;
  // When every amount of the list is demo data (the demo, the bench), it is said once above the table instead of on each row.
  const allDemo = latest.length > 0 && latest.every(({ contract: c }) => c.includesDemo && c.demoCents >= c.totalCents);

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre" className="space-y-3">
        <h1 id="titre" className="text-3xl font-bold">
          Départements sous contrat{first ? null : ` : page ${page} sur ${pages.length}`}
        </h1>
        <p className="max-w-3xl text-slate-700">
          Chaque contrat départemental de prévention et de protection de l&apos;enfance engage trois signataires — le préfet pour
          l&apos;État, l&apos;agence régionale de santé (ARS) et le département — sur des objectifs nationaux, des fiches action, des
          indicateurs et un financement partagé.
        </p>
        <Freshness updatedAt={updatedAt} />
      </section>

      {first ? (
        <>
          <WhatIsAContract />
          <NationalTotals totals={totals} />
        </>
      ) : null}


      <section aria-labelledby="liste" className={first ? "below-fold space-y-3" : "space-y-3"}>
        <h2 id="liste" className="text-xl font-semibold">
          Contrats par département
        </h2>
        <p className="text-sm text-slate-700">
          Une ligne par département : son contrat le plus récent, son montant et son avancement. Sa région, sa vague, sa date de
          signature, son statut, son nombre de fiches action, sa source et ses contrats précédents sont sur la page du département
          et dans le téléchargement CSV ci-dessous.
        </p>
        {allDemo ? (
          <p className="text-sm">
            <span className="demo">Tous les montants de ce tableau sont entièrement de démonstration.</span>
          </p>
        ) : null}
        {/* Three columns only: this page lists every department under contract (101 rows at national scale), and
            each cell is sent twice, in the HTML and in the page's RSC payload (npm run bench, « Poids des pages »). */}
        <TableScroll label="Contrats par département" className="rounded-lg border border-slate-200 bg-white">
          <table className={DATA_TABLE}>
            <caption className="sr-only">
              Contrats par département (le plus récent de chacun) : montant total et avancement moyen
              {pages.length > 1 ? `, page ${page} sur ${pages.length}` : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">Département</th>
                <th scope="col" className="n">Montant total</th>
                <th scope="col" className="n">Avancement moyen</th>
              </tr>
            </thead>
            <CompactRows
              columns={COLUMNS}
              rows={rows.map(({ contract: c, earlier }): CompactRow<typeof COLUMNS> => [
                [`${c.departmentName} (${c.departmentCode})`, c.pageUrl, earlier],
                [formatEurosCompact(c.totalCents), allDemo ? null : demoShareLabel(c.includesDemo, c.demoCents, c.totalCents)],
                c.averageProgress === null ? "—" : `${formatDecimal(c.averageProgress)} %`,
              ])}
            />
          </table>
        </TableScroll>
        <HomeListPager ranges={pages.map((p) => [p.first, p.last])} current={page} departments={formatNumber(latest.length)} />
        <ApiDownloads resource="contrats" label="Contrats par département" />
      </section>

      {first ? <Sources /> : null}
    </div>
  );
}

/** The national totals, on the home page. */
function NationalTotals({ totals }: { totals: PublicNationalPage["totals"] }) {
  return (
    <section aria-labelledby="total-national">
      <h2 id="total-national" className="text-xl font-semibold">
        Total national
      </h2>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-700">Départements sous contrat</dt>
          <dd className="tabular mt-1 text-2xl font-bold">{formatNumber(totals.departmentCount)}</dd>
        </div>
        {totals.byParty.map((p) => (
          <div key={p.party} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-700">{p.partyLabel}</dt>
            <dd className="tabular mt-1 text-2xl font-bold">
              {formatEurosCompact(p.amountCents)}
              <DemoShare includesDemo={p.includesDemo} demoCents={p.demoCents} totalCents={p.amountCents} />
            </dd>
          </div>
        ))}
        <div className="rounded-lg border border-marianne bg-marianne-light p-4">
          <dt className="text-sm text-slate-800">Total contractualisé</dt>
          <dd className="tabular mt-1 text-2xl font-bold text-marianne">
            {formatEurosCompact(totals.totalCents)}
            <DemoShare includesDemo={totals.includesDemo} demoCents={totals.demoCents} totalCents={totals.totalCents} />
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-sm text-slate-700">
        Montants inscrits aux contrats, sur toute leur durée ({formatNumber(totals.contractCount)} contrat
        {totals.contractCount > 1 ? "s" : ""}).
      </p>
    </section>
  );
}

/** Where the figures come from, on the home page. */
function Sources() {
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
