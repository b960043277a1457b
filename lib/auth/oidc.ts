import "server-only";
import * as client from "openid-client";
import { z } from "zod";
import { writeAudit } from "../server/audit";
import { db } from "../server/db";
import { cookieName, scopedCookieOptions } from "./cookies";
import { getOidcConfig, type OidcConfig, type OidcFailure } from "./oidc-config";
import { createSession, viewerFromSessionToken } from "./sessions";

// Sign-in through ProConnect: authorization code flow with PKCE (S256), state and nonce. What must
// survive between the redirect and the callback lives in a short-lived HttpOnly cookie, never in this
// process (the app runs as several stateless instances). All the protocol and its cryptography is
// openid-client's: id_token checks (signature, issuer, audience, nonce, expiry), the code exchange,
// and the userinfo answer, which ProConnect signs (a JWT, checked against the provider's keys).

const OIDC_COOKIE = "tripartite_oidc";
const TRANSIENT_MINUTES = 10;

const TransientSchema = z.object({
  state: z.string().min(22),
  nonce: z.string().min(22),
  verifier: z.string().min(43),
  issuedAt: z.number().int(),
});
export type OidcTransient = z.infer<typeof TransientSchema>;

export const encodeOidcTransient = (value: OidcTransient) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function decodeOidcTransient(cookie: string | undefined): OidcTransient | null {
  if (!cookie) return null;
  try {
    const parsed = TransientSchema.safeParse(JSON.parse(Buffer.from(cookie, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The transient cookie, for a few minutes: Secure with the __Host- prefix when the provider sends the
 * browser back over https, else sent only under /connexion/proconnect. SameSite=Lax: the return from the
 * provider is a cross-site navigation.
 */
export function oidcCookie(config: OidcConfig | null = getOidcConfig()) {
  const secure = config?.secureCookie ?? true;
  return { name: cookieName(OIDC_COOKIE, secure), options: { ...scopedCookieOptions(secure, "/connexion/proconnect"), maxAge: TRANSIENT_MINUTES * 60 } };
}

// Discovery is shared by all sign-ins of this process (it is the provider's public metadata, not
// anyone's state); refreshed hourly, forgotten on failure.
const DISCOVERY_TTL_MS = 3600_000;
const configurations = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

// Never through Next's data cache: keys rotate, and tokens are nobody else's.
const noStoreFetch: client.CustomFetch = (url, options) => fetch(url, { ...options, cache: "no-store" } as RequestInit);

function clientConfiguration(config: OidcConfig): Promise<client.Configuration> {
  const key = JSON.stringify([config.issuer.href, config.clientId, config.clientSecret, config.tokenAuthMethod]);
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const authentication =
    config.tokenAuthMethod === "client_secret_basic" ? client.ClientSecretBasic(config.clientSecret) : client.ClientSecretPost(config.clientSecret);
  const execute = [client.enableNonRepudiationChecks];
  // Plain http: only for a provider on 127.0.0.1/localhost (checked in oidc-config.ts).
  if (config.allowInsecureRequests) execute.unshift(client.allowInsecureRequests);
  const configuration = client.discovery(
    config.issuer,
    config.clientId,
    { client_secret: config.clientSecret, id_token_signed_response_alg: "RS256", userinfo_signed_response_alg: "RS256" },
    authentication,
    { execute, timeout: 10, [client.customFetch]: noStoreFetch },
  );
  configurations.set(key, { at: Date.now(), configuration });
  configuration.catch(() => configurations.delete(key));
  return configuration;
}

export type OidcStart = { ok: true; url: string; cookieValue: string } | { ok: false; reason: OidcFailure };

/** Where to send the browser, and what to keep in the transient cookie until it comes back. */
export async function startOidcSignIn(): Promise<OidcStart> {
  const config = getOidcConfig();
  if (!config) return { ok: false, reason: "indisponible" };
  let configuration: client.Configuration;
  try {
    configuration = await clientConfiguration(config);
  } catch (error) {
    console.error("ProConnect : découverte impossible", error);
    return { ok: false, reason: "indisponible" };
  }
  const transient: OidcTransient = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    issuedAt: Date.now(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state: transient.state,
    nonce: transient.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transient.verifier),
    code_challenge_method: "S256",
  });
  return { ok: true, url: url.href, cookieValue: encodeOidcTransient(transient) };
}

export type OidcCompletion = { ok: true; userId: string; token: string; expiresAt: Date } | { ok: false; reason: OidcFailure };

const EmailSchema = z.string().trim().toLowerCase().pipe(z.email());

/**
 * The callback: checks the provider's answer against the transient cookie, exchanges the code, reads
 * the signed userinfo, and opens a session for the existing active account with that e-mail. Nothing is
 * created for an unknown or deactivated e-mail.
 */
export async function completeOidcSignIn(
  callbackUrl: string | URL,
  cookieValue: string | undefined,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<OidcCompletion> {
  const config = getOidcConfig();
  if (!config) return { ok: false, reason: "indisponible" };
  const received = new URL(callbackUrl);
  const params = received.searchParams;
  const error = params.get("error");
  if (error) {
    if (error !== "access_denied") console.error(`ProConnect a répondu ${error} : ${params.get("error_description") ?? ""}`);
    return { ok: false, reason: error === "access_denied" ? "refus" : "fournisseur" };
  }
  const transient = decodeOidcTransient(cookieValue);
  if (!transient || Date.now() - transient.issuedAt > TRANSIENT_MINUTES * 60_000) return { ok: false, reason: "session-expiree" };
  // openid-client checks the state too; checking first tells a forged answer from a provider failure.
  if (params.get("state") !== transient.state) return { ok: false, reason: "etat-invalide" };

  // The registered redirect URI with the answer's parameters: behind a proxy the request's own URL
  // (host, scheme) may differ, and the token request must repeat the registered one exactly.
  const current = new URL(config.redirectUri);
  current.search = received.search;

  let email: string;
  let subject: string;
  try {
    const configuration = await clientConfiguration(config);
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: transient.verifier,
      expectedState: transient.state,
      expectedNonce: transient.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("id_token absent");
    subject = idToken.sub;
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, subject);
    const parsed = EmailSchema.safeParse(userinfo.email);
    if (!parsed.success) throw new Error("adresse électronique absente ou invalide dans userinfo");
    email = parsed.data;
  } catch (failure) {
    console.error("ProConnect : échec de la connexion", failure);
    return { ok: false, reason: "fournisseur" };
  }

  const user = await db().user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, isActive: true }, select: { id: true } });
  if (!user) return { ok: false, reason: "compte-inconnu" };

  const session = await createSession(user.id, meta);
  const viewer = await viewerFromSessionToken(session.token);
  if (!viewer) throw new Error("session introuvable juste après sa création");
  await db().$transaction((tx) =>
    writeAudit(tx, {
      viewer,
      permission: null,
      territory: null,
      entity: "User",
      entityId: user.id,
      operation: "signin_oidc",
      after: { provider: "proconnect", issuer: config.issuer.href, sub: subject },
    }),
  );
  return { ok: true, userId: user.id, ...session };
}
