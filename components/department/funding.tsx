import { ChartFigure, DataTable } from "@/components/charts/chart-figure";
import { centsCell } from "@/lib/core/csv";
import { LazyFundingByYearChart } from "@/components/charts/lazy-charts";
import { ApiDownloads } from "@/components/opendata/api-downloads";
import type { PublicContractDetail, StageAmounts } from "@/lib/opendata/schemas";
import { formatEuros, formatPercent } from "@/lib/core/format";

/** What the column says: versé ÷ notifié (nothing notified yet: no rate). */
export const paidOverNotified = (t: StageAmounts) => (t.notifiedCents > 0 ? formatPercent((t.paidCents / t.notifiedCents) * 100) : "—");
const cells = (t: StageAmounts) => [formatEuros(t.plannedCents), formatEuros(t.notifiedCents), formatEuros(t.committedCents), formatEuros(t.paidCents), paidOverNotified(t)];

const COLUMNS = [
  { label: "Prévu", numeric: true },
  { label: "Notifié", numeric: true },
  { label: "Engagé", numeric: true },
  { label: "Versé", numeric: true },
  { label: "Taux de versement (versé ÷ notifié)", numeric: true },
];

export function FundingSection({ departmentCode, contract }: { departmentCode: string; contract: PublicContractDetail }) {
  const totals = contract.fundingTotals;
  return (
    <div className="space-y-6">
      <ChartFigure
        title="Prévu et versé par année"
        chart={<LazyFundingByYearChart data={contract.fundingByYear.map((y) => ({ year: String(y.year), planned: y.plannedCents / 100, paid: y.paidCents / 100 }))} />}
        table={{
          caption: "Financements du contrat par année et par étape (prévu, notifié, engagé, versé)",
          columns: [{ label: "Année" }, ...COLUMNS],
          rows: [
            ...contract.fundingByYear.map((y) => ({ key: String(y.year), cells: [String(y.year), ...cells(y)] })),
            { key: "total", cells: [<strong key="t">Total</strong>, ...cells(totals)] },
          ],
          csv: {
            filename: `financements-par-annee-${departmentCode}.csv`,
            header: ["annee", "prevu_eur", "notifie_eur", "engage_eur", "verse_eur"],
            rows: contract.fundingByYear.map((y) => [y.year, centsCell(y.plannedCents), centsCell(y.notifiedCents), centsCell(y.committedCents), centsCell(y.paidCents)]),
          },
        }}
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-lg font-semibold">Financements par financeur</h3>
        <DataTable
          table={{
            caption: "Financements du contrat par financeur et par étape",
            columns: [{ label: "Financeur" }, ...COLUMNS],
            rows: contract.fundingByFunder.map((f) => ({ key: f.funder, cells: [f.funderLabel, ...cells(f)] })),
          }}
        />
        <p className="mt-2 text-xs text-slate-700">
          Lignes du plan de financement par fiche action. Répartition annuelle et étapes : données de démonstration.
        </p>
        <div className="mt-3">
          <ApiDownloads resource="financements" label="Financements par financeur, année et étape" query={{ departement: departmentCode, contrat: contract.id }} />
        </div>
      </div>
    </div>
  );
}
