import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as calendarRoute } from "../../app/api/calendar/[token]/route";
import { updateAmendment } from "../../lib/admin/contracts/amendment-mutations";
import { getAmendmentForAdmin } from "../../lib/admin/contracts/queries";
import { toFormValues } from "../../lib/admin/contracts/schemas";
import { calendarFeed, regenerateCalendarToken } from "../../lib/reports/calendar";
import { addDeadline, setReportDueDate } from "../../lib/reports/deadline-mutations";
import { materializeDeadlines } from "../../lib/reports/deadlines";
import { mailerFromEnv } from "../../lib/reports/mailer";
import { decideReport } from "../../lib/reports/mutations";
import { countOverdueReports, listDepartmentReports, listOverdueReports } from "../../lib/reports/queries";
import { sendDueReminders } from "../../lib/reports/reminders";
import { db } from "../../lib/server/db";
import { adoptReport, reportParties as setup, reportVersion } from "../factories/report-parties";
import { signedInViewer } from "../factories/users";

/** The text of a message as sent (quoted-printable, as nodemailer writes non-ASCII text). */
const decodeBody = (raw: string) => {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r?\n/g, "");
  return body.replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ""), "hex").toString("utf8"));
};

/** An avenant for 2022 signed (or to be signed) on `signedOn`, as the seed writes it. */
const avenant2022 = (signedOn: string) => ({
  amendments: [{ year: 2022, number: 2, signedOn, isDemo: true, amounts: [{ funder: "STATE_P304" as const, amount: 100_000, isDemo: true }] }],
});

