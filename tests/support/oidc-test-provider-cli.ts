// The local OpenID provider for the end-to-end tests (Playwright starts it as a web server):
//   PORT=3199 REDIRECT_URI=http://127.0.0.1:3100/connexion/proconnect/callback npx tsx tests/support/oidc-test-provider-cli.ts
// CLIENT_ID and CLIENT_SECRET are optional (defaults below); the app is given the same values.
import { startOidcTestProvider } from "./oidc-test-provider";

const port = Number(process.env.PORT ?? 3199);
const redirectUri = process.env.REDIRECT_URI ?? "http://127.0.0.1:3100/connexion/proconnect/callback";
const authMethod = process.env.TOKEN_AUTH_METHOD === "client_secret_basic" ? "client_secret_basic" : "client_secret_post";

async function main() {
  const provider = await startOidcTestProvider({
    port,
    redirectUri,
    clientId: process.env.CLIENT_ID ?? "tripartite-e2e",
    clientSecret: process.env.CLIENT_SECRET ?? "secret-e2e-tripartite",
    tokenAuthMethod: authMethod,
  });
  console.log(`Fournisseur OpenID de test : ${provider.issuer} (client ${provider.clientId}, retour ${redirectUri})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      provider.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
