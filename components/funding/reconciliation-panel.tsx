import { FUNDER_LABELS, PARTY_LABELS } from "@/lib/funding/schemas";
import type { Reconciliation } from "@/lib/funding/reconciliation";
import { StageTotalsTable } from "./stage-totals-table";

/** The ledger against the avenants (year × funder) and the signed contract (party), with what does not add up. */
export function ReconciliationPanel({ reconciliation }: { reconciliation: Reconciliation }) {
  const { warnings, byYearFunder, byParty } = reconciliation;
  const granted = new Map(byYearFunder.map((r) => [`${r.year}|${r.funder}`, r.grantedCents]));
  const contract = new Map<string, number | null>(byParty.map((r) => [r.party, r.contractCents]));
  return (
    <section aria-labelledby="rapprochement" className="space-y-4">
      <h2 id="rapprochement" className="text-xl font-semibold">
        Rapprochement avec les avenants et le contrat
      </h2>
      {warnings.length > 0 ? (
        <div role="alert" className="rounded border-l-4 border-orange-700 bg-orange-50 p-4 text-orange-950">
          <p className="font-semibold">
            {warnings.length === 1 ? "1 écart à vérifier" : `${warnings.length} écarts à vérifier`}
          </p>
          <ul className="mt-2 list-inside list-disc space-y-1">
            {warnings.map((w) => (
              <li key={`${w.kind}-${w.year}-${w.funder}-${w.party}-${w.actionId}-${w.stage}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Aucun écart : les montants prévus et notifiés restent dans les avenants et le contrat, et le versé ne dépasse pas l&apos;engagé.
        </p>
      )}
      <StageTotalsTable
        caption="Lignes du plan de financement par année et par financeur, comparées au montant de l'avenant de l'année"
        firstColumn="Année — financeur"
        extra={{ label: "Avenant", value: (key) => granted.get(key) ?? null }}
        rows={byYearFunder.map((r) => ({ ...r, key: `${r.year}|${r.funder}`, label: `${r.year} — ${FUNDER_LABELS[r.funder]}` }))}
      />
      <StageTotalsTable
        caption="Lignes du plan de financement par partie sur toute la durée, comparées au montant du contrat signé"
        firstColumn="Partie"
        extra={{ label: "Contrat", value: (key) => contract.get(key) ?? null }}
        rows={byParty.map((r) => ({ ...r, key: r.party, label: PARTY_LABELS[r.party] }))}
      />
    </section>
  );
}
