// `npm run db -- <prisma args>` runs the Prisma CLI on the app's database (embedded unless DATABASE_URL).
// `npm run db:migrate:dev -- --name <change>` creates the next migration; `npm run seed` loads the data.
import { openDatabase, runPrisma } from "./database";
import { seedDatabase } from "../prisma/seed/seed";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const db = await openDatabase();
  try {
    if (command === "migrate-dev") await runPrisma(["migrate", "dev", ...rest], db.url);
    else if (command === "seed") {
      await runPrisma(["migrate", "deploy"], db.url);
      const report = await seedDatabase(db.url, { demo: true });
      console.log(report.summary);
    } else if (command) await runPrisma([command, ...rest], db.url);
    else console.log("Usage : npm run db -- <commande prisma>  (ex. : npm run db -- migrate status)");
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
