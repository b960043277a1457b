// The proxy's one database read: who is behind a session cookie, reduced to their reader
// (lib/server/reader.ts), to pick the cached copy of a signed-in view. The proxy cannot load the app's
// Prisma client ("server-only"), so this is one SQL query on a small pool of its own; the rule that makes
// a session valid is the app's (lib/auth/session-rule.ts). No "server-only": the proxy bundle imports it.
import pg from "pg";
import type { Role } from "../server/authz";
import { readerWithRoles, type Reader } from "../server/reader";
import { hashToken, isSessionLive } from "../auth/session-rule";

// Prisma stores DateTime as UTC in columns without time zone; read as they are, pg would take them for
// the server's local time. AT TIME ZONE 'UTC' makes them instants, the same as Prisma reads them.
const SESSION_ROLES = `
  SELECT s."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
         s."createdAt" AT TIME ZONE 'UTC' AS "createdAt", u."isActive", u."passwordChangedAt" AT TIME ZONE 'UTC' AS "passwordChangedAt",
         COALESCE(json_agg(json_build_object('role', r.role, 'departmentCode', r."departmentCode", 'regionCode', r."regionCode"))
                  FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
  FROM "Session" s
  JOIN "User" u ON u.id = s."userId"
  LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
  WHERE s.id = $1
  GROUP BY s.id, u.id`;

type Row = { revokedAt: Date | null; expiresAt: Date; createdAt: Date; isActive: boolean; passwordChangedAt: Date | null; roles: { role: Role; departmentCode: string | null; regionCode: string | null }[] };

const holder = globalThis as unknown as { tripartiteProxyPool?: pg.Pool };

function pool(): pg.Pool | null {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  if (!holder.tripartiteProxyPool) {
    holder.tripartiteProxyPool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2_000 });
    // A dropped connection (database restarted) must not crash the server: the next query reconnects.
    holder.tripartiteProxyPool.on("error", () => {});
  }
  return holder.tripartiteProxyPool;
}

/**
 * The signed-in viewer behind a session token, with their roles only (no name, no e-mail): null when the
 * session is unknown, expired, revoked or void, and when the database cannot be read (the page then
 * renders as usual, and answers for itself).
 */
export async function viewerRolesFromToken(token: string | undefined, now = new Date()): Promise<Reader | null> {
  const client = token ? pool() : null;
  if (!token || !client) return null;
  try {
    const { rows } = await client.query<Row>(SESSION_ROLES, [hashToken(token)]);
    const row = rows[0];
    if (!row || !isSessionLive(row, now)) return null;
    return readerWithRoles(row.roles);
  } catch {
    return null;
  }
}
