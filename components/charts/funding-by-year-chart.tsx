"use client";

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";
import { fundingChartHeight } from "./chart-sizes";

export type FundingYearBar = { year: string; planned: number; paid: number };

const axisEuros = (euros: number) =>
  euros >= 1_000_000
    ? `${(euros / 1_000_000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} M€`
    : `${(euros / 1_000).toLocaleString("fr-FR", { maximumFractionDigits: 0 })} k€`;

/** Planned against paid, per year, in euros. The data table beside it is the accessible form. */
export function FundingByYearChart({ data }: { data: FundingYearBar[] }) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
      style={{ width: "100%", height: fundingChartHeight }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="year" tick={{ fontSize: 12, fill: "#334155" }} />
      <YAxis tickFormatter={axisEuros} width={64} tick={{ fontSize: 12, fill: "#334155" }} />
      <Legend formatter={(value) => <span className="text-sm text-slate-800">{value}</span>} />
      <Bar dataKey="planned" name="Prévu" fill="#6a6af4" isAnimationActive={false} />
      <Bar dataKey="paid" name="Versé" fill="#000091" isAnimationActive={false} />
    </BarChart>
  );
}
