import "server-only";
import { z } from "zod";

// ProConnect (the French public agents' SSO) through OpenID Connect: off unless configured.

export const DEFAULT_PROCONNECT_SCOPES = "openid email given_name usual_name";
export const PROCONNECT_CALLBACK_PATH = "/connexion/proconnect/callback";

// Plain http only for a provider on this machine (the tests' local provider).
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), `${name} doit être une URL http(s).`);

const blankIsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const OidcEnvSchema = z
  .object({
    PROCONNECT_ISSUER: z.preprocess(
      blankIsAbsent,
      httpUrl("PROCONNECT_ISSUER").refine((value) => {
        // zod runs this check even when the one above failed: an unreadable URL is reported there.
        if (!URL.canParse(value)) return true;
        const url = new URL(value);
        return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
      }, "PROCONNECT_ISSUER doit être en https (http n'est admis que pour 127.0.0.1 ou localhost)."),
    ),
    PROCONNECT_CLIENT_ID: z.preprocess(blankIsAbsent, z.string({ error: "PROCONNECT_CLIENT_ID manque." }).trim().min(1)),
    PROCONNECT_CLIENT_SECRET: z.preprocess(blankIsAbsent, z.string({ error: "PROCONNECT_CLIENT_SECRET manque." }).min(1)),
    PROCONNECT_REDIRECT_URI: z.preprocess(blankIsAbsent, httpUrl("PROCONNECT_REDIRECT_URI").optional()),
    APP_URL: z.preprocess(blankIsAbsent, httpUrl("APP_URL").optional()),
    PROCONNECT_SCOPES: z.preprocess(
      blankIsAbsent,
      z
        .string()
        .trim()
        .default(DEFAULT_PROCONNECT_SCOPES)
        .refine((value) => value.split(/\s+/).includes("openid"), "PROCONNECT_SCOPES doit contenir « openid »."),
    ),
    PROCONNECT_TOKEN_AUTH_METHOD: z.preprocess(blankIsAbsent, z.enum(["client_secret_post", "client_secret_basic"]).default("client_secret_post")),
  })
  .refine((env) => env.PROCONNECT_REDIRECT_URI || env.APP_URL, {
    path: ["PROCONNECT_REDIRECT_URI"],
    message: "Indiquez PROCONNECT_REDIRECT_URI, ou APP_URL pour en déduire l'adresse de retour.",
  })
  .transform((env) => {
    const issuer = new URL(env.PROCONNECT_ISSUER);
    const redirectUri = env.PROCONNECT_REDIRECT_URI ?? new URL(PROCONNECT_CALLBACK_PATH, env.APP_URL).href;
    return {
      issuer,
      clientId: env.PROCONNECT_CLIENT_ID,
      clientSecret: env.PROCONNECT_CLIENT_SECRET,
      redirectUri,
      scope: env.PROCONNECT_SCOPES.split(/\s+/).join(" "),
      tokenAuthMethod: env.PROCONNECT_TOKEN_AUTH_METHOD,
      allowInsecureRequests: issuer.protocol === "http:",
      /** The transient cookie travels only where the provider sends the browser back. */
      secureCookie: new URL(redirectUri).protocol === "https:",
    };
  });

export type OidcConfig = z.output<typeof OidcEnvSchema>;

export type OidcConfigResult = { status: "off" } | { status: "on"; config: OidcConfig } | { status: "invalid"; issues: string[] };

/** Pure: what the environment says. Off when none of the three required variables is set. */
export function readOidcConfig(env: Record<string, string | undefined>): OidcConfigResult {
  const required = [env.PROCONNECT_ISSUER, env.PROCONNECT_CLIENT_ID, env.PROCONNECT_CLIENT_SECRET];
  if (required.every((value) => !value?.trim())) return { status: "off" };
  const parsed = OidcEnvSchema.safeParse(env);
  if (!parsed.success) return { status: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`) };
  return { status: "on", config: parsed.data };
}

const reported = new Set<string>();

/**
 * The configuration in force, or null when ProConnect is off. A half-done configuration is reported
 * in the server log and treated as off, so that password sign-in keeps working.
 */
export function getOidcConfig(): OidcConfig | null {
  const result = readOidcConfig(process.env);
  if (result.status === "invalid") {
    const message = `Connexion ProConnect désactivée, configuration invalide : ${result.issues.join(" ; ")}`;
    if (!reported.has(message)) console.error(message);
    reported.add(message);
    return null;
  }
  return result.status === "on" ? result.config : null;
}

export const isOidcEnabled = () => getOidcConfig() !== null;

/** Why an OIDC sign-in ended on the sign-in page (the `?erreur=` code), and what the page says. */
export const OIDC_FAILURES = {
  "compte-inconnu":
    "Aucun compte actif de Tripartite ne correspond à l'adresse électronique transmise par ProConnect. Demandez l'ouverture d'un accès à l'administrateur de Tripartite.",
  refus: "La connexion avec ProConnect a été annulée.",
  "etat-invalide": "La réponse de ProConnect n'a pas pu être vérifiée. Recommencez la connexion depuis cette page.",
  "session-expiree": "La connexion avec ProConnect a expiré ou a été ouverte dans un autre navigateur. Recommencez depuis cette page.",
  fournisseur: "ProConnect n'a pas pu confirmer votre identité. Réessayez dans quelques instants.",
  indisponible: "La connexion avec ProConnect n'est pas disponible pour le moment. Utilisez votre mot de passe ou réessayez plus tard.",
} as const;

export type OidcFailure = keyof typeof OIDC_FAILURES;

export function oidcFailureMessage(code: string | string[] | undefined): string | null {
  return typeof code === "string" && Object.hasOwn(OIDC_FAILURES, code) ? OIDC_FAILURES[code as OidcFailure] : null;
}
