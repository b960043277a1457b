import { formatEurosCompact, formatNumber, formatPercent } from "@/lib/core/format";
import { Provenance } from "@/components/ui/provenance";
import type { PublicContractDetail } from "@/lib/opendata/schemas";
import { DemoShare } from "./demo-share";

/** A contract's key figures: amounts per party and in total, actions, progress, money paid. */
export function KeyFigures({ contract }: { contract: PublicContractDetail }) {
  const paidRate = contract.fundingTotals.plannedCents > 0 ? (contract.fundingTotals.paidCents / contract.fundingTotals.plannedCents) * 100 : null;
  const item = "rounded border border-slate-200 p-2";
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <div className={`${item} border-marianne bg-marianne-light`}>
        <dt className="text-xs text-slate-800">Total contractualisé</dt>
        <dd className="tabular text-xl font-bold text-marianne">
          {formatEurosCompact(contract.totalCents)}
          <DemoShare includesDemo={contract.includesDemo} demoCents={contract.demoCents} totalCents={contract.totalCents} />
        </dd>
      </div>
      {contract.amounts.map((a) => (
        <div key={a.party} className={item}>
          <dt className="text-xs text-slate-700">{a.partyLabel}</dt>
          <dd className="tabular text-xl font-bold">
            {formatEurosCompact(a.amountCents)}
            <span className="block font-normal">
              <Provenance sourceUrl={a.sourceUrl} source={a.source} isDemo={a.isDemo} compact />
            </span>
          </dd>
        </div>
      ))}
      <div className={item}>
        <dt className="text-xs text-slate-700">Fiches action</dt>
        <dd className="tabular text-xl font-bold">
          {formatNumber(contract.actionCount)}
          <span className="block text-xs font-normal text-slate-700">dont {formatNumber(contract.doneActionCount)} réalisée{contract.doneActionCount > 1 ? "s" : ""}</span>
        </dd>
      </div>
      <div className={item}>
        <dt className="text-xs text-slate-700">Avancement moyen</dt>
        <dd className="tabular text-xl font-bold">{contract.averageProgress === null ? "—" : formatPercent(contract.averageProgress)}</dd>
      </div>
      <div className={item}>
        <dt className="text-xs text-slate-700">Versé sur prévu</dt>
        <dd className="tabular text-xl font-bold">{paidRate === null ? "—" : formatPercent(paidRate)}</dd>
      </div>
    </dl>
  );
}
