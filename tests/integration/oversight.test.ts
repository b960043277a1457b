import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDepartmentDashboard } from "../../lib/contracts/queries";
import { FUNDING_STAGES, emptyStageTotals } from "../../lib/funding/schemas";
import { buildExport, tableToCsv, tableToXlsx } from "../../lib/oversight/exports";
import { getOversightView, listDepartmentAlerts } from "../../lib/oversight/queries";
import { NO_FILTERS, round1 } from "../../lib/oversight/schemas";
import { PUBLIC_VIEWER } from "../../lib/server/authz";
import { db } from "../../lib/server/db";
import { createContract } from "../factories/contracts";
import { signedInViewer } from "../factories/users";
import { parseCsv } from "../support/csv";

const IDF = new Set(["75", "77", "78", "91", "92", "93", "94", "95"]);
const thisYear = new Date().getUTCFullYear();

describe("national view", () => {
  it("adds up to the department pages, contract by contract and in total", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    expect(view.contracts.length).toBeGreaterThanOrEqual(7);
    expect(view.departments).toHaveLength(101);
    const sums = emptyStageTotals();
    let actions = 0;
    let late = 0;
    for (const row of view.contracts) {
      const contract = (await getDepartmentDashboard(national, row.departmentCode, row.contractId))!.contract!;
      expect(contract.id).toBe(row.contractId);
      for (const stage of FUNDING_STAGES) {
        expect(row.funding[stage]).toBe(contract.fundingTotals[stage]);
        sums[stage] += contract.fundingTotals[stage];
      }
      expect(row.actionCount).toBe(contract.actions.length);
      expect(row.lateCount).toBe(contract.actions.filter((a) => a.isLate).length);
      if (contract.averageProgress === null) expect(row.averageProgress).toBeNull();
      else expect(row.averageProgress).toBeCloseTo(contract.averageProgress, 9);
      const byCommitment = Object.fromEntries(contract.commitments.filter((c) => c.actionCount > 0).map((c) => [c.code, c.actionCount]));
      expect(Object.fromEntries(row.commitments.map((c) => [c.code, c.actionCount]))).toEqual(byCommitment);
      actions += contract.actions.length;
      late += contract.actions.filter((a) => a.isLate).length;
    }
    expect(view.totals.funding).toEqual(sums);
    expect(view.totals).toMatchObject({ contractCount: view.contracts.length, actionCount: actions, lateCount: late });
    expect(view.totals.departmentCount).toBe(new Set(view.contracts.map((c) => c.departmentCode)).size);
    // The department rows (a second GROUP BY) add up to the same totals.
    for (const stage of FUNDING_STAGES) expect(view.departments.reduce((s, d) => s + d.funding[stage], 0)).toBe(sums[stage]);
    expect(view.totals.spendingRate).toBeCloseTo((sums.PAID / sums.NOTIFIED) * 100, 9);
  });

  it("filters by framework, wave, year and region", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const wave2020 = (await getOversightView(national, { kind: "national" }, { ...NO_FILTERS, wave: 2020 }))!;
    expect(wave2020.contracts.length).toBeGreaterThan(0);
    expect(wave2020.contracts.every((c) => c.wave === 2020)).toBe(true);
    const ara = (await getOversightView(national, { kind: "national" }, { ...NO_FILTERS, region: "84" }))!;
    expect(ara.contracts.map((c) => c.departmentCode)).toEqual(expect.arrayContaining(["03", "63"]));
    expect(ara.departments.every((d) => d.regionCode === "84")).toBe(true);
    const year = (await getOversightView(national, { kind: "national" }, { ...NO_FILTERS, year: 2021 }))!;
    const c77 = year.contracts.find((c) => c.departmentCode === "77")!;
    const lines = await db().fundingLine.groupBy({ by: ["stage"], where: { contractId: c77.contractId, year: 2021 }, _sum: { amountCents: true } });
    for (const l of lines) expect(c77.funding[l.stage]).toBe(Number(l._sum.amountCents));
    expect(year.contracts.some((c) => c.departmentCode === "10")).toBe(false); // Aube: 2022 only
    const none = (await getOversightView(national, { kind: "national" }, { ...NO_FILTERS, framework: "2025-2027" }))!;
    expect(none.contracts.every((c) => c.frameworkCode === "2025-2027")).toBe(true);
  });
});

