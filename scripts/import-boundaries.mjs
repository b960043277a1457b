// The import boundaries of the code base, in one place: read by eslint.config.mjs (the rules) and by
// scripts/lint-imports.ts (the count). Paths are relative to the repository root, with "/" separators.
import path from "node:path";

/** Folders of lib/ that every domain may use whole: pure rules (core), infrastructure (server), HTTP helpers. */
export const SHARED_LIB = new Set(["core", "server", "http"]);

/** What one domain may import from another: its reads, its writes, its schemas and vocabulary. */
export const DOMAIN_ENTRY_POINTS = new Set(["queries", "mutations", "schemas"]);

/**
 * Imports of another domain's internals that are real dependencies, each with its reason. Keys:
 * "<from domain> -> <target file without extension>".
 */
export const DOMAIN_ALLOW_LIST = {
  "opendata -> lib/indicators/status": "An indicator's status (met, behind…) is one rule; the open data publishes it as computed here.",
  "oversight -> lib/indicators/status": "The alerts name the indicators behind their target by that same rule.",
  "reports -> lib/indicators/status": "The execution report freezes and prints each indicator's status by that same rule.",
  "page-cache -> lib/auth/cookies": "The proxy reads the session cookie itself, before any page runs (no Next server module there).",
  "page-cache -> lib/auth/session-rule": "The proxy checks that a session is live by the same rule as sign-in, without the session module.",
  "page-cache -> lib/oversight/access": "The proxy serves a cached oversight view only to whom the view itself would open.",
};

/** app/ files that import another route's files, each with its reason. Keys: "<importing file> -> <target>". */
export const ROUTE_ALLOW_LIST = {};

/** The file an import specifier points at (no extension), relative to the root, or null for a package. */
export function resolveSpecifier(fromFile, specifier) {
  let target;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  return target.replace(/\.(ts|tsx|mts|mjs|js)$/, "");
}

/** "lib/<domain>/…" → domain, or null. */
export function libDomain(file) {
  const match = /^lib\/([^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/**
 * Why an import from lib/<a> into lib/<b> breaks the boundary, or null when it is fine: the same domain,
 * a shared folder, one of the entry points, or an allowed internal.
 */
export function domainBoundaryProblem(fromFile, target) {
  const crossing = domainCrossing(fromFile, target);
  if (!crossing || Object.hasOwn(DOMAIN_ALLOW_LIST, crossing.key)) return null;
  const { from, to, rest } = crossing;
  return `lib/${from} reaches into lib/${to}/${rest}: use lib/${to}/queries.ts, mutations.ts or schemas.ts (or add it, with its reason, to DOMAIN_ALLOW_LIST in scripts/import-boundaries.mjs)`;
}

/** An import from one domain into another's internals (allowed or not), or null. Tests may reach anywhere. */
export function domainCrossing(fromFile, target) {
  const from = libDomain(fromFile);
  const to = libDomain(target);
  if (!from || !to || from === to || SHARED_LIB.has(to) || /\.test\.tsx?$/.test(fromFile)) return null;
  const rest = target.slice(`lib/${to}/`.length);
  if (DOMAIN_ENTRY_POINTS.has(rest)) return null;
  return { from, to, rest, key: `${from} -> ${target}` };
}

/** lib/core imports nothing from the project; lib/ never imports components/. */
export function layerProblem(fromFile, target) {
  if (fromFile.startsWith("lib/core/") && !target.startsWith("lib/core/") && !/\.test\.tsx?$/.test(fromFile)) return `lib/core imports nothing from the project (${target})`;
  if (fromFile.startsWith("lib/") && target.startsWith("components/")) return `lib/ never imports components/ (${target}): move the shared rule to lib/core`;
  return null;
}

/** Every boundary problem of one import, or null. */
export function importProblem(fromFile, specifier) {
  const target = resolveSpecifier(fromFile, specifier);
  if (!target) return null;
  return layerProblem(fromFile, target) ?? domainBoundaryProblem(fromFile, target) ?? routeBoundaryProblem(fromFile, target);
}

/** The route folder of an app/ file: its folder. Files of one route import each other; a route never imports another's. */
export function routeBoundaryProblem(fromFile, target) {
  if (!fromFile.startsWith("app/") || !target.startsWith("app/")) return null;
  const folder = path.posix.dirname(fromFile);
  if (path.posix.dirname(target) === folder) return null;
  if (Object.hasOwn(ROUTE_ALLOW_LIST, `${fromFile} -> ${target}`)) return null;
  return `${fromFile} imports another route's file ${target}: move what both use to components/ or lib/`;
}
