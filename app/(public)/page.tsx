import Link from "next/link";
import { connection } from "next/server";
import { Provenance } from "@/components/ui/provenance";
import { PUBLIC_VIEWER, getNationalTotals, listContractSummaries } from "@/lib/contracts/queries";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";
import { PARTY_LABELS } from "@/lib/funding/schemas";
import { formatDate, formatDecimal, formatEurosCompact, formatNumber } from "@/lib/format";

export default async function HomePage() {
  await connection();
  const [contracts, totals] = await Promise.all([listContractSummaries(PUBLIC_VIEWER), getNationalTotals(PUBLIC_VIEWER)]);

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre">
        <h1 id="titre" className="text-3xl font-bold">
          Départements sous contrat
        </h1>
        <p className="mt-3 max-w-3xl text-slate-700">
          Chaque contrat départemental de prévention et de protection de l&apos;enfance engage trois signataires — le préfet pour
          l&apos;État, l&apos;agence régionale de santé (ARS) et le département — sur des objectifs nationaux, des fiches action, des
          indicateurs et un financement partagé.
        </p>
      </section>

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
              <dt className="text-sm text-slate-700">{PARTY_LABELS[p.party]}</dt>
              <dd className="tabular mt-1 text-2xl font-bold">{formatEurosCompact(p.amountCents)}</dd>
            </div>
          ))}
          <div className="rounded-lg border border-marianne bg-marianne-light p-4">
            <dt className="text-sm text-slate-800">Total contractualisé</dt>
            <dd className="tabular mt-1 text-2xl font-bold text-marianne">{formatEurosCompact(totals.totalCents)}</dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-slate-700">
          Montants inscrits aux contrats, sur toute leur durée ({formatNumber(totals.contractCount)} contrat
          {totals.contractCount > 1 ? "s" : ""}).
        </p>
      </section>

      <section aria-labelledby="liste">
        <h2 id="liste" className="text-xl font-semibold">
          Contrats par département
        </h2>
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Contrats par département : signature, période, montants et avancement</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2">Département</th>
                <th scope="col" className="px-3 py-2">Région (ARS)</th>
                <th scope="col" className="px-3 py-2">Vague</th>
                <th scope="col" className="px-3 py-2">Signature</th>
                <th scope="col" className="px-3 py-2">Statut</th>
                <th scope="col" className="px-3 py-2 text-right">Montant total</th>
                <th scope="col" className="px-3 py-2 text-right">Fiches action</th>
                <th scope="col" className="px-3 py-2 text-right">Avancement moyen</th>
                <th scope="col" className="px-3 py-2">Provenance</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/departements/${c.departmentCode}`} className="font-medium text-marianne underline">
                      {c.departmentName} ({c.departmentCode})
                    </Link>
                  </th>
                  <td className="px-3 py-2">{c.regionName}</td>
                  <td className="tabular px-3 py-2">{c.wave}</td>
                  <td className="px-3 py-2">{c.signedOn ? formatDate(c.signedOn) : "non renseignée"}</td>
                  <td className="px-3 py-2">{CONTRACT_STATUS_LABELS[c.status]}</td>
                  <td className="tabular px-3 py-2 text-right">{formatEurosCompact(c.totalCents)}</td>
                  <td className="tabular px-3 py-2 text-right">{formatNumber(c.actionCount)}</td>
                  <td className="tabular px-3 py-2 text-right">
                    {c.averageProgress === null ? "—" : `${formatDecimal(c.averageProgress)} %`}
                  </td>
                  <td className="px-3 py-2">
                    <Provenance sourceUrl={c.sourceUrl} isDemo={c.isDemo} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
