import { describe, expect, it } from "vitest";
import type { OversightContractRow } from "./schemas";
import { sortContracts } from "./sort";

const row = (departmentCode: string, spendingRate: number | null, regionName = "Île-de-France"): OversightContractRow => ({
  contractId: departmentCode,
  departmentCode,
  departmentName: departmentCode,
  regionCode: "11",
  regionName,
  frameworkCode: "2020-2022",
  wave: 2020,
  status: "SIGNED",
  periodStart: "2020-01-01",
  periodEnd: "2022-12-31",
  actionCount: 0,
  doneCount: 0,
  lateCount: 0,
  lateShare: null,
  averageProgress: null,
  funding: { PLANNED: 0, NOTIFIED: 0, COMMITTED: 0, PAID: 0 },
  demoFunding: { PLANNED: 0, NOTIFIED: 0, COMMITTED: 0, PAID: 0 },
  spendingRate,
  commitments: [],
  alertCount: 0,
});

describe("sortContracts", () => {
  it("sorts numbers both ways, unknown values last either way", () => {
    const rows = [row("77", 50), row("75", null), row("93", 80), row("2A", 10)];
    expect(sortContracts(rows, "taux", "asc").map((r) => r.departmentCode)).toEqual(["2A", "77", "93", "75"]);
    expect(sortContracts(rows, "taux", "desc").map((r) => r.departmentCode)).toEqual(["93", "77", "2A", "75"]);
  });

  it("sorts INSEE codes as text with numbers in order (2A, 2B between 19 and 21)", () => {
    const rows = [row("21", 0), row("2B", 0), row("19", 0), row("2A", 0), row("971", 0), row("01", 0)];
    expect(sortContracts(rows, "departement", "asc").map((r) => r.departmentCode)).toEqual(["01", "19", "2A", "2B", "21", "971"]);
  });

  it("puts codes that are not INSEE numbers after the INSEE ones, by their digits", () => {
    const rows = [row("X0002", 0), row("971", 0), row("X0001", 0), row("01", 0)];
    expect(sortContracts(rows, "departement", "asc").map((r) => r.departmentCode)).toEqual(["01", "971", "X0001", "X0002"]);
  });
});
