import { inflateSync } from "node:zlib";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAction } from "../../lib/actions/mutations";
import { createFundingLine } from "../../lib/funding/mutations";
import { calendarFeed, regenerateCalendarToken } from "../../lib/reports/calendar";
import { setReportDueDate } from "../../lib/reports/deadlines";
import { renderReportHtml, reportCsv } from "../../lib/reports/document";
import { formatEuros } from "../../lib/format";
import { mailerFromEnv } from "../../lib/reports/mailer";
import { decideReport, saveReportNarrative, submitReport } from "../../lib/reports/mutations";
import { htmlToPdf } from "../../lib/reports/pdf";
import { getReportView, getReportViewByContract, listDepartmentReports } from "../../lib/reports/queries";
import { sendDueReminders } from "../../lib/reports/reminders";
import { db } from "../../lib/server/db";
import { createContract } from "../factories/contracts";
import { signedInViewer } from "../factories/users";

type V = Awaited<ReturnType<typeof signedInViewer>>;

/** A fresh signed contract (2021–2022) for a department, with the people of each side. */
async function setup(departmentCode: string) {
  const contract = await createContract(db(), { departmentCode });
  const dept = await db().department.findUniqueOrThrow({ where: { code: departmentCode } });
  return {
    contract,
    dept,
    editor: await signedInViewer("DEPARTMENT_EDITOR", { departmentCode }),
    ars: await signedInViewer("REGIONAL_OFFICIAL", { regionCode: dept.regionCode }),
    state: await signedInViewer("NATIONAL_OFFICIAL"),
  };
}

async function version(contractId: string, year: number) {
  return (await db().executionReport.findUnique({ where: { contractId_year: { contractId, year } } }))?.version ?? 0;
}

async function deniedRows(viewer: V) {
  return db().auditLog.count({ where: { actorId: viewer.user.id, operation: "denied", entity: "ExecutionReport" } });
}

async function adopt(s: Awaited<ReturnType<typeof setup>>, year: number) {
  const id = s.contract.id;
  expect((await saveReportNarrative(s.editor, id, year, { highlights: "Année dense.", version: String(await version(id, year)) })).ok).toBe(true);
  expect((await submitReport(s.editor, id, year, await version(id, year))).ok).toBe(true);
  expect((await decideReport(s.ars, id, year, "ARS", { decision: "APPROVED", version: await version(id, year) })).ok).toBe(true);
  const last = await decideReport(s.state, id, year, "STATE", { decision: "APPROVED", version: await version(id, year) });
  expect(last).toMatchObject({ ok: true, value: { status: "ADOPTED" } });
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
    await adopt(s, 2021);
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

describe("deadlines and reminders", () => {
  let server: SMTPServer;
  const received: { to: string[]; body: string }[] = [];
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is off without SMTP settings", async () => {
    expect(mailerFromEnv({})).toBeNull();
    expect(await sendDueReminders(new Date("2022-06-01T08:00:00Z"), null)).toEqual({ configured: false, sent: 0, failed: 0 });
  });

  it("sends each reminder (30, 7, 1 days) once per person, through a real SMTP exchange", async () => {
    const s = await setup("04");
    const admin = await signedInViewer("ADMIN");
    // Move 2021's report to a date no other test contract shares.
    expect(await setReportDueDate(s.editor, s.contract.id, 2021, "2031-03-15")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await setReportDueDate(admin, s.contract.id, 2021, "2031-03-15")).ok).toBe(true);
    const mailer = mailerFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_FROM: "rappels@tripartite.test" })!;
    const recipients = [s.editor.user.email, s.ars.user.email];
    const mine = () => received.filter((m) => m.to.some((t) => recipients.includes(t)));

    await sendDueReminders(new Date("2031-02-13T07:00:00Z"), mailer); // 30 days before
    expect(mine()).toHaveLength(2);
    await sendDueReminders(new Date("2031-02-14T07:00:00Z"), mailer); // again: nothing new
    expect(mine()).toHaveLength(2);
    await sendDueReminders(new Date("2031-03-08T07:00:00Z"), mailer); // 7 days
    await sendDueReminders(new Date("2031-03-10T07:00:00Z"), mailer);
    expect(mine()).toHaveLength(4);
    await sendDueReminders(new Date("2031-03-14T07:00:00Z"), mailer); // 1 day
    await sendDueReminders(new Date("2031-03-14T18:00:00Z"), mailer);
    expect(mine()).toHaveLength(6);
    expect(mine()[0].body).toContain("Rapport d'ex");
    const deadline = await db().deadline.findFirstOrThrow({ where: { contractId: s.contract.id, year: 2021, kind: "REPORT_DUE" } });
    const sent = await db().reminderSent.findMany({ where: { deadlineId: deadline.id } });
    expect(sent.map((r) => r.daysBefore).sort((a, b) => a - b)).toEqual([1, 1, 30, 30, 7, 7].sort((a, b) => a - b));
    // The national official, out of the department's circle, received nothing.
    expect(received.some((m) => m.to.includes(s.state.user.email))).toBe(false);
  });

  it("serves an ICS feed per secret token, one event per deadline of the user's scope", async () => {
    const s = await setup("05");
    const generated = await regenerateCalendarToken(s.editor);
    if (!generated.ok) throw new Error("no token");
    const ics = (await calendarFeed(generated.value.token, "https://tripartite.test"))!;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    const events = unfolded.split("BEGIN:VEVENT").length - 1;
    const contracts = await db().contract.findMany({ where: { departmentCode: "05", status: { not: "DRAFT" } } });
    const expected = contracts.reduce((n, c) => n + (c.periodEnd.getUTCFullYear() - c.periodStart.getUTCFullYear() + 1), 0) + (await db().deadline.count({ where: { contractId: { in: contracts.map((c) => c.id) }, kind: { not: "REPORT_DUE" } } }));
    expect(events).toBe(expected);
    expect(unfolded).toContain("DTSTART;VALUE=DATE:20220630");
    expect(unfolded).toMatch(/SUMMARY:.*\\, |SUMMARY:/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(await calendarFeed("x".repeat(43))).toBeNull();
    // A new token voids the old link.
    await regenerateCalendarToken(s.editor);
    expect(await calendarFeed(generated.value.token)).toBeNull();
  });
});

