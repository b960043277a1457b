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

export default defineConfig({
  testDir: "tests/e2e",
  workers: 2,
  retries: 0,
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
  // The real production build on its own embedded database, created afresh for each run.
  webServer: {
    command: "npx tsx scripts/start.ts --fresh",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    env: { PORT: String(PORT), TRIPARTITE_DATA_DIR: ".data/e2e", EMBEDDED_PG_PORT: "54359", DATABASE_URL: "" },
  },
});
