import { ApiDownloads } from "@/components/opendata/api-downloads";
import { Provenance } from "@/components/ui/provenance";
import { formatDate, formatEurosCompact } from "@/lib/core/format";
import { contractActionsPath } from "@/lib/opendata/links";
import type { PublicDepartmentPage } from "@/lib/opendata/schemas";
import { ActionsTable } from "./actions-table";
import { CommitmentProgressSection } from "./commitment-progress";
import { ContextFigures } from "./context-figures";
import { ContractHeader } from "./contract-header";
import { Freshness } from "./freshness";
import { FundingSection } from "./funding";
import { IndicatorsTable } from "./indicators-table";
import { WhatIsAContract } from "./what-is-a-contract";
import { Breadcrumb } from "@/components/ui/breadcrumb";

/**
 * How many fiches action a contract's page shows; the others are one link away (a page listing them all, cached
 * like this one) and in the CSV under the table. A contract has up to 40 or so: all of them made this page weigh
 * 144 Ko (npm run bench, « Poids des pages »).
 */
const ACTIONS_SHOWN = 10;

/** A department's public dashboard: its current contract (or an earlier one, `archive`), with everything published about it. */
export function DepartmentDashboard({ page, archive = false }: { page: PublicDepartmentPage; archive?: boolean }) {
  const { department, contract } = page;
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        {archive && contract ? (
          <Breadcrumb trail={[{ href: department.pageUrl, label: department.name }]} current={`Contrat ${contract.slug}`} />
        ) : (
          <Breadcrumb current={department.name} />
        )}
        <h1 className="text-3xl font-bold">
          {department.name} ({department.code})
        </h1>
        <p className="text-slate-700">
          Région {department.regionName} · {department.arsName} · Protection de l&apos;enfance : {department.childProtectionBody}
        </p>
        <Freshness updatedAt={page.updatedAt} />
      </div>

      <WhatIsAContract />

      {contract ? (
        <>
          {archive ? (
            <p className="rounded border-l-4 border-marianne bg-marianne-light p-3">
              Contrat antérieur du département.{" "}
              <a href={department.pageUrl} className="text-marianne underline">
                Voir le contrat le plus récent
              </a>
            </p>
          ) : null}
          <ContractHeader contract={contract} />
          <section aria-labelledby="engagements" className="space-y-3">
            <h2 id="engagements" className="text-xl font-semibold">
              Avancement par engagement
            </h2>
            <CommitmentProgressSection departmentCode={department.code} commitments={contract.commitments} />
          </section>
          <section aria-labelledby="financements" className="space-y-3">
            <h2 id="financements" className="text-xl font-semibold">
              Financements
            </h2>
            <FundingSection departmentCode={department.code} contract={contract} />
          </section>
          <section aria-labelledby="actions" className="below-fold space-y-3">
            <h2 id="actions" className="text-xl font-semibold">
              Fiches action ({page.actions.length})
            </h2>
            <ActionsTable actions={page.actions} more={{ shown: ACTIONS_SHOWN, href: contractActionsPath(department.code, contract.id) }} />
            <ApiDownloads resource="actions" label="Fiches action du contrat" query={{ departement: department.code, contrat: contract.id }} />
          </section>
          <section aria-labelledby="indicateurs" className="below-fold space-y-3">
            <h2 id="indicateurs" className="text-xl font-semibold">
              Indicateurs
            </h2>
            <IndicatorsTable departmentCode={department.code} contractId={contract.id} values={page.indicators} />
          </section>
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-5">Ce département n&apos;a pas de contrat publié.</p>
      )}

      <section aria-labelledby="contexte" className="below-fold space-y-3">
        <h2 id="contexte" className="text-xl font-semibold">
          Chiffres de contexte
        </h2>
        <ContextFigures departmentCode={department.code} figures={page.contextFigures} />
      </section>

      {page.otherContracts.length > 0 ? (
        <section aria-labelledby="autres" className="space-y-2">
          <h2 id="autres" className="text-xl font-semibold">
            {archive ? "Les autres contrats du département" : "Autres contrats du département"}
          </h2>
          <ul className="list-inside list-disc">
            {page.otherContracts.map((c) => (
              <li key={c.id}>
                <a href={c.pageUrl} className="text-marianne underline">
                  {c.frameworkName} — vague {c.wave} ({c.statusLabel})
                </a>{" "}
                : du {formatDate(c.periodStart)} au {formatDate(c.periodEnd)}, {formatEurosCompact(c.totalCents)}
                {c.includesDemo ? (c.demoCents >= c.totalCents ? " (montants de démonstration)" : ` (dont ${formatEurosCompact(c.demoCents)} de démonstration)`) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sources" className="space-y-2">
        <h2 id="sources" className="text-xl font-semibold">
          Sources et téléchargements
        </h2>
        <ul className="list-inside list-disc space-y-1 text-sm">
          {contract ? (
            <li>
              Contrat : <Provenance sourceUrl={contract.sourceUrl} source={contract.source} isDemo={contract.isDemo} />
              {!contract.sourceUrl && !contract.isDemo ? " saisi par l'administration" : null}
            </li>
          ) : null}
          <li>
            Département : <Provenance sourceUrl={department.sourceUrl} isDemo={department.isDemo} />
            {!department.sourceUrl && !department.isDemo ? " référentiel INSEE des départements" : null}
          </li>
          <li>
            Chaque montant, fiche action et chiffre renvoie à sa source, ou porte la mention « donnée de démonstration ».
          </li>
        </ul>
        <ApiDownloads resource="contrats" label={`Contrats de ${department.name}`} query={{ departement: department.code }} />
        <p className="text-sm">
          Toutes les données de ce département, et la documentation de l&apos;API :{" "}
          <a href="/donnees-ouvertes" className="text-marianne underline">
            données ouvertes
          </a>
          .
        </p>
      </section>
    </div>
  );
}
