// A database that goes away: a write cut in the middle leaves nothing behind, the failure is recognised
// as an outage, and the same process (same pool) works again once PostgreSQL is back.
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { updateAction } from "../../lib/actions/mutations";
import { answerOutage, databaseGate } from "../../lib/health/outage";
import { databaseBusy, databaseStatus, isDatabaseBusy, isDatabaseOutage, REPROBE_MS } from "../../lib/server/availability/availability";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/embedded-postgres";
import { actionForm } from "../factories/action-form";
import { db } from "../../lib/server/db";
import { createPrismaClient } from "../../lib/server/prisma";
import { signedInViewer } from "../factories/users";

const T77 = { departmentCode: "77" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function formOf(reference: string, changes: Record<string, string>) {
  const a = await db().action.findFirstOrThrow({ where: { reference, contract: { departmentCode: "77" } } });
  const form = actionForm(a, { status: "IN_PROGRESS", progress: "40", ...changes });
  return { action: a, form };
}

function request(pathname: string, method = "GET") {
  return { method, nextUrl: { pathname, search: "" } };
}

/** Runs a write whose connection is cut after the action's update, while its audit row waits on a lock. */
async function cutWrite(write: () => Promise<unknown>) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("BEGIN");
  await admin.query('LOCK TABLE "AuditLog" IN ACCESS EXCLUSIVE MODE');
  const outcome = write().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  // The connection is terminated there, as a server shutdown would (57P01).
  let terminated = false;
  for (let i = 0; i < 200 && !terminated; i++) {
    // Statistics are a snapshot per transaction: take a new one each time.
    await admin.query("SELECT pg_stat_clear_snapshot()");
    const waiting = await admin.query(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    for (const row of waiting.rows) terminated = (await admin.query("SELECT pg_terminate_backend($1) AS ok", [row.pid])).rows[0].ok;
    if (!terminated) await sleep(25);
  }
  await admin.query("ROLLBACK");
  await admin.end();
  expect(terminated).toBe(true);
  return outcome;
}

describe("écriture coupée par la perte de la connexion", () => {
  it("ne laisse ni modification ni ligne d'historique, même répétée plus souvent que le pool n'a de connexions", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", T77);
    const { action, form } = await formOf("FA-04", { progress: "41" });
    const auditBefore = await db().auditLog.count({ where: { entityId: action.id } });

    // More lost transactions than the pool holds: a leaked connection each time would leave none.
    const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    for (let i = 0; i <= poolSize; i++) {
      const outcome = await cutWrite(() => updateAction(editor, action.id, form));
      expect("error" in outcome && isDatabaseOutage(outcome.error)).toBe(true);
    }
    const after = await db().action.findUniqueOrThrow({ where: { id: action.id } });
    expect({ version: after.version, progress: after.progress }).toEqual({ version: action.version, progress: action.progress });
    expect(await db().auditLog.count({ where: { entityId: action.id } })).toBe(auditBefore);

    // The pool dropped the dead connections: the same write now succeeds, with its one audit row.
    const retry = await updateAction(editor, action.id, form);
    expect(retry.ok).toBe(true);
    const saved = await db().action.findUniqueOrThrow({ where: { id: action.id } });
    expect({ version: saved.version, progress: saved.progress }).toEqual({ version: action.version + 1, progress: 41 });
    expect(await db().auditLog.count({ where: { entityId: action.id } })).toBe(auditBefore + 1);
    expect(databaseStatus().up).toBe(true);
  });
});

describe("PostgreSQL arrêté puis redémarré", () => {
  const dataDir = path.join(".data", `test-availability-${process.env.TEST_PG_PORT ?? "default"}`, "postgres");
  let server: EmbeddedServer | undefined;

  afterAll(async () => {
    await server?.stop();
  });

  it("les requêtes échouent comme une panne, la passerelle répond 503, puis le même client repart", async () => {
    server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? 54339) + 60 });
    const port = server.port;
    const client = createPrismaClient(server.url("postgres"));
    expect(await client.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);

    await server.stop();
    const failure = await client.$queryRaw`SELECT 1`.catch((error: unknown) => error);
    expect(isDatabaseOutage(failure)).toBe(true);
    expect(databaseStatus().up).toBe(false);

    const page = await databaseGate(request("/departements/77"));
    expect(page?.status).toBe(503);
    expect(page?.headers.get("retry-after")).toBe("5");
    const html = await page!.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Service momentanément indisponible");
    const api = await databaseGate(request("/api/v1/contrats"));
    expect(api?.status).toBe(503);
    expect(await api!.json()).toMatchObject({ error: { status: 503, code: "service_unavailable", message: expect.stringContaining("la base de données ne répond pas") } });
    // The health check is never held back: it is what sees the database come back.
    expect(await databaseGate(request("/api/health"))).toBeNull();

    server = await startEmbeddedPostgres({ dataDir, port });
    expect(server.port).toBe(port);
    // The gate checks again at most every REPROBE_MS; once the check answers, requests go through.
    let passed = false;
    for (let i = 0; i < 40 && !passed; i++) {
      passed = (await databaseGate(request("/departements/77"))) === null;
      if (!passed) await sleep(REPROBE_MS / 2);
    }
    expect(passed).toBe(true);
    expect(databaseStatus().up).toBe(true);
    expect(await client.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    await client.$disconnect();
  });
});

describe("toutes les connexions du pool occupées", () => {
  it("est une pointe de charge : 503 pour cette requête, la base reste disponible pour les autres", async () => {
    // A pool of one connection, which waits 300 ms at most for it to come free.
    const saved = { size: process.env.DATABASE_POOL_SIZE, timeout: process.env.DATABASE_CONNECT_TIMEOUT_MS };
    process.env.DATABASE_POOL_SIZE = "1";
    process.env.DATABASE_CONNECT_TIMEOUT_MS = "300";
    const client = createPrismaClient(process.env.DATABASE_URL!);
    const restore = () => {
      process.env.DATABASE_POOL_SIZE = saved.size;
      process.env.DATABASE_CONNECT_TIMEOUT_MS = saved.timeout;
      if (saved.size === undefined) delete process.env.DATABASE_POOL_SIZE;
      if (saved.timeout === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
    };
    try {
      // The pool is made on the first query, from the environment of that moment.
      expect(await client.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      restore();
      // Prisma's queries start when awaited: then() sends it now.
      const slow = client.$queryRaw`SELECT pg_sleep(1.5)::text AS slept`.then(() => "fini");
      await sleep(100);
      const failure = await client.$queryRaw`SELECT 2`.catch((error: unknown) => error);
      expect(isDatabaseBusy(failure)).toBe(true);
      expect(isDatabaseOutage(failure)).toBe(false);
      expect(databaseStatus().up).toBe(true);
      expect(await databaseGate(request("/departements/77"))).toBeNull();

      const route = answerOutage(async (request: Request) => {
        expect(request.url).toContain("/api/v1/contrats");
        throw failure;
      });
      const answer = (await route(new Request("http://localhost/api/v1/contrats"))) as Response;
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(await answer.json()).toMatchObject({ error: { status: 503, code: "service_busy", message: expect.stringContaining("très sollicité") } });
      expect(databaseBusy()).toBe(true);

      expect(await slow).toBe("fini");
      expect(await client.$queryRaw`SELECT 3 AS three`).toEqual([{ three: 3 }]);
    } finally {
      restore();
      await client.$disconnect();
    }
  });
});
