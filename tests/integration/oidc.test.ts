import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeOidcSignIn, decodeOidcTransient, encodeOidcTransient, startOidcSignIn } from "../../lib/auth/oidc";
import { DEFAULT_PROCONNECT_SCOPES, readOidcConfig } from "../../lib/auth/oidc-config";
import { viewerFromSessionToken } from "../../lib/auth/sessions";
import { db } from "../../lib/server/db";
import { createUser } from "../factories/users";
import { startOidcTestProvider, TEST_AGENTS, type OidcTestProvider } from "../support/oidc-test-provider";

// The whole flow against a real OpenID provider on 127.0.0.1 (oidc-provider), driven with fetch.
const REDIRECT_URI = "http://127.0.0.1:3100/connexion/proconnect/callback";
const UNKNOWN_AGENT = "agent.inconnu@interieur.gouv.fr";
const meta = { ip: "192.0.2.10", userAgent: "vitest" };

let provider: OidcTestProvider;
let editor: { id: string; email: string };
let deactivated: { id: string; email: string };
const savedEnv = { ...process.env };

function useProvider(p: OidcTestProvider, extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    PROCONNECT_ISSUER: p.issuer,
    PROCONNECT_CLIENT_ID: p.clientId,
    PROCONNECT_CLIENT_SECRET: p.clientSecret,
    PROCONNECT_REDIRECT_URI: REDIRECT_URI,
    ...extra,
  });
}

async function start() {
  const started = await startOidcSignIn();
  if (!started.ok) throw new Error(`start failed: ${started.reason}`);
  return started;
}

const counts = async () => ({
  users: await db().user.count(),
  sessions: await db().session.count(),
  audits: await db().auditLog.count({ where: { operation: "signin_oidc" } }),
});

beforeAll(async () => {
  editor = await createUser("DEPARTMENT_EDITOR", { departmentCode: "77" });
  deactivated = await createUser("DEPARTMENT_READER", { departmentCode: "77" });
  await db().user.update({ where: { id: deactivated.id }, data: { isActive: false } });
  provider = await startOidcTestProvider({
    port: 0,
    redirectUri: REDIRECT_URI,
    agents: [
      // ProConnect may spell the address with capitals: the match ignores case.
      { email: editor.email.toUpperCase(), given_name: "Camille", usual_name: "Martin" },
      { email: deactivated.email, given_name: "Louis", usual_name: "Bernard" },
      ...TEST_AGENTS,
    ],
  });
  useProvider(provider);
});

afterAll(async () => {
  await provider?.close();
  for (const key of Object.keys(process.env)) if (key.startsWith("PROCONNECT_") && !(key in savedEnv)) delete process.env[key];
});

