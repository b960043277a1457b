import { describe, expect, it } from "vitest";
import { daysUntil, defaultReportDueOn, isOverdue, reminderDue } from "./due-dates";
import { buildCalendar, escapeText, foldLine } from "./ics";
import { buildReportSnapshot, diffSnapshots, indicatorDisplay, type SnapshotInput } from "./snapshot";
import { escapeHtml, reportCsv } from "./document";
import { currentRound, nextStepText, partiesToAct, reportSteps, statusAfterDecision, toActCell } from "./workflow";

const input = (over: Partial<SnapshotInput> = {}): SnapshotInput => ({
  year: 2021,
  takenAt: new Date("2022-03-01T10:00:00Z"),
  department: { code: "77", name: "Seine-et-Marne", regionName: "Île-de-France" },
  contract: { id: "c", frameworkCode: "2020-2022", wave: 2020, periodStart: "2020-01-01", periodEnd: "2022-12-31" },
  actions: [
    { reference: "FA-10", title: "Dix", status: "IN_PROGRESS", progress: 50, endDate: "2021-06-30" },
    { reference: "FA-02", title: "Deux", status: "DONE", progress: 100, endDate: "2021-06-30" },
  ],
  funding: [
    { funder: "STATE_P304", stage: "PAID", amountCents: 100_00 },
    { funder: "ARS_FIR", stage: "PAID", amountCents: 50_00 },
    { funder: "STATE_P304", stage: "NOTIFIED", amountCents: 200_00 },
  ],
  indicators: [{ code: "I1", label: "Taux", unit: "%", baseline: 10, target: 50, actual: 40 }],
  context: null,
  ...over,
});

