import "server-only";
// Reminders 30, 7 and 1 days before each open deadline (report due dates, avenant dates, custom ones), to the people of the department and of its
// region's ARS. Each (deadline, user, threshold) is claimed in ReminderSent before sending, so it goes
// once even if two jobs run together; a failed send releases its claim for the next run.
import { db } from "../server/db";
import { formatDate } from "../core/format";
import { daysUntil, reminderDue } from "./due-dates";
import { materializeDeadlines } from "./deadlines";
import { mailerFromEnv, type Mailer } from "./mailer";

export type ReminderRun = { configured: boolean; sent: number; failed: number };

/** Where the deadline is handled in the app, when APP_URL says where the app lives. */
function deadlineLink(appUrl: string | undefined, departmentCode: string, kind: string, year: number | null): string | null {
  if (!appUrl) return null;
  const base = `${appUrl.replace(/\/$/, "")}/espace/departements/${departmentCode}/rapports`;
  return kind === "REPORT_DUE" && year !== null ? `${base}/${year}` : base;
}

export async function sendDueReminders(now: Date = new Date(), mailer: Mailer | null = mailerFromEnv(), appUrl: string | undefined = process.env.APP_URL): Promise<ReminderRun> {
  if (!mailer) return { configured: false, sent: 0, failed: 0 };
  await materializeDeadlines(now);
  const horizon = new Date(now.getTime() + 31 * 86_400_000);
  const deadlines = await db().deadline.findMany({
    where: { doneAt: null, dueOn: { gte: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), lte: horizon }, contract: { status: { not: "DRAFT" } } },
    include: { contract: { include: { department: true, reports: { select: { year: true, status: true } } } } },
  });
  let sent = 0;
  let failed = 0;
  for (const d of deadlines) {
    if (d.kind === "REPORT_DUE" && d.contract.reports.some((r) => r.year === d.year && r.status === "ADOPTED")) continue;
    const days = daysUntil(d.dueOn, now);
    const threshold = reminderDue(days);
    if (threshold === null) continue;
    const { department } = d.contract;
    const link = deadlineLink(appUrl, department.code, d.kind, d.year);
    const users = await db().user.findMany({
      where: {
        isActive: true,
        roles: { some: { OR: [{ role: { in: ["DEPARTMENT_EDITOR", "DEPARTMENT_READER"] }, departmentCode: department.code }, { role: "REGIONAL_OFFICIAL", regionCode: department.regionCode }] } },
      },
      select: { id: true, email: true },
    });
    for (const user of users) {
      const claim = await db().reminderSent.createMany({ data: [{ deadlineId: d.id, userId: user.id, daysBefore: threshold, sentAt: now }], skipDuplicates: true });
      if (claim.count === 0) continue;
      try {
        await mailer.send({
          to: user.email,
          subject: `[Tripartite] ${d.label} — ${department.name} : échéance le ${formatDate(d.dueOn)}`,
          text: [
            `Bonjour,`,
            ``,
            `Échéance dans ${days} jour${days > 1 ? "s" : ""} pour ${department.name} (${department.code}) : ${d.label}, le ${formatDate(d.dueOn)}.`,
            ...(link ? [``, link] : []),
            ``,
            `Vous recevez ce rappel 30, 7 et 1 jours avant chaque échéance des contrats que vous suivez.`,
          ].join("\n"),
        });
        sent += 1;
      } catch {
        await db().reminderSent.deleteMany({ where: { deadlineId: d.id, userId: user.id, daysBefore: threshold } });
        failed += 1;
      }
    }
  }
  return { configured: true, sent, failed };
}
