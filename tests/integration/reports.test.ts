import { describe, expect, it } from "vitest";
import { updateAction } from "../../lib/actions/mutations";
import { createFundingLine } from "../../lib/funding/mutations";
import { formatEuros, plainSpaces } from "../../lib/core/format";
import { renderReportHtml, reportCsv } from "../../lib/reports/document";
import { decideReport, saveReportNarrative, submitReport } from "../../lib/reports/mutations";
import { liveSnapshot } from "../../lib/reports/data";
import { htmlToPdf } from "../../lib/reports/pdf";
import { getReportView, getReportViewByContract, listDepartmentReports, listOverdueReports } from "../../lib/reports/queries";
import { db } from "../../lib/server/db";
import { adoptReport, reportParties as setup, reportVersion as version } from "../factories/report-parties";
import { signedInViewer } from "../factories/users";
import { contractSeed } from "../factories/contracts";
import { untouchedDepartment } from "../factories/departments";
import { parseCsv } from "../support/csv";
import { pdfText } from "../support/pdf-text";

type V = Awaited<ReturnType<typeof signedInViewer>>;

async function deniedRows(viewer: V) {
  return db().auditLog.count({ where: { actorId: viewer.user.id, operation: "denied", entity: "ExecutionReport" } });
}

describe("tripartite workflow", () => {
  it("lets each party take only its own step, audits every step and every refusal, and adopts on both approvals", async () => {
    const s = await setup("01");
    const id = s.contract.id;
    const otherArs = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const otherEditor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });

    // Narrative: the department only.
    expect(await saveReportNarrative(s.ars, id, 2021, { highlights: "x", version: "0" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await saveReportNarrative(s.editor, id, 2021, { highlights: "Ouverture de deux centres.", difficulties: "", outlook: "Étendre.", version: "0" })).ok).toBe(true);
    // Saving the same text again (as the submit button does) writes nothing: same version, no audit row.
    expect(await saveReportNarrative(s.editor, id, 2021, { highlights: "Ouverture de deux centres.", difficulties: "", outlook: "Étendre.", version: "1" })).toMatchObject({ ok: true, value: { version: 1 } });

    // Submit: the department only.
    for (const v of [s.ars, s.state, otherEditor]) expect((await submitReport(v, id, 2021, 1)).ok).toBe(false);
    const submitted = await submitReport(s.editor, id, 2021, 1);
    expect(submitted).toMatchObject({ ok: true, value: { status: "SUBMITTED", version: 2 } });
    expect((await getReportView(s.editor, "01", 2021))!.toAct).toEqual(["STATE", "ARS"]);

    // The department cannot approve; the ARS of another region, and the State acting as the ARS, cannot either.
    expect(await decideReport(s.editor, id, 2021, "STATE", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await decideReport(s.editor, id, 2021, "ARS", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await decideReport(otherArs, id, 2021, "ARS", { decision: "APPROVED", version: 2 })).ok).toBe(false);
    expect(await decideReport(s.state, id, 2021, "ARS", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await decideReport(s.ars, id, 2021, "STATE", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: false, code: "forbidden" });

    expect(await deniedRows(s.ars)).toBe(3); // narrative, submit, approve as the State
    expect(await deniedRows(s.state)).toBe(2); // submit, approve as the ARS
    expect(await deniedRows(s.editor)).toBe(2);
    expect(await deniedRows(otherArs)).toBe(1);
    expect(await deniedRows(otherEditor)).toBe(1);

    // The ARS approves: still waiting for the State; a second ARS decision is refused.
    expect(await decideReport(s.ars, id, 2021, "ARS", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: true, value: { status: "SUBMITTED" } });
    expect((await getReportView(s.state, "01", 2021))!.toAct).toEqual(["STATE"]);
    expect((await decideReport(s.ars, id, 2021, "ARS", { decision: "APPROVED", version: 3 })).ok).toBe(false);
    // A stale version is a conflict, nothing written.
    expect(await decideReport(s.state, id, 2021, "STATE", { decision: "APPROVED", version: 2 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await decideReport(s.state, id, 2021, "STATE", { decision: "APPROVED", version: 3 })).toMatchObject({ ok: true, value: { status: "ADOPTED" } });

    const view = (await getReportView(s.editor, "01", 2021))!;
    expect(view.status).toBe("ADOPTED");
    expect(view.toAct).toEqual([]);
    expect(view.approvals.map((a) => a.party)).toEqual(["ARS", "STATE"]);
    const ops = await db().auditLog.findMany({ where: { entity: "ExecutionReport", entityId: view.reportId!, operation: { not: "denied" } }, orderBy: { id: "asc" } });
    expect(ops.map((o) => [o.operation, o.actorRole])).toEqual([
      ["create", "DEPARTMENT_EDITOR"],
      ["submit", "DEPARTMENT_EDITOR"],
      ["approve", "REGIONAL_OFFICIAL"],
      ["adopt", "NATIONAL_OFFICIAL"],
    ]);
    // Adopted: the narrative is closed.
    expect((await saveReportNarrative(s.editor, id, 2021, { highlights: "Trop tard", version: String(view.version) })).ok).toBe(false);
    const list = (await listDepartmentReports(s.editor, "01"))!;
    expect(list.rows.find((r) => r.year === 2021)).toMatchObject({ status: "ADOPTED", toAct: [], overdue: false });
    expect(list.rows.find((r) => r.year === 2022)).toMatchObject({ status: "DRAFT", toAct: ["DEPARTMENT"], dueOn: "2023-06-30", overdue: true });
  });

  it("sends back with a required comment, unfreezes, and lets the department resubmit for a fresh round", async () => {
    const s = await setup("02");
    const id = s.contract.id;
    expect((await submitReport(s.editor, id, 2021, 0)).ok).toBe(true);
    expect((await decideReport(s.ars, id, 2021, "ARS", { decision: "APPROVED", version: await version(id, 2021) })).ok).toBe(true);
    expect(await decideReport(s.state, id, 2021, "STATE", { decision: "SENT_BACK", comment: "", version: await version(id, 2021) })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { comment: [expect.any(String)] } });
    expect(await decideReport(s.state, id, 2021, "STATE", { decision: "SENT_BACK", comment: "Détaillez les difficultés.", version: await version(id, 2021) })).toMatchObject({ ok: true, value: { status: "SENT_BACK" } });
    let view = (await getReportView(s.editor, "02", 2021))!;
    expect(view.frozen).toBe(false);
    expect(view.toAct).toEqual(["DEPARTMENT"]);
    expect(view.approvals.at(-1)).toMatchObject({ party: "STATE", decision: "SENT_BACK", comment: "Détaillez les difficultés." });

    expect((await saveReportNarrative(s.editor, id, 2021, { difficulties: "Recrutements.", version: String(await version(id, 2021)) })).ok).toBe(true);
    expect(await submitReport(s.editor, id, 2021, await version(id, 2021))).toMatchObject({ ok: true, value: { status: "SUBMITTED" } });
    view = (await getReportView(s.editor, "02", 2021))!;
    // The ARS's earlier approval belongs to the previous round: both must decide again.
    expect(view.toAct).toEqual(["STATE", "ARS"]);
    expect((await decideReport(s.state, id, 2021, "STATE", { decision: "APPROVED", version: await version(id, 2021) })).ok).toBe(true);
    expect(await decideReport(s.ars, id, 2021, "ARS", { decision: "APPROVED", version: await version(id, 2021) })).toMatchObject({ ok: true, value: { status: "ADOPTED" } });
    expect(await db().auditLog.count({ where: { entity: "ExecutionReport", entityId: view.reportId!, operation: "send-back" } })).toBe(1);
  });
});

describe("frozen snapshot", () => {
  it("keeps an adopted report's figures after later edits, and the next year's report shows what changed", async () => {
    const s = await setup("03");
    const id = s.contract.id;
    await adoptReport(s, s.contract.id, 2021);
    const frozen = (await getReportView(s.editor, "03", 2021))!;
    expect(frozen.frozen).toBe(true);
    const stored = await db().executionReport.findUniqueOrThrow({ where: { contractId_year: { contractId: id, year: 2021 } } });

    const action = await db().action.findFirstOrThrow({ where: { contractId: id } });
    const edit = await updateAction(s.editor, action.id, {
      title: "Titre changé après adoption", objectiveId: action.objectiveId, purpose: action.purpose ?? "", targetPublic: "", lead: "", partners: "",
      startDate: "2021-01-01", endDate: "2022-12-31", status: "DONE", progress: "100", version: String(action.version),
    });
    expect(edit.ok).toBe(true);
    expect((await createFundingLine(s.editor, id, { actionId: "", funder: "STATE_P304", year: "2021", stage: "PAID", amount: "12 345" })).ok).toBe(true);

    const after = (await getReportView(s.editor, "03", 2021))!;
    expect(after.figures).toEqual(frozen.figures);
    expect(after.figures.actions[0]).toMatchObject({ title: action.title, status: action.status, progress: action.progress });
    expect((await db().executionReport.findUniqueOrThrow({ where: { id: stored.id } })).snapshot).toEqual(stored.snapshot);

    const next = (await getReportView(s.editor, "03", 2022))!;
    expect(next.frozen).toBe(false);
    expect(next.diff?.sinceYear).toBe(2021);
    expect(next.diff?.actions[0]).toMatchObject({ reference: action.reference, before: { status: action.status }, after: { status: "DONE", progress: 100 } });
  });
});

describe("outputs", () => {
  it("prints a PDF whose text carries the department's name and the year's totals, and a CSV of the same figures", async () => {
    const s = await setup("06");
    await adoptReport(s, s.contract.id, 2021);
    const view = (await getReportViewByContract(s.editor, s.contract.id, 2021))!;
    const sums = await db().fundingLine.groupBy({ by: ["stage"], where: { contractId: s.contract.id, year: 2021 }, _sum: { amountCents: true } });
    const total = (stage: string) => Number(sums.find((g) => g.stage === stage)?._sum.amountCents ?? 0n);
    expect(view.figures.fundingTotals).toEqual({ PLANNED: total("PLANNED"), NOTIFIED: total("NOTIFIED"), COMMITTED: total("COMMITTED"), PAID: total("PAID") });
    expect(total("PAID")).toBeGreaterThan(0);

    const pdf = await htmlToPdf(renderReportHtml(view), `Rapport d'exécution 2021 — ${s.dept.name}`);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text, pages } = await pdfText(pdf);
    expect(text).toContain(`Rapport d'exécution 2021 — ${s.dept.name} (06)`);
    // The totals line of the funding table: granted (notified), committed and paid, as printed.
    const totals = ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"].map((stage) => plainSpaces(formatEuros(total(stage)))).join(" ");
    expect(text).toContain(`Total ${totals}`);
    expect(text).toContain("Adopté le");
    expect(text).toContain(`page 1 / ${pages}`);

    const csv = reportCsv(view.figures);
    expect(csv.split("\r\n")[0]).toBe("tableau,code,libelle,mesure,valeur");
    for (const stage of ["NOTIFIED", "COMMITTED", "PAID"]) expect(csv).toContain(`financements,TOTAL,Total,${stage},${(total(stage) / 100).toFixed(2)}`);
    // Another department's editor cannot get it.
    expect(await getReportViewByContract(await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" }), s.contract.id, 2021)).toBeNull();
  }, 60_000);
});

describe("report CSV and formula-like text", () => {
  it("writes a fiche action titled =1+1 as '=1+1, so a spreadsheet shows it instead of running it", async () => {
    const { code } = await untouchedDepartment();
    const [seeded] = contractSeed({ departmentCode: code }).actions;
    const s = await setup(code, { actions: [{ ...seeded, title: "=1+1" }] });
    const view = (await getReportViewByContract(s.editor, s.contract.id, 2021))!;
    const rows = parseCsv(reportCsv(view.figures));
    expect(rows).toContainEqual(["actions", "FA-01", "'=1+1", "statut", "IN_PROGRESS"]);
    expect(rows).toContainEqual(["actions", "FA-01", "'=1+1", "avancement_pct", "40"]);
    expect(rows.flat().some((cell) => cell.startsWith("="))).toBe(false);
  });
});

describe("the demo's 2025 reports (seeded as on 5 December 2026)", () => {
  const DEMO_DAY = new Date("2026-12-05T12:00:00Z");

  it("stand at their different steps on the national view: sent back, awaiting the State, the ARS or both, not submitted", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const overdue2025 = (await listOverdueReports(national, {}, DEMO_DAY)).filter((r) => r.year === 2025);
    const byCode = Object.fromEntries(overdue2025.map((r) => [r.departmentCode, { status: r.status, toAct: r.toAct, dueOn: r.dueOn }]));
    // Adopted in 77 and 03: done, so not overdue.
    expect(byCode).toEqual({
      "04": { status: "DRAFT", toAct: ["DEPARTMENT"], dueOn: "2026-06-30" },
      "10": { status: "SENT_BACK", toAct: ["DEPARTMENT"], dueOn: "2026-06-30" },
      "59": { status: "SUBMITTED", toAct: ["STATE", "ARS"], dueOn: "2026-06-30" },
      "63": { status: "SUBMITTED", toAct: ["STATE"], dueOn: "2026-06-30" },
      "71": { status: "SUBMITTED", toAct: ["ARS"], dueOn: "2026-06-30" },
    });
  });

  it("show 77's 2025 report adopted by the State and the ARS, with its frozen figures", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const list = (await listDepartmentReports(editor, "77", DEMO_DAY))!;
    expect(list.rows.filter((r) => r.frameworkCode === "2025-2027").map((r) => [r.year, r.status, r.overdue])).toEqual([
      [2027, "DRAFT", false],
      [2026, "DRAFT", false],
      [2025, "ADOPTED", false],
    ]);
    const view = (await getReportView(editor, "77", 2025, DEMO_DAY))!;
    expect(view).toMatchObject({ status: "ADOPTED", frozen: true, toAct: [] });
    expect(view.approvals.map((a) => [a.party, a.decision])).toEqual([
      ["STATE", "APPROVED"],
      ["ARS", "APPROVED"],
    ]);
    expect(view.figures.fundingTotals.PAID).toBeGreaterThan(0);
    // The avenants of 2026 (signed) and 2027 (to sign) are among the contract's deadlines.
    expect(view.deadlines.filter((d) => d.kind === "AMENDMENT").map((d) => [d.dueOn, d.done])).toEqual([
      ["2026-04-14", true],
      ["2027-03-16", false],
    ]);
  });

  it("show the earlier contracts' reports adopted in their time, with the figures a submission freezes", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const list = (await listDepartmentReports(editor, "77", DEMO_DAY))!;
    expect(list.rows.filter((r) => r.frameworkCode === "2020-2022").map((r) => [r.year, r.status, r.overdue])).toEqual([
      [2022, "ADOPTED", false],
      [2021, "ADOPTED", false],
      [2020, "ADOPTED", false],
    ]);
    const view = (await getReportView(editor, "77", 2021, DEMO_DAY))!;
    expect(view).toMatchObject({ status: "ADOPTED", frozen: true, toAct: [] });
    expect(view.approvals.map((a) => [a.party, a.decision, a.at.slice(0, 7)])).toEqual([
      ["ARS", "APPROVED", "2022-06"],
      ["STATE", "APPROVED", "2022-06"],
    ]);
    // Frozen by the same rule as a submission: the live figures of that year, nothing edited since.
    const contract = await db().contract.findFirstOrThrow({ where: { departmentCode: "77", wave: 2020 } });
    const stored = await db().executionReport.findUniqueOrThrow({ where: { contractId_year: { contractId: contract.id, year: 2021 } } });
    const live = await liveSnapshot(db(), contract.id, 2021, stored.submittedAt!);
    expect(stored.snapshot).toEqual(JSON.parse(JSON.stringify(live)));
    expect(view.figures.fundingTotals.PAID).toBeGreaterThan(0);
  });
});