describe("report snapshot", () => {
  it("orders actions naturally, counts statuses, sums funder × stage and judges lateness at the year's end", () => {
    const s = buildReportSnapshot(input());
    expect(s.actions.map((a) => a.reference)).toEqual(["FA-02", "FA-10"]);
    expect(s.actions[1].isLate).toBe(true);
    expect(s.actionCounts.DONE).toBe(1);
    expect(s.fundingTotals).toEqual({ PLANNED: 0, NOTIFIED: 200_00, COMMITTED: 0, PAID: 150_00 });
    expect(s.funding.map((f) => f.funder)).toEqual(["STATE_P304", "ARS_FIR"]);
  });

  it("lists what changed since the previous adopted report", () => {
    const before = buildReportSnapshot(input());
    const after = buildReportSnapshot(input({ year: 2022, actions: [{ reference: "FA-10", title: "Dix", status: "DONE", progress: 100, endDate: null }], funding: [{ funder: "STATE_P304", stage: "PAID", amountCents: 400_00 }], indicators: [{ code: "I1", label: "Taux", unit: "%", baseline: 10, target: 50, actual: 55 }] }));
    const diff = diffSnapshots(before, after);
    expect(diff.actions).toEqual([
      { reference: "FA-02", title: "Deux", before: { status: "DONE", progress: 100 }, after: null },
      { reference: "FA-10", title: "Dix", before: { status: "IN_PROGRESS", progress: 50 }, after: { status: "DONE", progress: 100 } },
    ]);
    expect(diff.fundingTotals.PAID).toBe(250_00);
    expect(diff.indicators).toEqual([{ code: "I1", label: "Taux", unit: "%", before: 40, after: 55 }]);
  });

  it("writes CSV and HTML safely", () => {
    const s = buildReportSnapshot(input({ actions: [{ reference: "FA-01", title: 'Dit "oui", non', status: "DONE", progress: 100, endDate: null }] }));
    expect(reportCsv(s)).toContain('actions,FA-01,"Dit ""oui"", non",statut,DONE');
    expect(escapeHtml(`<b a="1">&'`)).toBe("&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
  });
});

describe("workflow", () => {
  const t0 = new Date("2022-01-01T00:00:00Z");
  const later = new Date("2022-01-02T00:00:00Z");
  it("says who must act", () => {
    expect(partiesToAct("DRAFT", [])).toEqual(["DEPARTMENT"]);
    expect(partiesToAct("SENT_BACK", [])).toEqual(["DEPARTMENT"]);
    expect(partiesToAct("SUBMITTED", [{ party: "ARS", decision: "APPROVED", createdAt: later }])).toEqual(["STATE"]);
    expect(partiesToAct("ADOPTED", [])).toEqual([]);
  });
  it("adopts on the second approval only, sends back on any refusal, and ignores earlier rounds", () => {
    expect(statusAfterDecision([], "STATE", "APPROVED")).toBe("SUBMITTED");
    expect(statusAfterDecision([{ party: "ARS", decision: "APPROVED", createdAt: later }], "STATE", "APPROVED")).toBe("ADOPTED");
    expect(statusAfterDecision([{ party: "ARS", decision: "APPROVED", createdAt: later }], "STATE", "SENT_BACK")).toBe("SENT_BACK");
    expect(currentRound([{ party: "ARS", decision: "APPROVED", createdAt: t0 }], later)).toEqual([]);
  });
});

describe("where a report stands, in words", () => {
  it("names who must act, in a sentence and in a table cell", () => {
    expect(nextStepText("SUBMITTED", ["STATE", "ARS"])).toBe("En attente de la décision de l'État et de l'ARS.");
    expect(nextStepText("SUBMITTED", ["ARS"])).toBe("En attente de la décision de l'ARS.");
    expect(nextStepText("DRAFT", ["DEPARTMENT"])).toBe("Au département de rédiger le rapport, puis de le soumettre à l'État et à l'ARS.");
    expect(nextStepText("ADOPTED", [])).toBe("Adopté par les trois signataires : plus aucune action attendue.");
    expect(toActCell(["STATE", "ARS"])).toBe("État et ARS");
    expect(toActCell([])).toBe("—");
  });
  it("marks each step done, current or to come", () => {
    const states = (status: Parameters<typeof reportSteps>[0], toAct: Parameters<typeof reportSteps>[1]) => reportSteps(status, toAct).map((s) => s.state);
    expect(states("DRAFT", ["DEPARTMENT"])).toEqual(["current", "upcoming", "upcoming", "upcoming"]);
    expect(states("SUBMITTED", ["STATE"])).toEqual(["done", "current", "done", "upcoming"]);
    expect(states("SENT_BACK", ["DEPARTMENT"])).toEqual(["current", "upcoming", "upcoming", "upcoming"]);
    expect(states("ADOPTED", [])).toEqual(["done", "done", "done", "done"]);
  });
  it("reads indicator values as the indicators page does, with the target's verdict", () => {
    const milestone = indicatorDisplay({ unit: "oui/non", kind: "MILESTONE", direction: "HIGHER_IS_BETTER", baseline: 0, target: 1, actual: 1 });
    expect([milestone.format(1), milestone.format(0), milestone.status]).toEqual(["Oui", "Non", "met"]);
    expect(indicatorDisplay({ unit: "nombre" }).format(1200)).toBe("1\u202f200");
    expect(indicatorDisplay({ unit: "%" }).format(72.5)).toBe("72,5\u00a0%"); // a snapshot taken before kinds were stored
    expect(indicatorDisplay({ unit: "%" }).status).toBeNull();
  });
});

describe("deadlines", () => {
  it("defaults to 30 June of the next year and flags overdue ones", () => {
    expect(defaultReportDueOn(2023).toISOString().slice(0, 10)).toBe("2024-06-30");
    expect(isOverdue("2024-06-30", false, new Date("2024-07-01T08:00:00Z"))).toBe(true);
    expect(isOverdue("2024-06-30", false, new Date("2024-06-30T22:00:00Z"))).toBe(false);
    expect(isOverdue("2024-06-30", true, new Date("2025-01-01"))).toBe(false);
  });
  it("sends the 30-, 7- and 1-day reminders, never two at once", () => {
    expect(daysUntil(new Date("2024-06-30"), new Date("2024-05-31T23:00:00Z"))).toBe(30);
    expect([31, 30, 12, 7, 5, 1, 0, -1].map(reminderDue)).toEqual([null, 30, 30, 7, 7, 1, 1, null]);
  });
});

describe("iCalendar", () => {
  it("escapes TEXT and folds lines at 75 octets without splitting a character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"é".repeat(80)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"é".repeat(80)}`);
  });
  it("writes one all-day VEVENT per deadline", () => {
    const ics = buildCalendar("Échéances", [{ uid: "a@t", date: "2024-06-30", summary: "Rapport, 2023" }], new Date("2024-01-01T00:00:00Z"));
    expect(ics).toContain("BEGIN:VEVENT\r\nUID:a@t\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240630\r\nDTEND;VALUE=DATE:20240701\r\nSUMMARY:Rapport\\, 2023");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
