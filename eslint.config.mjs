import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/server/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    // Data flows one way: app → lib/<domain> → lib/server. Pages and components never touch Prisma.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // lib/server/reader.ts is pure (no Prisma, no session): the cached views decode their reader with it.
            { group: ["@/lib/server/*", "**/lib/server/*", "!@/lib/server/reader", "@prisma/*", "pg"], message: "Passez par lib/<domaine>/queries.ts ou mutations.ts." },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "**/*.test.ts", "scripts/**/*.ts"],
    rules: { "no-console": "off" },
  },
]);
