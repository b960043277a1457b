import "server-only";
import { db } from "../server/db";
import { FUNDERS, emptyStageTotals, type Funder, type FundingStage, type StageTotals } from "./schemas";

export type ContractFunding = {
  byYear: ({ year: number } & StageTotals)[];
  byFunder: ({ funder: Funder } & StageTotals)[];
  totals: StageTotals;
};

/** Ledger totals of one contract per year and per funder, each stage summed in SQL (GROUP BY). */
export async function fundingOfContract(contractId: string): Promise<ContractFunding> {
  const groups = await db().fundingLine.groupBy({
    by: ["year", "funder", "stage"],
    where: { contractId },
    _sum: { amountCents: true },
    orderBy: [{ year: "asc" }],
  });
  const byYear = new Map<number, { year: number } & StageTotals>();
  const byFunder = new Map<Funder, { funder: Funder } & StageTotals>();
  const totals = emptyStageTotals();
  for (const g of groups) {
    const amount = Number(g._sum.amountCents ?? 0n);
    const stage = g.stage as FundingStage;
    if (!byYear.has(g.year)) byYear.set(g.year, { year: g.year, ...emptyStageTotals() });
    if (!byFunder.has(g.funder)) byFunder.set(g.funder, { funder: g.funder, ...emptyStageTotals() });
    byYear.get(g.year)![stage] += amount;
    byFunder.get(g.funder)![stage] += amount;
    totals[stage] += amount;
  }
  return {
    byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
    byFunder: FUNDERS.flatMap((f) => (byFunder.has(f) ? [byFunder.get(f)!] : [])),
    totals,
  };
}
