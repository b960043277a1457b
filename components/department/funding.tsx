import { DataTable } from "@/components/charts/chart-figure";
import { ApiDownloads } from "@/components/opendata/api-downloads";
import type { PublicContractDetail } from "@/lib/opendata/schemas";
import { FundingByYearFigure } from "./funding-by-year-figure";
import { STAGE_COLUMNS, stageCells } from "./stage-cells";

export function FundingSection({ departmentCode, contract }: { departmentCode: string; contract: PublicContractDetail }) {
  const totals = contract.fundingTotals;
  return (
    <div className="space-y-6">
      <FundingByYearFigure departmentCode={departmentCode} years={contract.fundingByYear} totals={totals} />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-lg font-semibold">Financements par financeur</h3>
        <DataTable
          table={{
            caption: "Financements du contrat par financeur et par étape",
            columns: [{ label: "Financeur" }, ...STAGE_COLUMNS],
            rows: contract.fundingByFunder.map((f) => ({ key: f.funder, cells: [f.funderLabel, ...stageCells(f)] })),
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
