import { describe, expect, it } from "vitest";
import { PUBLIC_VIEWER, getDepartmentDashboard, getNationalTotals, listContractSummaries } from "../../lib/contracts/queries";
import { db } from "../../lib/server/db";
import { createContract } from "../factories/contracts";

const euros = (n: number) => n * 100;

/** A department's 2020-2022-framework contract: an earlier contract since the 2025-2027 one runs. */
async function earlierDashboard(code: string) {
  const earlier = await db().contract.findFirstOrThrow({ where: { departmentCode: code, framework: { code: "2020-2022" } } });
  return getDepartmentDashboard(PUBLIC_VIEWER, code, earlier.id);
}

describe("the demo departments' running contracts", () => {
  it.each(["77", "63", "04", "03", "59", "71", "10"])("%s shows its 2025-2027 contract first, in progress, and the 2020-2022 one as an earlier contract", async (code) => {
    const dashboard = (await getDepartmentDashboard(PUBLIC_VIEWER, code))!;
    expect(dashboard.contract).toMatchObject({ frameworkCode: "2025-2027", status: "SIGNED", periodStart: "2025-01-01", periodEnd: "2027-12-31", isDemo: true });
    expect(dashboard.otherContracts).toEqual([expect.objectContaining({ wave: code === "10" ? 2022 : 2020, status: "ENDED", frameworkName: expect.stringContaining("2020") })]);
    const statuses = new Set(dashboard.contract!.actions.map((a) => a.status));
    expect([...statuses].sort()).toEqual(["DONE", "IN_PROGRESS", "NOT_STARTED", "POSTPONED"]);
    expect(dashboard.contract!.actions.filter((a) => a.isLate).map((a) => a.reference)).toContain("FA-03");
  });
});

describe("Seine-et-Marne (77)", () => {
  it("shows the signed contract with the amounts of its article", async () => {
    const dashboard = await earlierDashboard("77");
    const contract = dashboard!.contract!;
    expect(contract.signedOn).toBe("2020-09-28");
    // No stored source names the place of signature: not shown rather than guessed.
    expect(contract.signedPlace).toBeNull();
    expect(Object.fromEntries(contract.amounts.map((a) => [a.party, a.amountCents]))).toEqual({
      STATE: euros(8_400_000),
      ARS: euros(4_300_000),
      DEPARTMENT: euros(15_400_000),
    });
    expect(contract.totalCents).toBe(euros(28_100_000));
    expect(contract.amounts.every((a) => a.sourceUrl?.startsWith("https://seine-et-marne.fr/"))).toBe(true);
    expect(contract.actions.map((a) => a.title)).toEqual(
      expect.arrayContaining([
        "Maison des 1 000 jours",
        "Appel à projets AEMO",
        "Équipe mobile de travailleurs sociaux pour les enfants en situation de handicap",
        "Cabines de télémédecine pour les bilans de santé des plus de 14 ans",
        "Nouvelles modalités de bilans de santé pour les plus jeunes",
      ]),
    );
  });

  it("shows funding totals equal to the sums of its ledger rows", async () => {
    const contract = (await earlierDashboard("77"))!.contract!;
    const lines = await db().fundingLine.findMany({ where: { contractId: contract.id } });
    expect(lines.length).toBeGreaterThan(0);
    for (const stage of ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"] as const) {
      const sum = lines.filter((l) => l.stage === stage).reduce((s, l) => s + Number(l.amountCents), 0);
      expect(contract.fundingTotals[stage]).toBe(sum);
      expect(contract.fundingByYear.reduce((s, y) => s + y[stage], 0)).toBe(sum);
      expect(contract.fundingByFunder.reduce((s, f) => s + f[stage], 0)).toBe(sum);
    }
    // The planned ledger adds up to what the contract states, to the cent.
    expect(contract.fundingTotals.PLANNED).toBe(contract.totalCents);
  });

  it("computes the commitments' progress from the actions", async () => {
    const contract = (await earlierDashboard("77"))!.contract!;
    const e1 = contract.commitments.find((c) => c.code === "E1")!;
    const e1Actions = contract.actions.filter((a) => a.objectiveCode === "O1");
    expect(e1.actionCount).toBe(e1Actions.length);
    expect(contract.commitments.reduce((s, c) => s + c.actionCount, 0)).toBe(contract.actions.length);
  });

  it("flags late actions from their dates, not from a typed status", async () => {
    const contract = (await earlierDashboard("77"))!.contract!;
    const late = contract.actions.filter((a) => a.isLate).map((a) => a.reference);
    expect(late).toContain("FA-03"); // in progress, ended 31/12/2022
    expect(late).not.toContain("FA-01"); // done
  });
});

describe("Puy-de-Dôme (63)", () => {
  it("shows the State's 1.6 M€, the PMI bus and the sourced context figure, nothing a source does not state", async () => {
    const dashboard = (await earlierDashboard("63"))!;
    const state = dashboard.contract!.amounts.find((a) => a.party === "STATE")!;
    expect(state.amountCents).toBe(euros(1_600_000));
    expect(state.isDemo).toBe(false);
    expect(dashboard.contract!.actions.some((a) => a.title.includes("Bus itinérant de la PMI"))).toBe(true);
    const byYear = Object.fromEntries(dashboard.contextFigures.map((f) => [f.year, f]));
    expect(Object.keys(byYear)).toEqual(["2020"]);
    expect(byYear[2020]).toMatchObject({ childProtectionBudgetCents: euros(72_000_000), childrenFollowedByAse: null, isDemo: false });
    expect(byYear[2020].sourceUrl).toMatch(/^https:\/\/www\.puy-de-dome\.fr\//);
  });
});

describe("visibility and national totals", () => {
  it("returns nothing for an unknown department code", async () => {
    expect(await getDepartmentDashboard(PUBLIC_VIEWER, "999")).toBeNull();
  });

  it("never shows a contract in preparation to the public", async () => {
    await createContract(db(), { departmentCode: "2A", status: "DRAFT" });
    const dashboard = await getDepartmentDashboard(PUBLIC_VIEWER, "2A");
    expect(dashboard!.contract).toBeNull();
    const list = await listContractSummaries(PUBLIC_VIEWER);
    expect(list.some((c) => c.departmentCode === "2A")).toBe(false);
  });

  it("adds up the national totals from the contracts listed", async () => {
    await createContract(db(), { departmentCode: "2B", status: "SIGNED" });
    const [list, totals] = await Promise.all([listContractSummaries(PUBLIC_VIEWER), getNationalTotals(PUBLIC_VIEWER)]);
    expect(totals.contractCount).toBe(list.length);
    expect(totals.totalCents).toBe(list.reduce((s, c) => s + c.totalCents, 0));
    for (const party of ["STATE", "ARS", "DEPARTMENT"] as const) {
      const sum = list.reduce((s, c) => s + (c.amounts.find((a) => a.party === party)?.amountCents ?? 0), 0);
      expect(totals.byParty.find((p) => p.party === party)?.amountCents).toBe(sum);
    }
  });
});
