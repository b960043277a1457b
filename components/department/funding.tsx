import { ChartFigure, DataTable } from "@/components/charts/chart-figure";
import { centsToCsv } from "@/components/charts/csv";
import { FundingByYearChart } from "@/components/charts/funding-by-year-chart";
import type { ContractDetail } from "@/lib/contracts/schemas";
import { FUNDER_LABELS, spendingRate } from "@/lib/funding/schemas";
import { formatEuros, formatPercent } from "@/lib/format";

export function FundingSection({ departmentCode, contract }: { departmentCode: string; contract: ContractDetail }) {
  const rate = (t: { PLANNED: number; PAID: number; NOTIFIED: number; COMMITTED: number }) => {
    const r = spendingRate(t);
    return r === null ? "—" : formatPercent(r);
  };
  const totals = contract.fundingTotals;
  return (
    <div className="space-y-6">
      <ChartFigure
        title="Prévu et versé par année"
        chart={<FundingByYearChart data={contract.fundingByYear.map((y) => ({ year: String(y.year), planned: y.PLANNED / 100, paid: y.PAID / 100 }))} />}
        table={{
          caption: "Financements du contrat par année et par étape (prévu, notifié, engagé, versé)",
          columns: [
            { label: "Année" },
            { label: "Prévu", numeric: true },
            { label: "Notifié", numeric: true },
            { label: "Engagé", numeric: true },
            { label: "Versé", numeric: true },
            { label: "Taux de versement", numeric: true },
          ],
          rows: [
            ...contract.fundingByYear.map((y) => ({
              key: String(y.year),
              cells: [String(y.year), formatEuros(y.PLANNED), formatEuros(y.NOTIFIED), formatEuros(y.COMMITTED), formatEuros(y.PAID), rate(y)],
            })),
            {
              key: "total",
              cells: [<strong key="t">Total</strong>, formatEuros(totals.PLANNED), formatEuros(totals.NOTIFIED), formatEuros(totals.COMMITTED), formatEuros(totals.PAID), rate(totals)],
            },
          ],
          csv: {
            filename: `financements-par-annee-${departmentCode}.csv`,
            header: ["annee", "prevu_eur", "notifie_eur", "engage_eur", "verse_eur"],
            rows: contract.fundingByYear.map((y) => [y.year, centsToCsv(y.PLANNED), centsToCsv(y.NOTIFIED), centsToCsv(y.COMMITTED), centsToCsv(y.PAID)]),
          },
        }}
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-lg font-semibold">Financements par financeur</h3>
        <DataTable
          table={{
            caption: "Financements du contrat par financeur et par étape",
            columns: [
              { label: "Financeur" },
              { label: "Prévu", numeric: true },
              { label: "Notifié", numeric: true },
              { label: "Engagé", numeric: true },
              { label: "Versé", numeric: true },
              { label: "Taux de versement", numeric: true },
            ],
            rows: contract.fundingByFunder.map((f) => ({
              key: f.funder,
              cells: [FUNDER_LABELS[f.funder], formatEuros(f.PLANNED), formatEuros(f.NOTIFIED), formatEuros(f.COMMITTED), formatEuros(f.PAID), rate(f)],
            })),
          }}
        />
        <p className="mt-2 text-xs text-slate-700">
          Lignes du plan de financement par fiche action. Répartition annuelle et étapes : données de démonstration.
        </p>
      </div>
    </div>
  );
}
