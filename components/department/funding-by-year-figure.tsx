"use client";
// The « Prévu et versé par année » figure from one dataset, the years' amounts: the chart, its data table and its
// CSV are drawn from it in this client component, so the page's RSC payload carries those figures once (as a
// server component, the table's tree, the chart's data and the CSV rows were three copies of them).
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyFundingByYearChart } from "@/components/charts/lazy-charts";
import { centsCell } from "@/lib/core/csv";
import type { StageAmounts } from "@/lib/opendata/schemas";
import { STAGE_COLUMNS, stageCells } from "./stage-cells";

export function FundingByYearFigure({ departmentCode, years, totals }: { departmentCode: string; years: (StageAmounts & { year: number })[]; totals: StageAmounts }) {
  return (
    <ChartFigure
      title="Prévu et versé par année"
      chart={<LazyFundingByYearChart data={years.map((y) => ({ year: String(y.year), planned: y.plannedCents / 100, paid: y.paidCents / 100 }))} />}
      table={{
        caption: "Financements du contrat par année et par étape (prévu, notifié, engagé, versé)",
        columns: [{ label: "Année" }, ...STAGE_COLUMNS],
        rows: [
          ...years.map((y) => ({ key: String(y.year), cells: [String(y.year), ...stageCells(y)] })),
          { key: "total", cells: [<strong key="t">Total</strong>, ...stageCells(totals)] },
        ],
        csv: {
          filename: `financements-par-annee-${departmentCode}.csv`,
          header: ["annee", "prevu_eur", "notifie_eur", "engage_eur", "verse_eur"],
          rows: years.map((y) => [y.year, centsCell(y.plannedCents), centsCell(y.notifiedCents), centsCell(y.committedCents), centsCell(y.paidCents)]),
        },
      }}
    />
  );
}
