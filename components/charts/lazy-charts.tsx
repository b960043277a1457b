"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { commitmentChartHeight, fundingChartHeight } from "./chart-sizes";
import type { CommitmentBar } from "./commitment-progress-chart";
import type { FundingYearBar } from "./funding-by-year-chart";

// The charts draw what their data table says (the table is the accessible form, and what shows without
// JavaScript). Recharts is about 100 KB compressed and most of a page's start-up work, so it is loaded and
// run only when a chart comes near the screen: the page is readable and usable sooner, on slow phones too.

const FundingByYearChart = dynamic(() => import("./funding-by-year-chart").then((m) => m.FundingByYearChart), { ssr: false });
const CommitmentProgressChart = dynamic(() => import("./commitment-progress-chart").then((m) => m.CommitmentProgressChart), { ssr: false });

/** Its place is kept (no layout shift); the chart is rendered once it is 200 px from the viewport. */
function WhenNearScreen({ height, children }: { height: number; children: React.ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={place} style={{ minHeight: height }}>
      {near ? children : null}
    </div>
  );
}

export function LazyFundingByYearChart({ data }: { data: FundingYearBar[] }) {
  return (
    <WhenNearScreen height={fundingChartHeight}>
      <FundingByYearChart data={data} />
    </WhenNearScreen>
  );
}

export function LazyCommitmentProgressChart({ data }: { data: CommitmentBar[] }) {
  return (
    <WhenNearScreen height={commitmentChartHeight(data.length)}>
      <CommitmentProgressChart data={data} />
    </WhenNearScreen>
  );
}