describe("report due dates", () => {
  it("are editable by an administrator only, audited, and shown moved in the list", async () => {
    const s = await setup("07");
    const admin = await signedInViewer("ADMIN");
    for (const v of [s.editor, s.ars, s.state]) expect(await setReportDueDate(v, s.contract.id, 2021, "2022-09-30")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().auditLog.count({ where: { entity: "Deadline", entityId: s.contract.id, operation: "denied" } })).toBe(3);
    expect(await setReportDueDate(admin, s.contract.id, 2021, "2022-02-30")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { dueOn: ["Cette date n'existe pas."] } });
    expect(await setReportDueDate(admin, s.contract.id, 2031, "2032-06-30")).toMatchObject({ ok: false, code: "not_found" });
    expect(await setReportDueDate(admin, s.contract.id, 2021, "2022-09-30")).toMatchObject({ ok: true, value: { dueOn: "2022-09-30" } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Deadline", operation: "update", actorId: admin.user.id } });
    expect(audit).toMatchObject({ before: { dueOn: "2022-06-30" }, after: { dueOn: "2022-09-30" } });
    const rows = (await listDepartmentReports(s.editor, "07", new Date("2022-08-01T08:00:00Z")))!.rows;
    expect(rows.find((r) => r.contractId === s.contract.id && r.year === 2021)).toMatchObject({ dueOn: "2022-09-30", overdue: false });
  });
});

describe("avenant deadlines", () => {
  it("are derived from the avenant's date, listed with the contract's deadlines, and follow it when it moves", async () => {
    const s = await setup("08", avenant2022("2032-04-20"));
    const before = (await listDepartmentReports(s.editor, "08", new Date("2032-01-01T08:00:00Z")))!.deadlines.filter((d) => d.contractId === s.contract.id);
    expect(before.find((d) => d.kind === "AMENDMENT")).toMatchObject({ key: `avenant-${s.contract.id}-2022`, label: "Signature de l'avenant n° 2 (2022)", dueOn: "2032-04-20", done: false, overdue: false });
    // Avenants without a date (2021 here) make no deadline.
    expect(before.filter((d) => d.kind === "AMENDMENT")).toHaveLength(1);
    const after = (await listDepartmentReports(s.editor, "08", new Date("2032-04-21T08:00:00Z")))!.deadlines.find((d) => d.key === `avenant-${s.contract.id}-2022`);
    expect(after).toMatchObject({ done: true, overdue: false });

    const admin = await signedInViewer("ADMIN");
    const amendment = await db().amendment.findFirstOrThrow({ where: { contractId: s.contract.id, year: 2022 } });
    const values = (await getAmendmentForAdmin(admin, amendment.id))!.values;
    expect((await updateAmendment(admin, amendment.id, { ...toFormValues(values), signedOn: "2032-05-15" })).ok).toBe(true);
    const moved = (await listDepartmentReports(s.editor, "08", new Date("2032-01-01T08:00:00Z")))!.deadlines.find((d) => d.key === `avenant-${s.contract.id}-2022`);
    expect(moved?.dueOn).toBe("2032-05-15");
  });
});

describe("reminders", () => {
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
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decodeBody(body) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const mailer = () => mailerFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_FROM: "rappels@tripartite.test" })!;
  const to = (...emails: string[]) => received.filter((m) => m.to.some((t) => emails.includes(t)));

  it("are off without SMTP settings", async () => {
    expect(mailerFromEnv({})).toBeNull();
    expect(mailerFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "25" })).toBeNull();
    expect(await sendDueReminders(new Date("2022-06-01T08:00:00Z"), null)).toEqual({ configured: false, sent: 0, failed: 0 });
  });

  it("go 30, 7 and 1 days before a report's due date, once each per person, through a real SMTP exchange", async () => {
    const s = await setup("04");
    const admin = await signedInViewer("ADMIN");
    // Move 2021's report to a date no other test contract shares.
    expect((await setReportDueDate(admin, s.contract.id, 2021, "2031-03-15")).ok).toBe(true);
    const mine = () => to(s.editor.user.email, s.ars.user.email);

    await sendDueReminders(new Date("2031-02-13T07:00:00Z"), mailer(), "https://tripartite.test"); // 30 days before
    expect(mine()).toHaveLength(2);
    expect(mine()[0].body).toContain(`Échéance dans 30 jours pour ${s.dept.name} (04) : Rapport d'exécution 2021 à adopter, le 15 mars 2031.`);
    expect(mine()[0].body).toContain("https://tripartite.test/espace/departements/04/rapports/2021");
    await sendDueReminders(new Date("2031-02-14T07:00:00Z"), mailer()); // again: nothing new
    expect(mine()).toHaveLength(2);
    await sendDueReminders(new Date("2031-03-08T07:00:00Z"), mailer()); // 7 days
    await sendDueReminders(new Date("2031-03-10T07:00:00Z"), mailer());
    expect(mine()).toHaveLength(4);
    await sendDueReminders(new Date("2031-03-14T07:00:00Z"), mailer()); // 1 day
    await sendDueReminders(new Date("2031-03-14T18:00:00Z"), mailer());
    expect(mine()).toHaveLength(6);
    const deadline = await db().deadline.findFirstOrThrow({ where: { contractId: s.contract.id, year: 2021, kind: "REPORT_DUE" } });
    // Once each per person: the two of the test (the demo's ARS referent of the region gets its own).
    const sent = await db().reminderSent.findMany({ where: { deadlineId: deadline.id, userId: { in: [s.editor.user.id, s.ars.user.id] } } });
    expect(sent.map((r) => r.daysBefore).sort((a, b) => a - b)).toEqual([1, 1, 7, 7, 30, 30]);
    // The national official, out of the department's circle, received nothing.
    expect(to(s.state.user.email)).toHaveLength(0);
  });

  it("go before an avenant's date too, again after the date moves, and never for an adopted report", async () => {
    const s = await setup("09", avenant2022("2033-04-20"));
    const admin = await signedInViewer("ADMIN");
    // The 2022 report is due the same day as the avenant is signed, and is adopted: no reminder for it.
    expect((await setReportDueDate(admin, s.contract.id, 2022, "2033-04-20")).ok).toBe(true);
    await adoptReport(s, s.contract.id, 2022);
    const mine = () => to(s.editor.user.email, s.ars.user.email);

    await sendDueReminders(new Date("2033-03-21T07:00:00Z"), mailer()); // 30 days before the avenant
    expect(mine()).toHaveLength(2);
    expect(mine().every((m) => m.body.includes("Signature de l'avenant n° 2 (2022), le 20 avril 2033."))).toBe(true);
    await sendDueReminders(new Date("2033-03-22T07:00:00Z"), mailer());
    expect(mine()).toHaveLength(2);

    // The administrator moves the signature a month later: the reminders start again for the new date.
    const amendment = await db().amendment.findFirstOrThrow({ where: { contractId: s.contract.id, year: 2022 } });
    const values = (await getAmendmentForAdmin(admin, amendment.id))!.values;
    expect((await updateAmendment(admin, amendment.id, { ...toFormValues(values), signedOn: "2033-05-20" })).ok).toBe(true);
    await sendDueReminders(new Date("2033-04-20T07:00:00Z"), mailer()); // 30 days before the new date
    expect(mine()).toHaveLength(4);
    const stored = await db().deadline.findMany({ where: { contractId: s.contract.id, kind: "AMENDMENT" } });
    expect(stored.map((d) => d.dueOn.toISOString().slice(0, 10))).toEqual(["2033-05-20"]);
  });
});

