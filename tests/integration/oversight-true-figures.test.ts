// The oversight views say what their figures are made of: a total that adds up demo amounts carries its
// demo share (page, CSV), and the alerts of a reader in December 2026 are those of the running
// 2025-2027 contracts, not of the 2020-2022 ones whose period ended four years ago.
import { describe, expect, it } from "vitest";
import { FUNDING_STAGES } from "../../lib/funding/schemas";
import { buildExport, tableToCsv } from "../../lib/oversight/exports";
import { getOversightView } from "../../lib/oversight/queries";
import { NO_FILTERS } from "../../lib/oversight/schemas";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";
import { parseCsv } from "../support/csv";

const COLUMN = { NOTIFIED: "dont_demo_notifie_eur", COMMITTED: "dont_demo_engage_eur", PAID: "dont_demo_verse_eur", PLANNED: "dont_demo_prevu_eur" } as const;

describe("demo amounts in the oversight views", () => {
  it("the totals, each contract, each funder and the CSV carry the part of each amount that comes from demo lines", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    const demo = await db().fundingLine.groupBy({ by: ["stage"], where: { isDemo: true }, _sum: { amountCents: true } });
    const sourced = await db().fundingLine.groupBy({ by: ["stage"], where: { isDemo: false }, _sum: { amountCents: true } });
    for (const stage of FUNDING_STAGES) {
      const demoCents = Number(demo.find((d) => d.stage === stage)?._sum.amountCents ?? 0);
      expect(view.totals.demoFunding[stage]).toBe(demoCents);
      expect(view.totals.funding[stage] - view.totals.demoFunding[stage]).toBe(Number(sourced.find((d) => d.stage === stage)?._sum.amountCents ?? 0));
      expect(view.funders.reduce((s, f) => s + f.demo[stage], 0)).toBe(demoCents);
      expect(view.departments.reduce((s, d) => s + d.demoFunding[stage], 0)).toBe(demoCents);
    }
    // The demo data makes up some of the notified total: the page says « dont … de démonstration ».
    expect(view.totals.demoFunding.NOTIFIED).toBeGreaterThan(0);

    const demoContract = view.contracts.find((c) => c.demoFunding.NOTIFIED > 0)!;
    const lines = await db().fundingLine.groupBy({ by: ["stage"], where: { contractId: demoContract.contractId, isDemo: true }, _sum: { amountCents: true } });
    for (const l of lines) expect(demoContract.demoFunding[l.stage]).toBe(Number(l._sum.amountCents));

    for (const table of ["contrats", "departements", "financeurs"]) {
      const result = await buildExport(national, table, new URLSearchParams({ portee: "national" }));
      if (!result.ok) throw new Error(result.message);
      const [header, ...rows] = parseCsv(tableToCsv(result.table));
      for (const stage of FUNDING_STAGES) {
        const sum = rows.reduce((s, r) => s + Math.round(Number(r[header.indexOf(COLUMN[stage])]) * 100), 0);
        expect(sum).toBe(view.totals.demoFunding[stage]);
      }
    }
  });
});

describe("late fiches action, as a reader sees them in December 2026", () => {
  it("come from running contracts only: none from a contract whose period ended, some from the 2025-2027 ones", async () => {
    const december2026 = new Date("2026-12-05T12:00:00Z");
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS, december2026))!;
    const contracts = new Map(view.contracts.map((c) => [c.contractId, c]));
    const late = view.alerts.filter((a) => a.kind === "late_action" || a.kind === "stale_action");
    expect(late.length).toBeGreaterThan(0);
    for (const a of late) {
      const c = contracts.get(a.contractId!)!;
      expect(c.status).not.toBe("ENDED");
      expect(c.periodEnd >= "2026-12-05").toBe(true);
    }
    expect(late.some((a) => contracts.get(a.contractId!)!.frameworkCode === "2025-2027")).toBe(true);

    // The 2020-2022 contracts do hold fiches past their end date and not done: they raise nothing.
    const ended = view.contracts.filter((c) => c.periodEnd < "2026-12-05");
    const overdueInEnded = await db().action.count({
      where: { contractId: { in: ended.map((c) => c.contractId) }, archivedAt: null, status: { notIn: ["DONE", "ABANDONED"] }, endDate: { lt: december2026 } },
    });
    expect(overdueInEnded).toBeGreaterThan(0);
    expect(view.alerts.filter((a) => a.contractId && ended.some((c) => c.contractId === a.contractId) && a.kind === "late_action")).toEqual([]);
  });
});
