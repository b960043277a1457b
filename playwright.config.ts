import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";

const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium introuvable (${chromium}) : installez-le avec « apt-get install -y chromium » ou indiquez son chemin dans CHROME_PATH.\n` +
      `Chromium not found (${chromium}): install it with "apt-get install -y chromium" or set CHROME_PATH.`,
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The local OpenID provider standing in for ProConnect (tests/support/oidc-test-provider.ts).
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
const OIDC = {
  issuer: `http://127.0.0.1:${OIDC_PORT}`,
  clientId: "tripartite-e2e",
  clientSecret: "secret-e2e-tripartite",
  redirectUri: `http://127.0.0.1:${PORT}/connexion/proconnect/callback`,
};

export default defineConfig({
  testDir: "tests/e2e",
  workers: 2,
  retries: 0,
  // Journeys open several pages and run axe on each; on 2 shared cores a cold one can pass 30 s.
  timeout: 90_000,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: [
    {
      command: "npx tsx tests/support/oidc-test-provider-cli.ts",
      url: `${OIDC.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      stdout: "pipe",
      env: { PORT: String(OIDC_PORT), REDIRECT_URI: OIDC.redirectUri, CLIENT_ID: OIDC.clientId, CLIENT_SECRET: OIDC.clientSecret },
    },
    // The real production build on its own embedded database, created afresh for each run.
    {
      command: "npx tsx scripts/start.ts --fresh",
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        TRIPARTITE_DATA_DIR: ".data/e2e",
        EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54359",
        DATABASE_URL: "",
        PROCONNECT_ISSUER: OIDC.issuer,
        PROCONNECT_CLIENT_ID: OIDC.clientId,
        PROCONNECT_CLIENT_SECRET: OIDC.clientSecret,
        PROCONNECT_REDIRECT_URI: OIDC.redirectUri,
      },
    },
  ],
});
