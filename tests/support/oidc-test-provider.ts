// A local OpenID provider shaped like ProConnect, for the tests: one confidential client, PKCE required,
// id_token and userinfo signed RS256 (userinfo answered as a JWT), e-mail and names in userinfo only.
// Its login page asks for an e-mail from a fixed set of agents; consent is given automatically.
import { generateKeyPair, randomUUID, type KeyObject } from "node:crypto";
import http from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import Provider, { type InteractionDetails } from "oidc-provider";

export type TestAgent = { email: string; given_name: string; usual_name: string; uid?: string; siret?: string };

/** Agents the provider knows: the demo accounts of Tripartite, and one agent Tripartite does not know. */
export const TEST_AGENTS: TestAgent[] = [
  { email: "editeur.77@demo.tripartite.fr", given_name: "Camille", usual_name: "Martin", siret: "22770001000019" },
  { email: "lecteur.77@demo.tripartite.fr", given_name: "Louis", usual_name: "Bernard", siret: "22770001000019" },
  { email: "editeur.63@demo.tripartite.fr", given_name: "Claire", usual_name: "Dubois", siret: "22630001800015" },
  { email: "ars.idf@demo.tripartite.fr", given_name: "Sophie", usual_name: "Thomas", siret: "13000548100010" },
  { email: "national@demo.tripartite.fr", given_name: "Paul", usual_name: "Robert", siret: "11000201100044" },
  { email: "agent.inconnu@interieur.gouv.fr", given_name: "Jean", usual_name: "Inconnu", siret: "11000601200010" },
];

export type TestProviderOptions = {
  /** 0 picks a free port. */
  port: number;
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  tokenAuthMethod?: "client_secret_basic" | "client_secret_post";
  agents?: TestAgent[];
};

export type OidcTestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The content type of every userinfo answer, in order (ProConnect answers application/jwt). */
  userinfoContentTypes: string[];
  /** Follows the provider's pages as a browser would, signs in as this agent, and returns the redirect back to the client. */
  signIn: (authorizationUrl: string | URL, email: string) => Promise<URL>;
  /** Same, but the agent cancels on the login page. */
  cancel: (authorizationUrl: string | URL) => Promise<URL>;
  close: () => Promise<void>;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function loginPage(uid: string, error?: string, email = ""): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d'identité de test</title></head>
<body>
<main>
<h1>Fournisseur d'identité de test (ProConnect simulé)</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="email">Adresse électronique professionnelle</label>
<input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(email)}" required>
<button type="submit">Continuer</button>
</form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Annuler et revenir au service</a></p>
</main>
</body></html>`;
}

/**
 * A fresh RSA private key. Node's RSA key generation was seen to hang, rarely, in a freshly started process on
 * these machines (about one start of the e2e provider in fifteen stopped inside it, never returning; 200
 * generations in one running process did not): each attempt runs in the thread pool and is given 10 s before
 * another is started.
 */
async function rsaPrivateKey(): Promise<KeyObject> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const key = await new Promise<KeyObject | null>((resolve, reject) => {
      const timer = setTimeout(() => resolve(null), 10_000);
      timer.unref();
      generateKeyPair("rsa", { modulusLength: 2048 }, (error, _publicKey, privateKey) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(privateKey);
      });
    });
    if (key) return key;
    console.error(`[oidc-test-provider] génération de la clé RSA sans réponse après 10 s (essai ${attempt}), nouvel essai`);
  }
  throw new Error("La clé RSA du fournisseur OpenID de test n'a pas pu être générée.");
}

export async function startOidcTestProvider(options: TestProviderOptions): Promise<OidcTestProvider> {
  const port = options.port || (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? "tripartite-test";
  const clientSecret = options.clientSecret ?? `secret-${randomUUID()}`;
  const agents = new Map((options.agents ?? TEST_AGENTS).map((a) => [a.email.toLowerCase(), { ...a, sub: randomUUID() as string }]));
  const bySub = new Map([...agents.values()].map((a) => [a.sub, a]));

  // The provider's signing key, made fresh for each run by Node's own crypto.
  const signingKey = { ...(await rsaPrivateKey()).export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: options.tokenAuthMethod ?? "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    // ProConnect's scopes are its claims' names; the e-mail and the names come through userinfo only.
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"], uid: ["uid"], siret: ["siret"] },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true }, jwtUserinfo: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const agent = bySub.get(sub);
      if (!agent) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: agent.email, given_name: agent.given_name, usual_name: agent.usual_name, uid: agent.uid ?? sub, siret: agent.siret }),
      };
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur</title></head><body><main><h1>Erreur</h1><pre>${escapeHtml(JSON.stringify(out))}</pre></main></body></html>`;
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("[oidc-test-provider]", error));

  async function giveConsent(req: http.IncomingMessage, res: http.ServerResponse, details: InteractionDetails) {
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId: details.session?.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(" "));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, abort: boolean) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (abort) {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "L'agent a annulé la connexion." }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === "consent") return giveConsent(req, res, details);
    if (details.prompt.name !== "login") throw new Error(`prompt ${details.prompt.name} non géré`);
    if (req.method === "POST") {
      const email = (await readForm(req)).get("email")?.trim() ?? "";
      const agent = agents.get(email.toLowerCase());
      if (agent) {
        await provider.interactionFinished(req, res, { login: { accountId: agent.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, "Adresse inconnue du fournisseur de test.", email));
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(loginPage(uid));
  }

  const userinfoContentTypes: string[] = [];
  const handle = provider.callback();
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", issuer);
    if (pathname === "/me") res.on("finish", () => userinfoContentTypes.push(String(res.getHeader("content-type") ?? "")));
    const match = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(pathname);
    if (!match) return handle(req, res);
    interaction(req, res, match[1], Boolean(match[2])).catch((error: unknown) => {
      console.error("[oidc-test-provider]", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  /** A minimal browser: follows redirects within the provider, keeping its cookies, until it leaves for the client. */
  async function browse(authorizationUrl: string | URL, act: (page: URL, html: string) => { method: "GET" | "POST"; url: URL; body?: URLSearchParams }) {
    const jar = new Map<string, string>();
    let request: { method: "GET" | "POST"; url: URL; body?: URLSearchParams } = { method: "GET", url: new URL(authorizationUrl) };
    for (let hop = 0; hop < 20; hop++) {
      if (request.url.origin !== issuer) return request.url;
      const response = await fetch(request.url, {
        method: request.method,
        redirect: "manual",
        body: request.body,
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
      const location = response.headers.get("location");
      if (location) {
        request = { method: "GET", url: new URL(location, request.url) };
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`Le fournisseur de test a répondu ${response.status} : ${html.slice(0, 500)}`);
      request = act(request.url, html);
    }
    throw new Error("Trop de redirections chez le fournisseur de test.");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    userinfoContentTypes,
    signIn: (authorizationUrl, email) =>
      browse(authorizationUrl, (page, html) => {
        if (html.includes('role="alert"')) throw new Error(`Le fournisseur de test ne connaît pas ${email}.`);
        return { method: "POST", url: page, body: new URLSearchParams({ email }) };
      }),
    cancel: (authorizationUrl) => browse(authorizationUrl, (page) => ({ method: "GET", url: new URL(`${page.pathname}/abort`, page) })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
