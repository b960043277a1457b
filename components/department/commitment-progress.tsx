"use client";
// A client component so that the page's RSC payload carries the commitments once (the rows below), from which
// the chart, its data table and its CSV are all drawn: as a server component, the table's rendered tree and the
// chart's and CSV's own copies of the same figures were sent beside each other.
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyCommitmentProgressChart } from "@/components/charts/lazy-charts";
import type { CommitmentProgress } from "@/lib/opendata/schemas";
import { formatDecimal, formatNumber } from "@/lib/core/format";

export function CommitmentProgressSection({ departmentCode, commitments }: { departmentCode: string; commitments: CommitmentProgress[] }) {
  const percent = (v: number | null) => (v === null ? "—" : `${formatDecimal(v)} %`);
  return (
    <ChartFigure
      title="Avancement moyen des fiches action, en %"
      chart={
        <LazyCommitmentProgressChart
          data={commitments.map((c) => ({ code: c.code, label: c.title, averageProgress: Math.round((c.averageProgress ?? 0) * 10) / 10 }))}
        />
      }
      table={{
        caption: "Avancement moyen des fiches action par engagement du cadre national",
        columns: [{ label: "Engagement" }, { label: "Fiches action", numeric: true }, { label: "Réalisées", numeric: true }, { label: "Avancement moyen", numeric: true }],
        rows: commitments.map((c) => ({
          key: c.code,
          cells: [
            <span key="t">
              <strong>{c.code}</strong> — {c.title}
              {c.isCrossCutting ? " (transversal)" : ""}
            </span>,
            formatNumber(c.actionCount),
            formatNumber(c.doneCount),
            percent(c.averageProgress),
          ],
        })),
        csv: {
          filename: `avancement-engagements-${departmentCode}.csv`,
          header: ["code_engagement", "engagement", "fiches_action", "realisees", "avancement_moyen_pct"],
          rows: commitments.map((c) => [c.code, c.title, c.actionCount, c.doneCount, c.averageProgress === null ? null : Math.round(c.averageProgress * 10) / 10]),
        },
      }}
    />
  );
}
