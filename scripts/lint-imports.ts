// Counts the imports from one domain of lib/ into another's internals (anything but its queries.ts,
// mutations.ts and schemas.ts), names each one with the reason it is allowed, and fails on any that is
// not on the allow-list or on any other boundary problem (the same rules as eslint.config.mjs).
//   npm run lint:imports
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DOMAIN_ALLOW_LIST, domainCrossing, importProblem, resolveSpecifier } from "./import-boundaries.mjs";

const IMPORT = /(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib", "app", "components"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx)$/.test(f));

const crossings: string[] = [];
const problems: string[] = [];
for (const file of files) {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    continue; // deleted in the working tree
  }
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    const target = resolveSpecifier(file, specifier);
    if (!target) continue;
    const crossing = domainCrossing(file, target);
    if (crossing) crossings.push(`${file} → ${target}  (${DOMAIN_ALLOW_LIST[crossing.key] ?? "NOT ALLOWED"})`);
    const problem = importProblem(file, specifier);
    if (problem) problems.push(`${file}: ${problem}`);
  }
}

console.log(`${crossings.length} imports from one domain into another's internals:`);
for (const line of crossings.sort()) console.log(`  ${line}`);
if (problems.length > 0) {
  console.log(`\n${problems.length} boundary problems:`);
  for (const line of problems.sort()) console.log(`  ${line}`);
  process.exitCode = 1;
}
