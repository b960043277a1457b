"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { commitmentChartHeight } from "./chart-sizes";

export type CommitmentBar = { code: string; label: string; averageProgress: number };

/** Average progress of the actions of each commitment (0-100 %). The data table beside it is the accessible form. */
export function CommitmentProgressChart({ data }: { data: CommitmentBar[] }) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
      style={{ width: "100%", height: commitmentChartHeight(data.length) }}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12, fill: "#334155" }} />
      <YAxis type="category" dataKey="code" width={40} tick={{ fontSize: 12, fill: "#334155" }} />
      <Bar dataKey="averageProgress" fill="#000091" radius={[0, 3, 3, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