describe("regional view", () => {
  it("shows a regional official of Île-de-France only their region, never 63's non-public data", async () => {
    const regional = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const draft63 = await createContract(db(), { departmentCode: "63", status: "DRAFT", summary: "Brouillon du Puy-de-Dôme." });
    const draft93 = await createContract(db(), { departmentCode: "93", status: "DRAFT", summary: "Brouillon de la Seine-Saint-Denis." });

    const view = (await getOversightView(regional, { kind: "region", regionCode: "11" }, { ...NO_FILTERS, region: "84" }))!;
    expect(view.title).toBe("Vue régionale — Île-de-France");
    expect(new Set(view.departments.map((d) => d.code))).toEqual(IDF);
    expect(view.contracts.length).toBeGreaterThan(0);
    expect(view.contracts.every((c) => IDF.has(c.departmentCode))).toBe(true);
    expect(view.contracts.map((c) => c.contractId)).toContain(draft93.id); // their own region's drafts
    expect(view.alerts.every((a) => IDF.has(a.departmentCode))).toBe(true);
    // The median of a regional official is taken over what they may read: published contracts elsewhere.
    const published = await db().contract.findMany({ where: { OR: [{ status: { not: "DRAFT" } }, { department: { regionCode: "11" } }] }, select: { departmentCode: true } });
    expect(view.medians.departmentCount).toBe(new Set(published.map((c) => c.departmentCode)).size);

    expect(await getOversightView(regional, { kind: "national" }, NO_FILTERS)).toBeNull();
    expect(await getOversightView(regional, { kind: "region", regionCode: "84" }, NO_FILTERS)).toBeNull();
    expect(await getOversightView(regional, { kind: "region", regionCode: "99" }, NO_FILTERS)).toBeNull();
    expect(await listDepartmentAlerts(regional, "63")).toBeNull();
    expect(await listDepartmentAlerts(regional, "77")).not.toBeNull();
    for (const portee of ["national", "region-84", "departement-63"]) {
      const refused = await buildExport(regional, "contrats", new URLSearchParams({ portee }));
      expect(refused.ok ? 200 : refused.status).toBe(portee === "departement-63" ? 400 : 403);
    }
    expect((await buildExport(regional, "alertes", new URLSearchParams({ portee: "departement-63" }))).ok).toBe(false);

    const all = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    expect(all.contracts.map((c) => c.contractId)).toEqual(expect.arrayContaining([draft63.id, draft93.id]));
    expect((await getOversightView(national, { kind: "region", regionCode: "84" }, NO_FILTERS))!.contracts.map((c) => c.contractId)).toContain(draft63.id);
  });

  it("refuses department staff and the public", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    expect(await getOversightView(editor, { kind: "national" }, NO_FILTERS)).toBeNull();
    expect(await getOversightView(editor, { kind: "region", regionCode: "11" }, NO_FILTERS)).toBeNull();
    expect(await getOversightView(PUBLIC_VIEWER, { kind: "national" }, NO_FILTERS)).toBeNull();
    const anonymous = await buildExport(PUBLIC_VIEWER, "contrats", new URLSearchParams({ portee: "national" }));
    expect(anonymous.ok ? 200 : anonymous.status).toBe(401);
    const denied = await buildExport(editor, "contrats", new URLSearchParams({ portee: "national" }));
    expect(denied.ok ? 200 : denied.status).toBe(403);
  });
});

