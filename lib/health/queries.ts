import "server-only";
import { db } from "../server/db";

/** True when the database answers. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
