import { describe, expect, it } from "vitest";
import {
  committedUnpaidAlerts,
  computeAlerts,
  countAlerts,
  indicatorOffTrackAlert,
  lateActionAlert,
  spendingGapAlert,
  staleActionAlert,
  type ActionAlertRow,
  type IndicatorAlertRow,
  type UnpaidRow,
} from "./alerts";

const today = new Date("2025-06-15T10:00:00Z");
const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString();

const action = (over: Partial<ActionAlertRow> = {}): ActionAlertRow => ({
  contractId: "c1",
  departmentCode: "77",
  contractStatus: "SIGNED",
  contractEnd: "2027-12-31",
  reference: "FA-01",
  title: "Maison des 1 000 jours",
  status: "IN_PROGRESS",
  endDate: "2025-12-31",
  updatedAt: daysAgo(1),
  ...over,
});

describe("late action", () => {
  it("fires when the end date has passed and the action is not done", () => {
    const alert = lateActionAlert(action({ endDate: "2025-06-14" }), today);
    expect(alert).toMatchObject({ kind: "late_action", departmentCode: "77", contractId: "c1", date: "2025-06-14", value: 1 });
    expect(alert?.subject).toBe("FA-01 — Maison des 1 000 jours");
  });

  it("does not fire on the end date itself, nor without an end date", () => {
    expect(lateActionAlert(action({ endDate: "2025-06-15" }), today)).toBeNull();
    expect(lateActionAlert(action({ endDate: null }), today)).toBeNull();
  });

  it("never fires for a done or abandoned action, whatever its dates", () => {
    expect(lateActionAlert(action({ endDate: "2020-01-01", status: "DONE" }), today)).toBeNull();
    expect(lateActionAlert(action({ endDate: "2020-01-01", status: "ABANDONED" }), today)).toBeNull();
    expect(lateActionAlert(action({ endDate: "2020-01-01", status: "POSTPONED" }), today)).not.toBeNull();
    expect(lateActionAlert(action({ endDate: "2020-01-01", status: "NOT_STARTED" }), today)).not.toBeNull();
  });

  it("never fires once the contract has ended: its period over, or its status ended", () => {
    const december2026 = new Date("2026-12-05T10:00:00Z");
    // A 2020-2022 contract's fiche, four years past its end date: not late any more for a reader of 2026.
    expect(lateActionAlert(action({ endDate: "2022-06-30", contractEnd: "2022-12-31" }), december2026)).toBeNull();
    expect(lateActionAlert(action({ endDate: "2022-06-30", contractEnd: "2022-12-31", contractStatus: "ENDED" }), december2026)).toBeNull();
    expect(lateActionAlert(action({ endDate: "2026-06-30", contractEnd: "2027-12-31", contractStatus: "ENDED" }), december2026)).toBeNull();
    // The running 2025-2027 contract's fiche past its end date is late, up to the contract's last day.
    expect(lateActionAlert(action({ endDate: "2026-06-30", contractEnd: "2027-12-31" }), december2026)).toMatchObject({ kind: "late_action", value: 158 });
    expect(lateActionAlert(action({ endDate: "2026-06-30", contractEnd: "2026-12-05" }), december2026)).not.toBeNull();
    expect(staleActionAlert(action({ updatedAt: "2026-01-01T00:00:00Z", contractEnd: "2026-12-04" }), december2026)).toBeNull();
  });
});

describe("no update for 90 days", () => {
  it("fires from the 90th day without an update", () => {
    expect(staleActionAlert(action({ updatedAt: daysAgo(89) }), today)).toBeNull();
    expect(staleActionAlert(action({ updatedAt: daysAgo(90) }), today)).toMatchObject({ kind: "stale_action", value: 90 });
    expect(staleActionAlert(action({ updatedAt: daysAgo(400) }), today)?.date).toBe(daysAgo(400).slice(0, 10));
  });

  it("only for open actions of a contract in force", () => {
    expect(staleActionAlert(action({ updatedAt: daysAgo(200), contractStatus: "ENDED" }), today)).toBeNull();
    expect(staleActionAlert(action({ updatedAt: daysAgo(200), contractStatus: "DRAFT" }), today)).toBeNull();
    expect(staleActionAlert(action({ updatedAt: daysAgo(200), status: "DONE" }), today)).toBeNull();
    expect(staleActionAlert(action({ updatedAt: daysAgo(200), status: "ABANDONED" }), today)).toBeNull();
  });
});