describe("calendar feed", () => {
  it("is valid iCalendar for a real parser: all-day events with stable UIDs, escaped and folded text, CRLF", async () => {
    const s = await setup("05", avenant2022("2022-03-01"));
    const admin = await signedInViewer("ADMIN");
    const long = "Comité de suivi ; bilan, perspectives et « feuille de route » partagée entre l'État, l'ARS et le département";
    expect((await addDeadline(admin, s.contract.id, { kind: "CUSTOM", label: long, dueOn: "2022-03-15" })).ok).toBe(true);
    const generated = await regenerateCalendarToken(s.editor);
    if (!generated.ok) throw new Error("no token");
    const now = new Date("2022-01-10T08:00:00Z");
    const ics = (await calendarFeed(generated.value.token, "https://tripartite.test", now))!;

    // Lines end with CRLF, none longer than 75 octets, no bare line feed.
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75 && !line.includes("\n"))).toBe(true);

    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Tripartite//Echeances//FR");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const report2021 = byUid.get(`rapport-${s.contract.id}-2021@tripartite`)!;
    expect(report2021.summary).toBe(`${s.dept.name} (05) — Rapport d'exécution 2021 à adopter`);
    expect(report2021.startDate.isDate).toBe(true);
    expect(report2021.startDate.toString()).toBe("2022-06-30");
    expect(report2021.endDate.toString()).toBe("2022-07-01");
    expect(report2021.component.getFirstPropertyValue("url")).toBe("https://tripartite.test/espace/departements/05/rapports/2021");
    const avenant = byUid.get(`avenant-${s.contract.id}-2022@tripartite`)!;
    expect([avenant.summary, avenant.startDate.toString()]).toEqual([`${s.dept.name} (05) — Signature de l'avenant n° 2 (2022)`, "2022-03-01"]);
    const custom = events.find((e) => e.startDate.toString() === "2022-03-15")!;
    expect(custom.summary).toBe(`${s.dept.name} (05) — ${long}`);
    expect(custom.description).toBe("Autre échéance");
    // Every readable contract of the editor's department is there, and nothing of another department.
    expect(events.every((e) => e.summary.includes("(05)"))).toBe(true);

    // The UIDs do not change when the reminders job stores the derived deadlines.
    await materializeDeadlines(now);
    const again = new ICAL.Component(ICAL.parse((await calendarFeed(generated.value.token, "https://tripartite.test", now))!));
    expect(again.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid")).sort()).toEqual([...byUid.keys()].sort());
  });

  it("is served by its route for the right token only, and a new token voids the old link", async () => {
    const s = await setup("2A");
    const generated = await regenerateCalendarToken(s.editor);
    if (!generated.ok) throw new Error("no token");
    const get = (token: string) => calendarRoute(new Request(`http://127.0.0.1/api/calendar/${token}`), { params: Promise.resolve({ token }) });
    const ok = await get(`${generated.value.token}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await ok.text()).toContain("BEGIN:VEVENT");
    for (const wrong of [`${generated.value.token.slice(0, -2)}xx.ics`, "x".repeat(43), "../etc/passwd", ""]) expect((await get(wrong)).status).toBe(404);
    await regenerateCalendarToken(s.editor);
    expect((await get(`${generated.value.token}.ics`)).status).toBe(404);
    // A deactivated account's link stops working.
    const fresh = await regenerateCalendarToken(s.editor);
    if (!fresh.ok) throw new Error("no token");
    await db().user.update({ where: { id: s.editor.user.id }, data: { isActive: false } });
    expect((await get(fresh.value.token)).status).toBe(404);
  });
});

describe("overdue reports", () => {
  const now = new Date("2026-12-01T08:00:00Z");

  it("are the running contracts' 2025 reports only: every report of the ended contracts is adopted", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    // The demo's contracts (the tests of this file add contracts of their own, signed for 2021-2022).
    const demoIds = new Set((await db().contract.findMany({ where: { OR: [{ status: "ENDED" }, { wave: 2025 }] }, select: { id: true } })).map((c) => c.id));
    const demo = (await listOverdueReports(national, {}, now)).filter((r) => demoIds.has(r.contractId));
    expect(demo.map((r) => `${r.departmentCode} ${r.year}`).sort()).toEqual(["04 2025", "10 2025", "59 2025", "63 2025", "71 2025"]);
    const ended = await db().executionReport.findMany({ where: { contract: { status: "ENDED" } } });
    expect(ended.length).toBe(3 * 6 + 4); // 63's contract runs four years
    expect(ended.every((r) => r.status === "ADOPTED" && r.snapshot !== null && r.adoptedAt! < new Date(Date.UTC(r.year + 1, 6, 1)))).toBe(true);
    const editor77 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    expect(await countOverdueReports(editor77, "77", now)).toBe(0);
  });

  it("show on the national view, on the regional view of their region only, and leave once adopted", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const ara = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "84" });
    const idf = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const editor63 = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const contract63 = await db().contract.findFirstOrThrow({ where: { departmentCode: "63", wave: 2025 } });

    const all = await listOverdueReports(national, {}, now);
    expect(all.find((r) => r.departmentCode === "04" && r.year === 2025)).toMatchObject({ departmentName: "Alpes-de-Haute-Provence", dueOn: "2026-06-30", status: "DRAFT", toAct: ["DEPARTMENT"] });
    expect(all.find((r) => r.departmentCode === "63" && r.year === 2025)).toMatchObject({ status: "SUBMITTED", toAct: ["STATE"] });

    const region = await listOverdueReports(ara, { regionCode: "84" }, now);
    expect(region.some((r) => r.departmentCode === "63")).toBe(true);
    const inRegion = (await db().department.findMany({ where: { regionCode: "84" }, select: { code: true } })).map((d) => d.code);
    expect(region.every((r) => inRegion.includes(r.departmentCode))).toBe(true);
    expect(await listOverdueReports(national, { regionCode: "84" }, now)).toEqual(region);
    // Out of the official's region: nothing, even when asked for.
    expect(await listOverdueReports(idf, { regionCode: "84" }, now)).toEqual([]);

    // The State's approval adopts it (the ARS approved in October): no longer overdue.
    const overdueBefore = await countOverdueReports(editor63, "63", now);
    expect((await decideReport(national, contract63.id, 2025, "STATE", { decision: "APPROVED", version: await reportVersion(contract63.id, 2025) })).ok).toBe(true);
    expect((await listOverdueReports(national, {}, now)).some((r) => r.departmentCode === "63" && r.year === 2025)).toBe(false);
    expect(await countOverdueReports(editor63, "63", now)).toBe(overdueBefore - 1);
  });
});
