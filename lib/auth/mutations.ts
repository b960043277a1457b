import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { zodFieldErrors } from "../core/fields";
import { writeAudit } from "../server/audit";
import type { Viewer } from "../server/authz";
import { db } from "../server/db";
import { forbidden, invalid, ok, type Failure, type Result } from "../server/errors";
import { parseFields, runAccountWrite } from "../server/write";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, PasswordChangeSchema, SignInSchema, THROTTLE_WINDOW_MINUTES } from "./schemas";
import { createSession, revokeSession } from "./sessions";

// Same work whether the account exists or not, so timing does not reveal which e-mails are known.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AMoQLaGNv55n/sX63YcRGQ$uIdWNjx22y9O4vWqB2d0g4hpHpI2kGAOmqCxLO70Mes";

export type SignInFailure = "invalid" | "throttled";

/**
 * Password sign-in with throttling per account and per IP, counted in the database (shared by all
 * instances). Not on the write skeleton: nobody is authorized yet, and what it records is an attempt
 * (LoginAttempt), not an audited change.
 */
export async function signInWithPassword(
  input: { email: string; password: string },
  meta: { ip: string; userAgent?: string },
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; reason: SignInFailure; fieldErrors?: Record<string, string[] | undefined> }> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
  const { email, password } = parsed.data;
  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [accountFailures, ipFailures] = await Promise.all([
    db().loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    meta.ip === "unknown" ? 0 : db().loginAttempt.count({ where: { ip: meta.ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP) {
    await db().loginAttempt.create({ data: { email, ip: meta.ip, success: false } });
    return { ok: false, reason: "throttled" };
  }
  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!user || !user.isActive || !user.passwordHash || !passwordOk) {
    await db().loginAttempt.create({ data: { email, ip: meta.ip, success: false } });
    return { ok: false, reason: "invalid" };
  }
  await db().loginAttempt.create({ data: { email, ip: meta.ip, success: true } });
  const session = await createSession(user.id, meta);
  return { ok: true, ...session };
}

/** A refused sign-in as a mutation's failure, for the form (toFormState). */
export function signInRefusal(refused: { reason: SignInFailure; fieldErrors?: Record<string, string[] | undefined> }): Failure {
  if (refused.reason === "throttled") return { ...forbidden(), message: "Trop de tentatives de connexion : réessayez dans 15 minutes." };
  if (refused.fieldErrors) return invalid(refused.fieldErrors);
  return { ...forbidden(), message: "Adresse électronique ou mot de passe incorrect." };
}

export async function signOut(viewer: Viewer) {
  if (viewer.kind === "user") await revokeSession(viewer.sessionId);
}

/** Changing one's password signs the account out everywhere; the caller gets a fresh session. */
export async function changePassword(
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string; confirmation: string },
  meta: { ip: string; userAgent?: string },
): Promise<Result<{ token: string; expiresAt: Date }, never>> {
  const changed = await runAccountWrite({
    viewer,
    signedOut: () => invalid({}, "Connectez-vous d'abord."),
    prepare: async ({ user: { id } }) => {
      const parsed = parseFields(PasswordChangeSchema, input);
      if (!parsed.ok) return parsed;
      const user = await db().user.findUniqueOrThrow({ where: { id } });
      if (!user.passwordHash || !(await verify(user.passwordHash, parsed.value.currentPassword).catch(() => false))) {
        return invalid({ currentPassword: ["Mot de passe actuel incorrect."] });
      }
      return { ok: true, value: await hash(parsed.value.newPassword) };
    },
    write: async (tx, { user: { id } }, passwordHash) => {
      const changedAt = new Date();
      await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: changedAt } });
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: changedAt } });
      await writeAudit(tx, { viewer, permission: null, territory: null, entity: "User", entityId: id, operation: "password_change" });
      return ok(id);
    },
  });
  if (!changed.ok) return changed;
  // Strictly after the change, so the new session is not void.
  await new Promise((r) => setTimeout(r, 2));
  return ok(await createSession(changed.value, meta));
}