// ───────────── PDF text: inflate the streams, decode each font's ToUnicode map, read Tj/TJ strings ─────────────

function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) 0 obj([\s\S]*?)endobj/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const body = m[2];
    const s = body.indexOf("stream");
    let stream: Buffer | null = null;
    if (s >= 0) {
      const start = s + 6 + (body[s + 6] === "\r" ? 2 : 1);
      const end = body.lastIndexOf("endstream");
      const bytes = Buffer.from(body.slice(start, end), "latin1");
      try {
        stream = /FlateDecode/.test(body.slice(0, s)) ? inflateSync(bytes) : bytes;
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict: s >= 0 ? body.slice(0, s) : body, stream });
  }
  const cmap = (id: number) => {
    const map = new Map<number, string>();
    const text = objects.get(id)?.stream?.toString("latin1") ?? "";
    const hex = (h: string) => Buffer.from(h.length % 4 ? h.padStart(Math.ceil(h.length / 4) * 4, "0") : h, "hex").swap16().toString("utf16le");
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(p[1], 16), hex(p[2]));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const base = parseInt(p[3], 16);
        for (let c = parseInt(p[1], 16), k = 0; c <= parseInt(p[2], 16); c++, k++) map.set(c, String.fromCodePoint(base + k));
      }
    return map;
  };
  // Font resource names → ToUnicode maps (Skia names fonts per page; names are unique enough for one document).
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of block[1].matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(f[2]))?.dict ?? "");
        if (toUnicode) fonts.set(f[1], cmap(Number(toUnicode[1])));
      }
    }
  }
  let out = "";
  for (const { stream } of objects.values()) {
    const text = stream?.toString("latin1") ?? "";
    if (!/\bTf\b/.test(text)) continue;
    let font = new Map<number, string>();
    for (const op of text.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const strings = op[2] ? [...op[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]) : op[3] !== undefined ? [op[3]] : [];
      for (const h of strings) for (let i = 0; i + 4 <= h.length; i += 4) out += font.get(parseInt(h.slice(i, i + 4), 16)) ?? "";
      if (op[2] || op[3] !== undefined) out += " ";
    }
  }
  return out;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, "");

describe("outputs", () => {
  it("prints a PDF whose text carries the department's name and the paid total, and a CSV of the same figures", async () => {
    const s = await setup("06");
    await adopt(s, 2021);
    const view = (await getReportViewByContract(s.editor, s.contract.id, 2021))!;
    const paid = Number((await db().fundingLine.aggregate({ where: { contractId: s.contract.id, year: 2021, stage: "PAID" }, _sum: { amountCents: true } }))._sum.amountCents ?? 0n);
    expect(view.figures.fundingTotals.PAID).toBe(paid);
    expect(paid).toBeGreaterThan(0);
    const html = renderReportHtml(view);
    expect(html).toContain(formatEuros(paid));
    const pdf = await htmlToPdf(html);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(s.dept.name));
    expect(text).toContain(squash(formatEuros(paid)));

    const csv = reportCsv(view.figures);
    expect(csv.split("\r\n")[0]).toBe("tableau,code,libelle,mesure,valeur");
    expect(csv).toContain(`financements,TOTAL,Total,PAID,${(paid / 100).toFixed(2)}`);
    // Another department's editor cannot get it.
    expect(await getReportViewByContract(await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" }), s.contract.id, 2021)).toBeNull();
  }, 60_000);
});
