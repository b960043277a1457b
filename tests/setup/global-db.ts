import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { seedDatabase } from "../../prisma/seed/seed";
import { runPrisma } from "../../scripts/database";
import { createDatabase, dropDatabase, uniqueName, type TestDatabases } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
    console.log(`Tests d'intégration sur le serveur PostgreSQL externe (TEST_DATABASE_URL).`);
  } else {
    const server = await startEmbeddedPostgres({ dataDir: ".data/test-postgres", port: Number(process.env.TEST_PG_PORT ?? 54339) });
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }
  const emptyTemplate = uniqueName("tripartite_tpl_empty");
  const seededTemplate = uniqueName("tripartite_tpl_seeded");
  const emptyUrl = await createDatabase(adminUrl, emptyTemplate);
  await runPrisma(["migrate", "deploy"], emptyUrl, true);
  const seededUrl = await createDatabase(adminUrl, seededTemplate, emptyTemplate);
  await seedDatabase(seededUrl, { demo: true });

  project.provide("testDatabases", { adminUrl, emptyTemplate, seededTemplate });

  return async () => {
    await dropDatabase(adminUrl, seededTemplate);
    await dropDatabase(adminUrl, emptyTemplate);
    await stopServer();
  };
}
