// Each test file gets its own copy of the seeded template, and the app's data layer points at it.
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase, uniqueName } from "./test-database";

const { adminUrl, seededTemplate } = inject("testDatabases");
const name = uniqueName("tripartite_test");
process.env.DATABASE_URL = await createDatabase(adminUrl, name, seededTemplate);

afterAll(async () => {
  const holder = globalThis as unknown as { tripartiteDb?: { $disconnect: () => Promise<void> }; tripartiteProxyPool?: { end: () => Promise<void> } };
  await holder.tripartiteDb?.$disconnect();
  await holder.tripartiteProxyPool?.end(); // the proxy's own session lookup (lib/page-cache/session-reader.ts)
  await dropDatabase(adminUrl, name);
});
