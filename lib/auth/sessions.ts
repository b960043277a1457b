import "server-only";
import { randomBytes } from "node:crypto";
import type { Role, SessionUser, Viewer } from "../server/authz";
import { db } from "../server/db";
import { SESSION_HOURS } from "./schemas";
import { hashToken, isSessionLive } from "./session-rule";

export { hashToken };

/** A new server-side session; only the token's hash is stored. */
export async function createSession(userId: string, meta: { ip?: string; userAgent?: string } = {}) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db().session.create({ data: { id: hashToken(token), userId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null } });
  return { token, expiresAt };
}

/** The viewer behind a session token: null when unknown, expired, revoked, or the account is inactive. */
export async function viewerFromSessionToken(token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { id: hashToken(token) },
    include: { user: { include: { roles: true } } },
  });
  if (!session || !isSessionLive({ ...session, isActive: session.user.isActive, passwordChangedAt: session.user.passwordChangedAt })) return null;
  const { user } = session;
  const sessionUser: SessionUser = {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles.map((r) => ({ role: r.role as Role, departmentCode: r.departmentCode, regionCode: r.regionCode })),
  };
  return { kind: "user", user: sessionUser, sessionId: session.id };
}

export async function revokeSession(sessionId: string) {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
