// Every route of the app, read from app/ itself (so a new route is fuzzed without anyone listing it),
// with real identifiers from the run's database to put in its dynamic segments.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Role } from "../../lib/server/authz";
import type { PrismaClient } from "../../lib/server/prisma";
import { ROOT } from "./app";

export type Fixtures = Record<string, string>;

export type RouteFile = { file: string; pattern: string; kind: "page" | "api" };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (entry === "page.tsx" || entry === "route.ts") out.push(path.relative(ROOT, full));
  }
  return out;
}

/** "app/(espace)/espace/departements/[code]/page.tsx" → "/espace/departements/[code]". */
export function patternOf(file: string): string {
  const parts = path.dirname(file).split(path.sep).slice(1).filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

export function routeFiles(): RouteFile[] {
  return walk(path.join(ROOT, "app"))
    .sort()
    .map((file) => ({ file, pattern: patternOf(file), kind: file.endsWith("route.ts") ? ("api" as const) : ("page" as const) }));
}

/** The fixture that fits a dynamic segment, from the segment before it ("contrats/[id]" → a contract id). */
export function fixtureKey(pattern: string, segment: string): string {
  const name = segment.slice(1, -1);
  const before = pattern.split("/")[pattern.split("/").indexOf(segment) - 1];
  if (name === "id") return { contrats: "contractId", actions: "actionId", utilisateurs: "userId" }[before] ?? "id";
  if (name === "code") return before === "regions" ? "regionCode" : "departmentCode";
  return name;
}

/** The pattern with real values (or the given ones) in its dynamic segments. */
export function fill(pattern: string, fixtures: Fixtures, override: (key: string) => string | undefined = () => undefined): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (!/^\[.+\]$/.test(segment)) return segment;
      const key = fixtureKey(pattern, segment);
      return override(key) ?? fixtures[key] ?? "inconnu";
    })
    .join("/");
}

/** Who sees a page's forms: the role its part of the workspace is for. */
export function roleFor(pattern: string, action?: string): { role: Role; scope: { departmentCode?: string; regionCode?: string } } | null {
  if (action === "addCommentForm" || action === "decideReportForm") return { role: "REGIONAL_OFFICIAL", scope: { regionCode: "11" } };
  if (pattern.startsWith("/espace/admin")) return { role: "ADMIN", scope: {} };
  if (pattern.startsWith("/espace/regions")) return { role: "REGIONAL_OFFICIAL", scope: { regionCode: "11" } };
  if (pattern.startsWith("/espace/national")) return { role: "NATIONAL_OFFICIAL", scope: {} };
  if (pattern.startsWith("/espace")) return { role: "DEPARTMENT_EDITOR", scope: { departmentCode: "77" } };
  return null;
}

/** Real identifiers of Seine-et-Marne's current contract and its records. */
export async function loadFixtures(prisma: PrismaClient): Promise<Fixtures> {
  const contract = await prisma.contract.findFirstOrThrow({
    where: { departmentCode: "77", amendments: { some: {} }, fundingLines: { some: {} } },
    orderBy: { periodStart: "desc" },
    include: { amendments: { take: 1 }, fundingLines: { take: 1 }, actions: { take: 1, where: { archivedAt: null } } },
  });
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "lecteur.77@demo.tripartite.fr" }, include: { roles: true } });
  return {
    departmentCode: "77",
    regionCode: "11",
    perimetre: "france",
    contractId: contract.id,
    actionId: contract.actions[0].id,
    amendmentId: contract.amendments[0].id,
    lineId: contract.fundingLines[0].id,
    userId: user.id,
    assignmentId: user.roles[0].id,
    year: String(contract.periodStart.getUTCFullYear()),
    table: "contrats",
    resource: "actions",
    token: "inconnu",
  };
}
