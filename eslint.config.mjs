import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import path from "node:path";
import { importProblem } from "./scripts/import-boundaries.mjs";

// The layers' boundaries (scripts/import-boundaries.mjs, counted by `npm run lint:imports`): lib/core imports
// nothing from the project; lib/ never imports components/; a domain of lib/ uses another only through its
// queries.ts, mutations.ts or schemas.ts (or an allow-listed internal, with its reason); a route of app/
// never imports another route's files.
const boundaries = {
  rules: {
    imports: {
      meta: { type: "problem", schema: [] },
      create(context) {
        const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
        const check = (node) => {
          const specifier = node.source?.value;
          if (typeof specifier !== "string") return;
          const problem = importProblem(file, specifier);
          if (problem) context.report({ node: node.source, message: problem });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

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
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    plugins: { boundaries },
    rules: { "boundaries/imports": "error" },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "**/*.test.ts", "scripts/**/*.ts"],
    rules: { "no-console": "off" },
  },
]);
