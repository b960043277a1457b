import { describe, expect, it } from "vitest";
import { changePassword, signInWithPassword, signOut } from "../../lib/auth/mutations";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "../../lib/auth/schemas";
import { createSession, viewerFromSessionToken } from "../../lib/auth/sessions";
import { db } from "../../lib/server/db";
import { createUser } from "../factories/users";

const meta = (ip = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest" });

describe("password sign-in", () => {
  it("opens a 12-hour session for the right password, stored as a hash", async () => {
    const user = await createUser("DEPARTMENT_EDITOR", { departmentCode: "77" }, "un-mot-de-passe-solide");
    const result = await signInWithPassword({ email: user.email.toUpperCase(), password: "un-mot-de-passe-solide" }, meta());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hours = (result.expiresAt.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    expect(await db().session.findUnique({ where: { id: result.token } })).toBeNull();
    const viewer = await viewerFromSessionToken(result.token);
    expect(viewer).toMatchObject({ kind: "user", user: { email: user.email, roles: [{ role: "DEPARTMENT_EDITOR", departmentCode: "77" }] } });
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" });
    expect(await signInWithPassword({ email: user.email, password: "faux" }, meta())).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: "inconnu@test.tripartite.fr", password: "faux" }, meta())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account and voids its sessions", async () => {
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" }, "mot-de-passe-valide");
    const { token } = await createSession(user.id);
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await signInWithPassword({ email: user.email, password: "mot-de-passe-valide" }, meta())).toEqual({ ok: false, reason: "invalid" });
    expect(await viewerFromSessionToken(token)).toBeNull();
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const user = await createUser("DEPARTMENT_EDITOR", { departmentCode: "63" }, "le-bon-mot-de-passe");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signInWithPassword({ email: user.email, password: "mauvais" }, meta());
    expect(await signInWithPassword({ email: user.email, password: "le-bon-mot-de-passe" }, meta())).toEqual({ ok: false, reason: "throttled" });
  });

  it("throttles an IP address trying many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await signInWithPassword({ email: `essai${i}@test.tripartite.fr`, password: "x" }, meta(ip));
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" }, "correct-horse-battery");
    expect(await signInWithPassword({ email: user.email, password: "correct-horse-battery" }, meta(ip))).toEqual({ ok: false, reason: "throttled" });
    expect((await signInWithPassword({ email: user.email, password: "correct-horse-battery" }, meta("192.0.2.78"))).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("ends at sign-out", async () => {
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" });
    const { token } = await createSession(user.id);
    const viewer = await viewerFromSessionToken(token);
    await signOut(viewer!);
    expect(await viewerFromSessionToken(token)).toBeNull();
  });

  it("expires after its time", async () => {
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" });
    const { token } = await createSession(user.id);
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await viewerFromSessionToken(token)).toBeNull();
  });

  it("are all closed when the password changes, except the new one", async () => {
    const user = await createUser("DEPARTMENT_EDITOR", { departmentCode: "77" }, "ancien-mot-de-passe");
    const a = await createSession(user.id);
    const b = await createSession(user.id);
    const viewer = await viewerFromSessionToken(a.token);
    const bad = await changePassword(viewer!, { currentPassword: "faux", newPassword: "nouveau-mot-de-passe", confirmation: "nouveau-mot-de-passe" }, meta());
    expect(bad).toMatchObject({ ok: false, code: "invalid", fieldErrors: { currentPassword: ["Mot de passe actuel incorrect."] } });
    const result = await changePassword(viewer!, { currentPassword: "ancien-mot-de-passe", newPassword: "nouveau-mot-de-passe", confirmation: "nouveau-mot-de-passe" }, meta());
    expect(result.ok).toBe(true);
    expect(await viewerFromSessionToken(a.token)).toBeNull();
    expect(await viewerFromSessionToken(b.token)).toBeNull();
    if (result.ok) expect(await viewerFromSessionToken(result.value.token)).not.toBeNull();
    expect((await signInWithPassword({ email: user.email, password: "nouveau-mot-de-passe" }, meta())).ok).toBe(true);
  });
});

describe("throttling without a proxy", () => {
  it("does not lump every visitor of an unknown address together", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP + 2; i++) await signInWithPassword({ email: `autre${i}@test.tripartite.fr`, password: "x" }, { ip: "unknown" });
    const user = await createUser("DEPARTMENT_READER", { departmentCode: "77" }, "phrase-de-passe-longue");
    expect((await signInWithPassword({ email: user.email, password: "phrase-de-passe-longue" }, { ip: "unknown" })).ok).toBe(true);
  });
});