describe("committed but unpaid for more than 12 months", () => {
  const row = (over: Partial<UnpaidRow> = {}): UnpaidRow => ({ contractId: "c1", departmentCode: "77", year: 2023, funder: "STATE_P304", committedCents: 100_000_00, paidCents: 0, ...over });

  it("fires from 1 January of year + 2 (a full year after the budget year closed)", () => {
    expect(committedUnpaidAlerts([row({ year: 2023 })], new Date("2024-12-31T23:00:00Z"))).toEqual([]);
    const [alert] = committedUnpaidAlerts([row({ year: 2023 })], new Date("2025-01-01T00:00:00Z"));
    expect(alert).toMatchObject({ kind: "committed_unpaid", amountCents: 100_000_00, date: "2023-12-31", contractId: "c1" });
  });

  it("counts only what exceeds the payments, and one alert per contract", () => {
    const alerts = committedUnpaidAlerts(
      [
        row({ year: 2021, committedCents: 500_00, paidCents: 200_00 }),
        row({ year: 2022, funder: "ARS_FIR", committedCents: 300_00, paidCents: 300_00 }), // fully paid
        row({ year: 2022, funder: "DEPARTMENT", committedCents: 100_00, paidCents: 150_00 }), // overpaid: no credit
        row({ year: 2024, committedCents: 900_00, paidCents: 0 }), // too recent
        row({ contractId: "c2", departmentCode: "63", year: 2020, committedCents: 1_00, paidCents: 0 }),
      ],
      today,
    );
    expect(alerts).toHaveLength(2);
    expect(alerts.find((a) => a.contractId === "c1")).toMatchObject({ amountCents: 300_00, subject: "Années 2021" });
    expect(alerts.find((a) => a.contractId === "c2")).toMatchObject({ amountCents: 1_00, departmentCode: "63" });
  });
});

describe("spending rate below the median", () => {
  it("fires strictly beyond 10 points below the median", () => {
    expect(spendingGapAlert({ departmentCode: "77", spendingRate: 60 }, 70)).toBeNull(); // exactly 10 points
    expect(spendingGapAlert({ departmentCode: "77", spendingRate: 59.9 }, 70)).toMatchObject({ kind: "spending_gap", value: -10.1, contractId: null });
    expect(spendingGapAlert({ departmentCode: "77", spendingRate: 95 }, 70)).toBeNull();
  });

  it("stays silent when either rate is unknown", () => {
    expect(spendingGapAlert({ departmentCode: "77", spendingRate: null }, 70)).toBeNull();
    expect(spendingGapAlert({ departmentCode: "77", spendingRate: 0 }, null)).toBeNull();
  });
});

describe("indicator off track", () => {
  const indicator = (over: Partial<IndicatorAlertRow> = {}): IndicatorAlertRow => ({
    contractId: "c1",
    departmentCode: "77",
    code: "O6-I1",
    label: "Délai moyen d'évaluation des IP",
    kind: "DELAY_DAYS",
    direction: "LOWER_IS_BETTER",
    unit: "jours",
    year: 2022,
    baseline: 120,
    target: 90,
    actual: 130,
    ...over,
  });

  it("fires when the value is below target and no better than its baseline", () => {
    expect(indicatorOffTrackAlert(indicator())).toMatchObject({ kind: "indicator_off_track", date: "2022-12-31", value: 130 });
    expect(indicatorOffTrackAlert(indicator({ actual: 120 }))).not.toBeNull(); // equal to the baseline: no progress
  });

  it("does not fire when the target is met or the value improves on its baseline", () => {
    expect(indicatorOffTrackAlert(indicator({ actual: 90 }))).toBeNull();
    expect(indicatorOffTrackAlert(indicator({ actual: 100 }))).toBeNull(); // improving
    expect(indicatorOffTrackAlert(indicator({ kind: "RATE", direction: "HIGHER_IS_BETTER", unit: "%", baseline: 50, target: 70, actual: 45 }))).not.toBeNull();
  });

  it("treats milestones as reached or not, and neutral or target-less indicators as never off track", () => {
    expect(indicatorOffTrackAlert(indicator({ kind: "MILESTONE", direction: "HIGHER_IS_BETTER", unit: "oui/non", baseline: 0, target: 1, actual: 0 }))).not.toBeNull();
    expect(indicatorOffTrackAlert(indicator({ kind: "MILESTONE", direction: "HIGHER_IS_BETTER", unit: "oui/non", baseline: 0, target: 1, actual: 1 }))).toBeNull();
    expect(indicatorOffTrackAlert(indicator({ direction: "NEUTRAL" }))).toBeNull();
    expect(indicatorOffTrackAlert(indicator({ target: null }))).toBeNull();
    expect(indicatorOffTrackAlert(indicator({ actual: null }))).toBeNull();
  });
});

describe("all rules together", () => {
  it("sorts by department, then rule, and counts per department and per contract", () => {
    const alerts = computeAlerts(
      {
        actions: [action({ departmentCode: "93", endDate: "2024-01-01", updatedAt: daysAgo(100) }), action({ departmentCode: "77", endDate: "2024-01-01" })],
        unpaid: [],
        departments: [{ departmentCode: "01", spendingRate: 10 }, { departmentCode: "77", spendingRate: 80 }],
        medianSpendingRate: 75,
        indicators: [],
      },
      today,
    );
    expect(alerts.map((a) => `${a.departmentCode}:${a.kind}`)).toEqual(["01:spending_gap", "77:late_action", "93:late_action", "93:stale_action"]);
    expect(countAlerts(alerts, "departmentCode").get("93")).toBe(2);
    expect(countAlerts(alerts, "contractId").get("c1")).toBe(3);
  });
});
