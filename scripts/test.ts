// `npm test`: lint, types, unit, integration (real PostgreSQL) and end-to-end (real Chromium) tests.
// Runs every step, then prints one closing line with the number of tests passed and failed.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

type Step = { name: string; command: string[]; results?: string; kind?: "vitest" | "playwright" };

const bin = (name: string) => path.join("node_modules", ".bin", name);
const only = process.argv.slice(2);

const steps: Step[] = [
  { name: "lint", command: [bin("eslint"), ".", "--max-warnings=0"] },
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  {
    name: "unit",
    command: [bin("vitest"), "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"],
    results: "test-results/unit.json",
    kind: "vitest",
  },
  {
    name: "integration",
    command: [bin("vitest"), "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration.json"],
    results: "test-results/integration.json",
    kind: "vitest",
  },
  { name: "e2e", command: [bin("playwright"), "test"], results: "test-results/e2e.json", kind: "playwright" },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command[0], step.command.slice(1), { stdio: "inherit", env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function counts(step: Step): { passed: number; failed: number } | null {
  if (!step.results || !existsSync(step.results)) return null;
  const data = JSON.parse(readFileSync(step.results, "utf8"));
  if (step.kind === "vitest") return { passed: data.numPassedTests, failed: data.numFailedTests };
  return { passed: data.stats.expected, failed: data.stats.unexpected + data.stats.flaky };
}

async function main() {
  let passed = 0;
  let failed = 0;
  const failedSteps: string[] = [];
  for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
    console.log(`\n━━━ ${step.name} ━━━`);
    if (step.results) rmSync(step.results, { force: true });
    const code = await run(step);
    const c = counts(step);
    if (c) {
      passed += c.passed;
      failed += c.failed;
    }
    if (code !== 0) {
      failedSteps.push(step.name);
      if (!c || c.failed === 0) failed += 1; // a step that failed without failing tests (lint, types, setup)
    } else if (!c) {
      passed += 1; // lint and typecheck count as one check each
    }
  }
  console.log(failedSteps.length ? `\nÉtapes en échec : ${failedSteps.join(", ")}` : "\nToutes les étapes ont réussi.");
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  process.exit(failedSteps.length ? 1 : 0);
}

void main();
