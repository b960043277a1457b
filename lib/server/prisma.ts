// Builds a Prisma client on the project's driver adapter. Used by the app (through db.ts), the seed and the tests.
import { PrismaClient } from "./generated/prisma/client";
import { createAdapterFactory } from "./pg-adapter";

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapterFactory(databaseUrl) });
}
