import "server-only";
// The import's writes as a few set-based statements: each batch of rows travels as one JSON parameter
// expanded by jsonb_to_recordset, so 10,000 rows cost a handful of round trips instead of 10,000
// (Prisma's createMany and updateMany go row by row through the client engine: seconds per thousand).
// Updates carry the version each row had when the plan was made; the caller compares the counts.
import { randomBytes } from "node:crypto";
import type { ActionFields } from "../actions/schemas";
import { Prisma, type Role } from "../server/db";
import type { FundingRow, IndicatorRow } from "./validate";

type Tx = Prisma.TransactionClient;

/** Rows per statement: keeps each JSON parameter at a few megabytes. */
const BATCH = 5000;

const json = (rows: unknown[]) => JSON.stringify(rows, (_key, v) => (typeof v === "bigint" ? v.toString() : v));

function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
}

/** Runs one statement per batch and returns the rows it touched. */
async function each<T>(rows: T[], statement: (batch: string) => Prisma.Sql, tx: Tx): Promise<number> {
  let count = 0;
  for (const part of batches(rows)) count += await tx.$executeRaw(statement(json(part)));
  return count;
}

/** `count` ids in the shape Prisma's cuid() gives (25 characters, starting with "c"), made here since the rows bypass the client. */
export function newIds(count: number) {
  const bytes = randomBytes(12 * count).toString("hex");
  let i = 0;
  return {
    next(): string {
      if (i >= count) throw new Error("newIds: more ids asked than reserved");
      return `c${bytes.slice(24 * i, 24 * ++i)}`;
    },
  };
}

/** The highest "FA-n" of the contract (0 when none). */
export async function lastActionNumber(tx: Tx, contractId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(substring("reference" from '^FA-(\\d+)$')::int) AS "last" FROM "Action" WHERE "contractId" = ${contractId}`;
  return row?.last ?? 0;
}

const ACTION_COLUMNS = Prisma.sql`"title" text, "objectiveId" text, "purpose" text, "targetPublic" text, "lead" text, "partners" text, "startDate" date, "endDate" date, "status" text, "progress" int`;

export type NewAction = ActionFields & { id: string; reference: string };

/** New actions; a reference taken meanwhile is skipped (ON CONFLICT), which the caller sees in the count. */
export function insertActions(tx: Tx, contractId: string, rows: NewAction[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      INSERT INTO "Action" ("id", "contractId", "reference", "title", "objectiveId", "purpose", "targetPublic", "lead", "partners", "startDate", "endDate", "status", "progress", "updatedAt")
      SELECT r."id", ${contractId}, r."reference", r."title", r."objectiveId", r."purpose", r."targetPublic", r."lead", r."partners", r."startDate", r."endDate", r."status"::"ActionStatus", r."progress", NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r("id" text, "reference" text, ${ACTION_COLUMNS})
      ON CONFLICT ("contractId", "reference") DO NOTHING`,
    tx,
  );
}

/** Updates of live actions still at the version the plan saw. */
export function updateActions(tx: Tx, contractId: string, rows: (ActionFields & { id: string; version: number })[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      UPDATE "Action" AS a
      SET "title" = r."title", "objectiveId" = r."objectiveId", "purpose" = r."purpose", "targetPublic" = r."targetPublic", "lead" = r."lead",
          "partners" = r."partners", "startDate" = r."startDate", "endDate" = r."endDate", "status" = r."status"::"ActionStatus", "progress" = r."progress",
          "version" = a."version" + 1, "updatedAt" = NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r("id" text, "version" int, ${ACTION_COLUMNS})
      WHERE a."id" = r."id" AND a."version" = r."version" AND a."archivedAt" IS NULL AND a."contractId" = ${contractId}`,
    tx,
  );
}

type FundingValues = FundingRow["fields"] & { id: string };
const FUNDING_COLUMNS = Prisma.sql`"id" text, "actionId" text, "funder" text, "year" int, "stage" text, "amountCents" bigint`;

export function insertFundingLines(tx: Tx, contractId: string, rows: FundingValues[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      INSERT INTO "FundingLine" ("id", "contractId", "actionId", "funder", "year", "stage", "amountCents", "updatedAt")
      SELECT r."id", ${contractId}, r."actionId", r."funder"::"Funder", r."year", r."stage"::"FundingStage", r."amountCents", NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(${FUNDING_COLUMNS})`,
    tx,
  );
}

export function updateFundingLines(tx: Tx, contractId: string, rows: (FundingValues & { version: number })[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      UPDATE "FundingLine" AS f
      SET "actionId" = r."actionId", "funder" = r."funder"::"Funder", "year" = r."year", "stage" = r."stage"::"FundingStage",
          "amountCents" = r."amountCents", "version" = f."version" + 1, "updatedAt" = NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(${FUNDING_COLUMNS}, "version" int)
      WHERE f."id" = r."id" AND f."version" = r."version" AND f."contractId" = ${contractId}`,
    tx,
  );
}

type ValueRow = IndicatorRow["fields"] & { id: string; indicatorId: string; year: number };
const VALUE_COLUMNS = Prisma.sql`"id" text, "indicatorId" text, "year" int, "baseline" numeric, "target" numeric, "actual" numeric`;

/** New (indicator, year) values; one created meanwhile by someone else is skipped, which the count shows. */
export function insertIndicatorValues(tx: Tx, contractId: string, rows: ValueRow[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      INSERT INTO "IndicatorValue" ("id", "contractId", "indicatorId", "year", "baseline", "target", "actual", "isDemo", "updatedAt")
      SELECT r."id", ${contractId}, r."indicatorId", r."year", r."baseline", r."target", r."actual", false, NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(${VALUE_COLUMNS})
      ON CONFLICT ("contractId", "indicatorId", "year") DO NOTHING`,
    tx,
  );
}

export function updateIndicatorValues(tx: Tx, contractId: string, rows: (ValueRow & { version: number })[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      UPDATE "IndicatorValue" AS v
      SET "baseline" = r."baseline", "target" = r."target", "actual" = r."actual", "isDemo" = false, "version" = v."version" + 1, "updatedAt" = NOW()
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(${VALUE_COLUMNS}, "version" int)
      WHERE v."id" = r."id" AND v."version" = r."version" AND v."contractId" = ${contractId}`,
    tx,
  );
}

export type AuditRow = { actorRole: Role | null; entity: string; entityId: string; operation: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue };
export type AuditActor = { id: string | null; email: string | null; departmentCode: string; regionCode: string };

/** The audit rows of the whole import, in the same transaction (the table is append-only). */
export function insertAuditRows(tx: Tx, actor: AuditActor, rows: AuditRow[]) {
  return each(
    rows,
    (batch) => Prisma.sql`
      INSERT INTO "AuditLog" ("actorId", "actorEmail", "actorRole", "scopeDepartmentCode", "scopeRegionCode", "entity", "entityId", "operation", "before", "after")
      SELECT ${actor.id}::text, ${actor.email}::text, r."actorRole"::"Role", ${actor.departmentCode}::text, ${actor.regionCode}::text, r."entity", r."entityId", r."operation", r."before", r."after"
      FROM jsonb_to_recordset(${batch}::jsonb) AS r("actorRole" text, "entity" text, "entityId" text, "operation" text, "before" jsonb, "after" jsonb)`,
    tx,
  );
}
