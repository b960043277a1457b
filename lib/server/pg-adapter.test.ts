import type pg from "pg";
import { describe, expect, it } from "vitest";
import { gateReads, reservedForTransactions } from "./pg-adapter";

/** A pool whose queries end when the test says so, and whose `connect` (transactions) answers at once. */
function fakePool() {
  const running: { sql: string; end: () => void }[] = [];
  const pool = {
    query: (sql: string) =>
      new Promise<{ rows: [] }>((resolve) => {
        running.push({ sql, end: () => resolve({ rows: [] }) });
      }),
    connect: async () => ({ release() {} }),
  };
  return { pool: pool as unknown as pg.Pool, running };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("reads leave connections to transactions", () => {
  it("keeps 2 connections of the default 10 for transactions, none of a pool of 3", () => {
    expect(reservedForTransactions(10)).toBe(2);
    expect(reservedForTransactions(3)).toBe(0);
    expect(reservedForTransactions(40)).toBe(3);
  });

  it("runs at most `limit` reads at once, the next one as soon as one ends, in order; a transaction's connection is never held back", async () => {
    const { pool, running } = fakePool();
    gateReads(pool, 2, 0);
    const answers = ["a", "b", "c", "d"].map((sql) => pool.query(sql));
    await tick();
    expect(running.map((q) => q.sql)).toEqual(["a", "b"]);
    await expect(pool.connect()).resolves.toBeDefined();
    running[1].end();
    await answers[1];
    await tick();
    expect(running.map((q) => q.sql)).toEqual(["a", "b", "c"]);
    running[0].end();
    running[2].end();
    await tick();
    running[3].end();
    await expect(Promise.all(answers)).resolves.toHaveLength(4);
  });

  it("a read that waits longer than the pool would have made it wait fails with the pool's own message (a busy database, not an outage)", async () => {
    const { pool, running } = fakePool();
    gateReads(pool, 1, 20);
    const first = pool.query("a");
    await expect(pool.query("b")).rejects.toThrow("timeout exceeded when trying to connect");
    running[0].end();
    await first;
    // The place it held in the queue is free again.
    const third = pool.query("c");
    await tick();
    expect(running.map((q) => q.sql)).toEqual(["a", "c"]);
    running[1].end();
    await third;
  });
});
