import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BUSY_WINDOW_MS, databaseBusy, databaseStatus, isDatabaseBusy, isDatabaseOutage, noteDatabaseError } from "./availability";

// The shapes below are those Prisma 6.19, @prisma/adapter-pg and node-postgres actually throw (seen
// against a closed port and a PostgreSQL stopped mid-query); tests/integration/availability.test.ts
// checks the real ones.
const adapterError = (cause: Record<string, unknown>) => ({ name: "DriverAdapterError", cause });
const prismaError = (code: string, message: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: cause ? { driverAdapterError: adapterError(cause) } : {} });

describe("isDatabaseOutage", () => {
  it.each([
    ["server unreachable (model query)", prismaError("P1001", "Can't reach database server at 127.0.0.1:1", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 })],
    ["server unreachable (raw query, P2010)", prismaError("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:54379`", { kind: "DatabaseNotReachable" })],
    [
      "server shut down during a query (57P01)",
      prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", {
        kind: "postgres",
        code: "57P01",
        originalCode: "57P01",
        severity: "FATAL",
      }),
    ],
    ["server starting up (57P03)", prismaError("P2010", "Raw query failed", { kind: "postgres", code: "57P03", originalCode: "57P03" })],
    ["connection closed by the server (P1017)", prismaError("P1017", "Server has closed the connection.")],
    ["transaction on a dropped connection", new Error("Client has encountered a connection error and is not queryable")],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg: connection could not be opened in time", new Error("Connection terminated due to connection timeout")],
    ["health probe timeout", Object.assign(new Error("timeout exceeded when trying to connect"), { code: "ETIMEDOUT" })],
    ["socket refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:54379"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" })],
    ["socket reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["driver error kind", adapterError({ kind: "ConnectionClosed" })],
    ["wrapped in a cause", new Error("rendering failed", { cause: Object.assign(new Error("x"), { code: "08006" }) })],
  ])("%s → panne", (_label, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ["unique constraint (P2002)", prismaError("P2002", "Unique constraint failed on the fields: (`email`)")],
    ["record not found (P2025)", prismaError("P2025", "No record was found for an update.")],
    ["raw query syntax error", prismaError("P2010", "Raw query failed. Code: `42601`. Message: `syntax error`", { kind: "postgres", code: "42601", originalCode: "42601" })],
    ["check constraint", prismaError("P2010", "Raw query failed", { kind: "postgres", code: "23514" })],
    ["validation error", new z.ZodError([])],
    ["plain error", new Error("boom")],
    ["string", "ECONNREFUSED"],
    ["null", null],
    ["undefined", undefined],
  ])("%s → pas une panne", (_label, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });

  it.each([
    ["pg pool: no connection free in time", new Error("timeout exceeded when trying to connect")],
    ["Prisma pool timeout (P2024)", prismaError("P2024", "Timed out fetching a new connection from the connection pool.")],
  ])("%s → pas une panne (une pointe de charge)", (_label, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("ne boucle pas sur une cause circulaire", () => {
    const a: { cause?: unknown; message: string } = { message: "a" };
    a.cause = a;
    expect(isDatabaseOutage(a)).toBe(false);
  });
});

describe("pointe de charge", () => {
  it("laisse la base disponible et répond 503 quelques instants, pas davantage", () => {
    const now = Date.now();
    noteDatabaseError(new Error("rendering failed", { cause: new Error("timeout exceeded when trying to connect") }));
    expect(databaseStatus().up).toBe(true);
    expect(databaseBusy(now)).toBe(true);
    expect(databaseBusy(now + BUSY_WINDOW_MS + 1_000)).toBe(false);
  });

  it("n'est pas déclenchée par une autre erreur", () => {
    expect(isDatabaseBusy(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});
