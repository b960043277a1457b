// npm run reminders — sends the deadline reminders due today (30, 7 and 1 days before), each once.
// Meant for a daily cron; does nothing when SMTP_HOST/SMTP_PORT/SMTP_FROM are not set. Runs with the
// "react-server" condition so that the data layer's `server-only` guard accepts it.
import { openDatabase } from "./database";

async function main() {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const { sendDueReminders } = await import("../lib/reports/reminders");
    const result = await sendDueReminders(new Date());
    if (!result.configured) console.log("Rappels désactivés : SMTP_HOST, SMTP_PORT et SMTP_FROM ne sont pas définis.");
    else console.log(`Rappels envoyés : ${result.sent}${result.failed ? ` ; échecs (réessayés au prochain passage) : ${result.failed}` : ""}.`);
    const { db } = await import("../lib/server/db");
    await db().$disconnect();
    process.exitCode = result.failed ? 1 : 0;
  } finally {
    await database.stop();
  }
}

void main();
