import { DemoMark, Provenance } from "@/components/ui/provenance";
import type { PublicContractDetail } from "@/lib/opendata/schemas";
import { formatDate, formatEuros, formatEurosCompact } from "@/lib/core/format";
import { DemoShare } from "./demo-share";

export function ContractHeader({ contract }: { contract: PublicContractDetail }) {
  return (
    <section aria-labelledby="contrat" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="contrat" className="text-xl font-semibold">
          Contrat {contract.frameworkCode} — vague {contract.wave}
        </h2>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{contract.statusLabel}</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">{contract.frameworkName}</p>

      <dl className="mt-4 grid gap-x-8 gap-y-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-700">Signature</dt>
          <dd>
            {contract.signedOn ? `Le ${formatDate(contract.signedOn)}` : "Date non renseignée"}
            {contract.signedPlace ? ` à ${contract.signedPlace}` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Période</dt>
          <dd>
            Du {formatDate(contract.periodStart)} au {formatDate(contract.periodEnd)}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-slate-700">Signataires</dt>
          <dd>
            <ul className="mt-1 list-inside list-disc">
              <li>État : {contract.stateSignatory}</li>
              <li>ARS : {contract.arsSignatory}</li>
              <li>Département : {contract.departmentSignatory}</li>
            </ul>
          </dd>
        </div>
      </dl>

      <h3 className="mt-6 font-semibold">Montants inscrits au contrat</h3>
      <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {contract.amounts.map((a) => (
          <div key={a.party} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-700">{a.partyLabel}</dt>
            <dd>
              <span className="tabular block text-2xl font-bold" title={formatEuros(a.amountCents)}>
                {formatEurosCompact(a.amountCents)}
              </span>
              <Provenance sourceUrl={a.sourceUrl} source={a.source} isDemo={a.isDemo} />
            </dd>
          </div>
        ))}
        <div className="rounded border border-marianne bg-marianne-light p-3">
          <dt className="text-sm text-slate-800">Total</dt>
          <dd className="tabular text-2xl font-bold text-marianne" title={formatEuros(contract.totalCents)}>
            {formatEurosCompact(contract.totalCents)}
            <DemoShare includesDemo={contract.includesDemo} demoCents={contract.demoCents} totalCents={contract.totalCents} />
          </dd>
        </div>
      </dl>

      {contract.summary ? (
        // A <div>, not a <p>: « Source » opens in a <details>, which a paragraph cannot hold (the browser would
        // close the paragraph before it, and React's hydration would find another tree).
        <div className="mt-4 text-slate-800">
          {contract.summary} <Provenance sourceUrl={contract.sourceUrl} source={contract.source} isDemo={contract.isDemo} />
          {!contract.sourceUrl && !contract.isDemo ? <DemoMark compact /> : null}
        </div>
      ) : null}
    </section>
  );
}