describe("ProConnect sign-in (OIDC)", () => {
  it("sends the browser to the provider with PKCE S256, state, nonce and the ProConnect scopes", async () => {
    const started = await start();
    const url = new URL(started.url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe(provider.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(url.searchParams.get("scope")).toBe(DEFAULT_PROCONNECT_SCOPES);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const transient = decodeOidcTransient(started.cookieValue);
    expect(transient).not.toBeNull();
    expect(url.searchParams.get("state")).toBe(transient!.state);
    expect(url.searchParams.get("nonce")).toBe(transient!.nonce);
    // The verifier stays with the client; only its S256 challenge travels.
    expect(url.searchParams.get("code_challenge")).not.toBe(transient!.verifier);
    expect(started.url).not.toContain(transient!.verifier);
  });

  it("opens a session for the existing account with that e-mail, audited, from a userinfo signed as a JWT", async () => {
    const before = await counts();
    const started = await start();
    const callback = await provider.signIn(started.url, editor.email.toUpperCase());
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("code")).toMatch(/^\S{8,}$/);
    const seenUserinfo = provider.userinfoContentTypes.length;

    const result = await completeOidcSignIn(callback, started.cookieValue, meta);
    expect(result).toMatchObject({ ok: true, userId: editor.id });
    if (!result.ok) return;
    const viewer = await viewerFromSessionToken(result.token);
    expect(viewer).toMatchObject({ kind: "user", user: { id: editor.id, email: editor.email, roles: [{ role: "DEPARTMENT_EDITOR", departmentCode: "77" }] } });
    const session = await db().session.findFirstOrThrow({ where: { userId: editor.id }, orderBy: { createdAt: "desc" } });
    expect(session).toMatchObject({ ip: meta.ip, userAgent: "vitest", revokedAt: null });

    // The provider answered userinfo as a signed JWT, and openid-client accepted it.
    expect(provider.userinfoContentTypes.slice(seenUserinfo)).toEqual([expect.stringMatching(/^application\/jwt/)]);

    const audit = await db().auditLog.findFirstOrThrow({ where: { operation: "signin_oidc", entityId: editor.id } });
    expect(audit).toMatchObject({ entity: "User", actorId: editor.id, actorEmail: editor.email, actorRole: "DEPARTMENT_EDITOR" });
    expect(audit.after).toMatchObject({ provider: "proconnect", issuer: `${provider.issuer}/` });
    const after = await counts();
    expect(after).toEqual({ users: before.users, sessions: before.sessions + 1, audits: before.audits + 1 });
  });

  it("refuses an agent unknown to Tripartite, and creates nothing", async () => {
    const before = await counts();
    const started = await start();
    const callback = await provider.signIn(started.url, UNKNOWN_AGENT);
    expect(await completeOidcSignIn(callback, started.cookieValue, meta)).toEqual({ ok: false, reason: "compte-inconnu" });
    expect(await db().user.findFirst({ where: { email: { equals: UNKNOWN_AGENT, mode: "insensitive" } } })).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("refuses a deactivated account, and opens no session", async () => {
    const before = await counts();
    const started = await start();
    const callback = await provider.signIn(started.url, deactivated.email);
    expect(await completeOidcSignIn(callback, started.cookieValue, meta)).toEqual({ ok: false, reason: "compte-inconnu" });
    expect(await db().session.count({ where: { userId: deactivated.id } })).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("refuses a tampered state, and an answer meant for another browser", async () => {
    const before = await counts();
    const started = await start();
    const callback = await provider.signIn(started.url, editor.email);
    const tampered = new URL(callback);
    tampered.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    expect(await completeOidcSignIn(tampered, started.cookieValue, meta)).toEqual({ ok: false, reason: "etat-invalide" });

    // The same genuine answer, arriving with another sign-in's cookie (login CSRF).
    const other = await start();
    expect(await completeOidcSignIn(callback, other.cookieValue, meta)).toEqual({ ok: false, reason: "etat-invalide" });
    // Without the cookie at all (expired, or another browser).
    expect(await completeOidcSignIn(callback, undefined, meta)).toEqual({ ok: false, reason: "session-expiree" });
    expect(await completeOidcSignIn(callback, "not-a-cookie", meta)).toEqual({ ok: false, reason: "session-expiree" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a mismatched nonce, a wrong PKCE verifier, a replayed code and a stale cookie", async () => {
    const before = await counts();
    const a = await start();
    const transient = decodeOidcTransient(a.cookieValue)!;
    const callbackA = await provider.signIn(a.url, editor.email);
    const wrongNonce = encodeOidcTransient({ ...transient, nonce: "n".repeat(43) });
    expect(await completeOidcSignIn(callbackA, wrongNonce, meta)).toEqual({ ok: false, reason: "fournisseur" });

    const b = await start();
    const callbackB = await provider.signIn(b.url, editor.email);
    const wrongVerifier = encodeOidcTransient({ ...decodeOidcTransient(b.cookieValue)!, verifier: "v".repeat(43) });
    expect(await completeOidcSignIn(callbackB, wrongVerifier, meta)).toEqual({ ok: false, reason: "fournisseur" });

    const c = await start();
    const callbackC = await provider.signIn(c.url, editor.email);
    const stale = encodeOidcTransient({ ...decodeOidcTransient(c.cookieValue)!, issuedAt: Date.now() - 11 * 60_000 });
    expect(await completeOidcSignIn(callbackC, stale, meta)).toEqual({ ok: false, reason: "session-expiree" });
    expect(await counts()).toEqual(before);

    expect((await completeOidcSignIn(callbackC, c.cookieValue, meta)).ok).toBe(true);
    expect(await completeOidcSignIn(callbackC, c.cookieValue, meta)).toEqual({ ok: false, reason: "fournisseur" });
  });

  it("reports an agent who cancels at the provider, with no session", async () => {
    const before = await counts();
    const started = await start();
    const callback = await provider.cancel(started.url);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(await completeOidcSignIn(callback, started.cookieValue, meta)).toEqual({ ok: false, reason: "refus" });
    expect(await counts()).toEqual(before);
  });

  it("works with client_secret_basic too", async () => {
    const basic = await startOidcTestProvider({ port: 0, redirectUri: REDIRECT_URI, tokenAuthMethod: "client_secret_basic", agents: [{ email: editor.email, given_name: "C", usual_name: "M" }] });
    try {
      useProvider(basic, { PROCONNECT_TOKEN_AUTH_METHOD: "client_secret_basic" });
      const started = await start();
      const result = await completeOidcSignIn(await basic.signIn(started.url, editor.email), started.cookieValue, meta);
      expect(result).toMatchObject({ ok: true, userId: editor.id });
    } finally {
      useProvider(provider, { PROCONNECT_TOKEN_AUTH_METHOD: "" });
      await basic.close();
    }
  });

  it("is off when unconfigured, and unavailable when discovery fails", async () => {
    useProvider(provider, { PROCONNECT_ISSUER: "", PROCONNECT_CLIENT_ID: "", PROCONNECT_CLIENT_SECRET: "" });
    try {
      expect(await startOidcSignIn()).toEqual({ ok: false, reason: "indisponible" });
      useProvider(provider, { PROCONNECT_ISSUER: "http://127.0.0.1:9/" });
      expect(await startOidcSignIn()).toEqual({ ok: false, reason: "indisponible" });
    } finally {
      useProvider(provider);
    }
  });
});

describe("ProConnect configuration", () => {
  const base = { PROCONNECT_ISSUER: "https://proconnect.gouv.fr/api/v2", PROCONNECT_CLIENT_ID: "id", PROCONNECT_CLIENT_SECRET: "secret" };

  it("is off when the variables are absent or blank", () => {
    expect(readOidcConfig({})).toEqual({ status: "off" });
    expect(readOidcConfig({ PROCONNECT_ISSUER: " ", PROCONNECT_CLIENT_ID: "", APP_URL: "https://tripartite.example.fr" })).toEqual({ status: "off" });
  });

  it("derives the redirect URI from APP_URL, with ProConnect's scopes and client_secret_post by default", () => {
    const result = readOidcConfig({ ...base, APP_URL: "https://tripartite.example.fr" });
    expect(result.status).toBe("on");
    if (result.status !== "on") return;
    expect(result.config).toMatchObject({
      redirectUri: "https://tripartite.example.fr/connexion/proconnect/callback",
      scope: "openid email given_name usual_name",
      tokenAuthMethod: "client_secret_post",
      allowInsecureRequests: false,
      secureCookie: true,
    });
    expect(result.config.issuer.href).toBe("https://proconnect.gouv.fr/api/v2");
  });

  it("takes the scopes and the redirect URI given", () => {
    const result = readOidcConfig({ ...base, PROCONNECT_REDIRECT_URI: "https://a.example.fr/cb", PROCONNECT_SCOPES: "openid  email siret" });
    expect(result.status === "on" && result.config).toMatchObject({ redirectUri: "https://a.example.fr/cb", scope: "openid email siret" });
  });

  it("refuses plain http except on this machine, a half configuration, and scopes without openid", () => {
    expect(readOidcConfig({ ...base, PROCONNECT_ISSUER: "http://proconnect.gouv.fr", APP_URL: "https://x.fr" }).status).toBe("invalid");
    expect(readOidcConfig({ ...base, PROCONNECT_ISSUER: "http://127.0.0.1:3199", APP_URL: "http://127.0.0.1:3100" })).toMatchObject({
      status: "on",
      config: { allowInsecureRequests: true, secureCookie: false },
    });
    expect(readOidcConfig({ ...base, PROCONNECT_ISSUER: "http://localhost:3199", APP_URL: "http://localhost:3100" }).status).toBe("on");
    expect(readOidcConfig({ PROCONNECT_ISSUER: base.PROCONNECT_ISSUER, APP_URL: "https://x.fr" }).status).toBe("invalid");
    expect(readOidcConfig(base).status).toBe("invalid"); // no redirect URI, no APP_URL
    expect(readOidcConfig({ ...base, APP_URL: "https://x.fr", PROCONNECT_SCOPES: "email" }).status).toBe("invalid");
    expect(readOidcConfig({ ...base, APP_URL: "https://x.fr", PROCONNECT_TOKEN_AUTH_METHOD: "none" }).status).toBe("invalid");
  });
});
