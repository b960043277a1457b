// When a session still opens the workspace: one rule, for the app (sessions.ts) and for the proxy's
// reader lookup (lib/page-cache/session-reader.ts). No "server-only": the proxy bundle imports it.
import { createHash } from "node:crypto";

/** A session's id: the SHA-256 of its token (the token itself is only in the cookie). */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SessionState = { revokedAt: Date | null; expiresAt: Date; createdAt: Date; isActive: boolean; passwordChangedAt: Date | null };

/** Not revoked, not expired, the account active, and opened after the last password change. */
export function isSessionLive(s: SessionState, now = new Date()): boolean {
  if (s.revokedAt || s.expiresAt <= now || !s.isActive) return false;
  // Sessions opened before the last password change are void, wherever they are.
  return !(s.passwordChangedAt && s.createdAt < s.passwordChangedAt);
}
