// Chart heights, shared by the charts and the places kept for them before they load (lazy-charts.tsx).
export const fundingChartHeight = 280;
export const commitmentChartHeight = (bars: number) => Math.max(160, bars * 44);