describe("alerts on crafted data", () => {
  it("applies each rule to the figures in the database", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const action = (reference: string, status: "IN_PROGRESS" | "DONE" | "ABANDONED", endDate: string) => ({
      reference, objectiveCode: "O1", title: `Action ${reference}`, purpose: "Test.", targetPublic: "Familles", lead: "Département", startDate: `${thisYear - 3}-01-01`, endDate, status, progress: 50, isDemo: true,
    });
    const contract = await createContract(db(), {
      departmentCode: "2A",
      status: "SIGNED",
      wave: 2024,
      periodStart: `${thisYear - 3}-01-01`,
      periodEnd: `${thisYear + 2}-12-31`,
      actions: [
        action("FA-01", "IN_PROGRESS", `${thisYear - 1}-06-30`), // late
        action("FA-02", "DONE", `${thisYear - 1}-06-30`), // done: never late
        action("FA-03", "IN_PROGRESS", `${thisYear + 2}-12-31`), // made stale below
        action("FA-04", "IN_PROGRESS", `${thisYear + 2}-12-31`), // fresh
        action("FA-05", "ABANDONED", `${thisYear - 2}-01-31`), // abandoned: never late
      ],
    });
    // No update for 120 days on FA-03; an ended contract's stale action (77's 2020-2022 one) raises nothing.
    await db().$executeRaw`UPDATE "Action" SET "updatedAt" = now() - interval '120 days' WHERE "contractId" = ${contract.id} AND reference = 'FA-03'`;
    await db().$executeRaw`UPDATE "Action" SET "updatedAt" = now() - interval '400 days' WHERE "contractId" IN (SELECT id FROM "Contract" WHERE "departmentCode" = '77' AND status = 'ENDED')`;

    // The ledger, crafted: committed two years ago and never paid; committed last year (not 12 months yet); fully paid.
    await db().fundingLine.deleteMany({ where: { contractId: contract.id } });
    const line = (year: number, funder: "STATE_P304" | "ARS_FIR" | "DEPARTMENT", stage: "NOTIFIED" | "COMMITTED" | "PAID", euros: number) => ({
      contractId: contract.id, year, funder, stage, amountCents: BigInt(euros * 100), isDemo: true,
    });
    await db().fundingLine.createMany({
      data: [
        line(thisYear - 2, "STATE_P304", "NOTIFIED", 10_000), line(thisYear - 2, "STATE_P304", "COMMITTED", 10_000),
        line(thisYear - 1, "ARS_FIR", "NOTIFIED", 5_000), line(thisYear - 1, "ARS_FIR", "COMMITTED", 5_000),
        line(thisYear - 3, "DEPARTMENT", "NOTIFIED", 3_000), line(thisYear - 3, "DEPARTMENT", "COMMITTED", 3_000), line(thisYear - 3, "DEPARTMENT", "PAID", 3_000),
      ],
    });

    // Indicators, crafted: behind (latest year), met (latest year, behind before), improving.
    await db().indicatorValue.deleteMany({ where: { contractId: contract.id } });
    const taken = await db().contractObjective.findMany({ where: { contractId: contract.id }, include: { objective: { include: { indicators: true } } } });
    const rates = taken.flatMap((t) => t.objective.indicators).filter((i) => i.kind === "RATE" && i.direction === "HIGHER_IS_BETTER").sort((a, b) => a.code.localeCompare(b.code));
    expect(rates.length).toBeGreaterThanOrEqual(3);
    const [behind, met, improving] = rates;
    const value = (indicatorId: string, year: number, actual: number) => ({ contractId: contract.id, indicatorId, year, baseline: 50, target: 70, actual, isDemo: true });
    await db().indicatorValue.createMany({
      data: [value(behind.id, thisYear - 2, 80), value(behind.id, thisYear - 1, 45), value(met.id, thisYear - 2, 40), value(met.id, thisYear - 1, 70), value(improving.id, thisYear - 1, 60)],
    });

    const result = (await listDepartmentAlerts(national, "2A"))!;
    const kinds = (kind: string) => result.alerts.filter((a) => a.kind === kind);
    expect(kinds("late_action").map((a) => a.subject)).toEqual(["FA-01 — Action FA-01"]);
    expect(kinds("stale_action").map((a) => [a.subject, a.value])).toEqual([["FA-03 — Action FA-03", 120]]);
    expect(kinds("committed_unpaid")).toEqual([expect.objectContaining({ contractId: contract.id, amountCents: 10_000_00, subject: `Années ${thisYear - 2}` })]);
    expect(kinds("indicator_off_track").map((a) => a.subject)).toEqual([`${behind.code} — ${behind.label}`]);
    // Paid 3 000 € of 18 000 € notified: 16,7 %, far below the demo departments' median.
    expect(result.spendingRate).toBeCloseTo((3_000 / 18_000) * 100, 9);
    expect(result.medians.spendingRate!).toBeGreaterThan(result.spendingRate! + 10);
    expect(kinds("spending_gap")).toHaveLength(1);

    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    expect(view.alerts.some((a) => a.kind === "stale_action" && a.departmentCode === "77")).toBe(false);
    expect(view.alerts.filter((a) => a.departmentCode === "2A")).toEqual(result.alerts);
    const corsica = view.departments.find((d) => d.code === "2A")!;
    expect(corsica).toMatchObject({ indicatorsEvaluated: 3, indicatorsMet: 1, lateCount: 1, alertCount: result.alerts.length });
    expect(view.contracts.find((c) => c.contractId === contract.id)!.alertCount).toBe(result.alerts.length);
  });
});

describe("exports", () => {
  it("parse back, as CSV and as XLSX, to the figures of the view", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS))!;
    for (const name of ["contrats", "departements", "alertes", "engagements", "financeurs"]) {
      const result = await buildExport(national, name, new URLSearchParams({ portee: "national" }));
      if (!result.ok) throw new Error(result.message);
      const csv = parseCsv(tableToCsv(result.table));
      expect(csv[0]).toEqual(result.table.columns.map((c) => c.key));
      const workbook = new ExcelJS.Workbook();
      // exceljs types its input as the pre-generic Buffer of @types/node.
      await workbook.xlsx.load((await tableToXlsx(result.table)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(csv.length);
      csv.forEach((cells, r) =>
        cells.forEach((text, c) => {
          const cell = sheet.getRow(r + 1).getCell(c + 1).value;
          const type = result.table.columns[c].type;
          if (text === "") expect(cell).toBeNull();
          else if (r === 0 || type === "text" || type === "date") expect(cell).toBe(text);
          else expect(cell).toBe(Number(text));
        }),
      );
    }

    const contracts = await buildExport(national, "contrats", new URLSearchParams({ portee: "national" }));
    if (!contracts.ok) throw new Error(contracts.message);
    const [header, ...rows] = parseCsv(tableToCsv(contracts.table));
    const at = (row: string[], key: string) => row[header.indexOf(key)];
    expect(rows).toHaveLength(view.contracts.length);
    view.contracts.forEach((c, i) => {
      expect(at(rows[i], "code_departement")).toBe(c.departmentCode);
      expect(Math.round(Number(at(rows[i], "notifie_eur")) * 100)).toBe(c.funding.NOTIFIED);
      expect(Math.round(Number(at(rows[i], "verse_eur")) * 100)).toBe(c.funding.PAID);
      expect(at(rows[i], "verse_eur")).toMatch(/^\d+\.\d{2}$/);
      expect(Number(at(rows[i], "taux_versement_pct"))).toBe(round1(c.spendingRate));
      expect(at(rows[i], "debut")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
    expect(rows.map((r) => r[0])).toContain("03"); // INSEE codes keep their leading zero
  });
});
