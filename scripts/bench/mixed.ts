// The mixed phase of `npm run bench`: the readers of the read-only table, and at the same time writers
// saving through the real forms (a funding line's edit form, posted as a browser without JavaScript
// posts it: the page's own server action, its hidden fields and the session cookie), at a realistic
// pace: two saves a second spread over 50 departments, and one role given or taken away every 10 s by
// an administrator. Beside each route's p95 and req/s, a sampler asks for the public pages of every
// sample of departments in turn and reads `x-nextjs-cache`: the share served from cache, overall and
// for the departments nobody wrote to.
import { createHash, randomBytes } from "node:crypto";
import { isDepartmentCode } from "../../lib/core/territory";
import { createPrismaClient } from "../../lib/server/prisma";
import { ORIGIN } from "./server";

const WRITER_EMAIL = "banc-ecriture@bench.tripartite.invalid";
const ADMIN_EMAIL = "banc-admin@bench.tripartite.invalid";
const TARGET_EMAIL = "banc-compte@bench.tripartite.invalid";
export const WRITES_PER_SECOND = 2;
export const WRITTEN_DEPARTMENTS = 50;
export const ROLE_CHANGE_SECONDS = 10;
/**
 * Saves under way at once, at most: people wait for their page before saving again. Without a bound,
 * the first mixed run (2026-12-05) piled saves up on a saturated machine (p95 56 s) until the server
 * had no database connection left for the readers.
 */
export const MAX_SAVES_IN_FLIGHT = 4;

type Prisma = ReturnType<typeof createPrismaClient>;

export type MixedWorld = {
  /** The departments written to, each with the funding line its writer edits. */
  lines: { departmentCode: string; lineId: string }[];
  /** Every department with a published contract (the sampler's list). */
  departments: string[];
  writerCookie: string;
  adminCookie: string;
  targetUserId: string;
  end: () => Promise<void>;
};

async function session(prisma: Prisma, userId: string) {
  const token = randomBytes(32).toString("base64url");
  const id = createHash("sha256").update(token).digest("hex");
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3 * 3600_000), userAgent: "npm run bench (mixte)" } });
  return { cookie: `tripartite_session=${token}`, id };
}

/**
 * The writers' world: 50 departments (never `spared`, the departments the read-only table measures),
 * an editor of all 50, an administrator and the account whose role moves.
 */
export async function prepareMixed(databaseUrl: string, spared: string[]): Promise<MixedWorld> {
  const prisma = createPrismaClient(databaseUrl);
  const rows = await prisma.$queryRawUnsafe<{ departmentCode: string; lineId: string }[]>(
    `SELECT DISTINCT ON (c."departmentCode") c."departmentCode" AS "departmentCode", f.id AS "lineId"
       FROM "FundingLine" f JOIN "Contract" c ON c.id = f."contractId"
      WHERE c.status <> 'DRAFT' AND NOT (c."departmentCode" = ANY($1::text[]))
      ORDER BY c."departmentCode", f.id`,
    spared,
  );
  const departments = (await prisma.$queryRawUnsafe<{ code: string }[]>(`SELECT DISTINCT "departmentCode" AS code FROM "Contract" WHERE status <> 'DRAFT' ORDER BY 1`)).map((r) => r.code);
  // Spread over the list, not the first 50 in a row (one region would take them all).
  const step = Math.max(1, Math.floor(rows.length / WRITTEN_DEPARTMENTS));
  const lines = rows.filter((_, i) => i % step === 0).slice(0, WRITTEN_DEPARTMENTS);
  const user = (email: string, displayName: string) => prisma.user.upsert({ where: { email }, create: { email, displayName, isDemo: true }, update: { isActive: true } });
  const writer = await user(WRITER_EMAIL, "Banc d'essai (écriture)");
  await prisma.roleAssignment.deleteMany({ where: { userId: writer.id } });
  await prisma.roleAssignment.createMany({ data: lines.map((l) => ({ userId: writer.id, role: "DEPARTMENT_EDITOR" as const, departmentCode: l.departmentCode })) });
  const admin = await user(ADMIN_EMAIL, "Banc d'essai (administration)");
  if (!(await prisma.roleAssignment.count({ where: { userId: admin.id, role: "ADMIN" } }))) await prisma.roleAssignment.create({ data: { userId: admin.id, role: "ADMIN" } });
  const target = await user(TARGET_EMAIL, "Banc d'essai (compte modifié)");
  await prisma.roleAssignment.deleteMany({ where: { userId: target.id } });
  await prisma.roleAssignment.create({ data: { userId: target.id, role: "DEPARTMENT_READER", departmentCode: lines[0].departmentCode } });
  const [w, a] = [await session(prisma, writer.id), await session(prisma, admin.id)];
  return {
    lines,
    departments,
    writerCookie: w.cookie,
    adminCookie: a.cookie,
    targetUserId: target.id,
    end: async () => {
      await prisma.session.deleteMany({ where: { id: { in: [w.id, a.id] } } }).catch(() => {});
      await prisma.$disconnect();
    },
  };
}

const unescape = (text: string) => text.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescape(match[1]) : null;
};

/** Each server-action form of a page: its fields as a browser would post them (hidden and typed values, selected options). */
function actionForms(html: string): Map<string, string>[] {
  const forms: Map<string, string>[] = [];
  for (const [, body] of html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!body.includes("$ACTION_")) continue;
    const fields = new Map<string, string>();
    for (const [tag] of body.matchAll(/<input[^>]*>/g)) {
      const name = attribute(tag, "name");
      if (!name || ["submit", "button", "file"].includes(attribute(tag, "type") ?? "")) continue;
      if (["checkbox", "radio"].includes(attribute(tag, "type") ?? "") && !/\schecked(=|\s|>|\/)/.test(tag)) continue;
      fields.set(name, attribute(tag, "value") ?? "");
    }
    for (const [, open, options] of body.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(open, "name");
      if (!name) continue;
      const selected = /<option[^>]*\sselected[^>]*>/.exec(options)?.[0] ?? /<option[^>]*>/.exec(options)?.[0] ?? "";
      fields.set(name, attribute(selected, "value") ?? "");
    }
    for (const [, open, text] of body.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(open, "name");
      if (name) fields.set(name, unescape(text));
    }
    forms.push(fields);
  }
  return forms;
}

/** The first message the page shows in a live region (the forms' result, components/forms/field.tsx), tags left out. */
function formMessage(html: string): string | null {
  for (const [, body] of html.matchAll(/role="(?:status|alert)"[^>]*>([\s\S]{0,600}?)<\/(?:div|p)>/g)) {
    const text = unescape(body.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
    if (text) return text.slice(0, 160);
  }
  return null;
}

/** Loads a page, fills the action form that has `marker` among its fields, and posts it as a browser without JavaScript. */
async function submitForm(path: string, cookie: string, marker: string, fill: (fields: Map<string, string>) => void, success: string): Promise<number> {
  const page = await fetch(`${ORIGIN}${path}`, { headers: { cookie } });
  const html = await page.text();
  const form = actionForms(html).find((f) => f.has(marker));
  if (!form) throw new Error(page.ok ? `${path} : formulaire « ${marker} » introuvable` : `${path} : page du formulaire en HTTP ${page.status}`);
  fill(form);
  const body = new FormData();
  for (const [name, value] of form) body.append(name, value);
  const res = await fetch(`${ORIGIN}${path}`, { method: "POST", body, headers: { cookie, origin: ORIGIN }, redirect: "manual" });
  const answer = await res.text();
  // The page drawn again with the form's state: its success message, or the refusal.
  if (res.status === 200 && !answer.includes(success)) throw new Error(`réponse sans « ${success} » : ${formMessage(answer) ?? "?"}`);
  return res.status;
}

/**
 * Refusals counted by cause ("HTTP 503", "HTTP 500", "sans message de succès", "formulaire introuvable",
 * "réseau"): a 503 is the server out of database connections, the others are not.
 */
export type FailureCauses = Record<string, number>;

export type WriteStats = {
  saves: number;
  failed: number;
  skipped: number;
  saveP95Ms: number;
  roleChanges: number;
  roleFailures: number;
  /** Why saves and role changes were refused (absent from runs made before it existed). */
  saveFailures?: FailureCauses;
  roleFailureCauses?: FailureCauses;
  written: Set<string>;
};

/** The cause of a refused write, from the error `submitForm` threw. */
function causeOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = /HTTP (\d{3})/.exec(message);
  if (status) return `HTTP ${status[1]}`;
  if (message.includes("introuvable")) return "formulaire introuvable";
  if (message.includes("réponse sans")) return "sans message de succès";
  return "réseau";
}

const count = (causes: FailureCauses, error: unknown) => {
  const cause = causeOf(error);
  causes[cause] = (causes[cause] ?? 0) + 1;
};

/**
 * Runs the writers until `stop()`: a save every 1/WRITES_PER_SECOND s over the 50 departments (the
 * amount moves by a euro each time), a role change every ROLE_CHANGE_SECONDS.
 */
export function startWriters(world: MixedWorld, log: (line: string) => void) {
  const stats: WriteStats = { saves: 0, failed: 0, skipped: 0, saveP95Ms: NaN, roleChanges: 0, roleFailures: 0, saveFailures: {}, roleFailureCauses: {}, written: new Set() };
  const times: number[] = [];
  let running = true;
  let turn = 0;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const save = async () => {
    const line = world.lines[turn++ % world.lines.length];
    stats.written.add(line.departmentCode);
    const started = performance.now();
    try {
      const status = await submitForm(`/espace/departements/${line.departmentCode}/financements/${line.lineId}`, world.writerCookie, "amount", (fields) => {
        const euros = Number((fields.get("amount") ?? "0").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
        fields.set("amount", String(Math.round((euros + (turn % 2 ? 1 : -1)) * 100) / 100).replace(".", ","));
      }, "Ligne de financement enregistrée.");
      if (status !== 200 && status !== 303) throw new Error(`HTTP ${status}`);
      stats.saves++;
      times.push(performance.now() - started);
    } catch (error) {
      stats.failed++;
      count(stats.saveFailures!, error);
      if (stats.failed <= 3) log(`  écriture refusée (${line.departmentCode}) : ${error instanceof Error ? error.message : error}`);
    }
  };
  let give = true;
  let given = 0;
  // Real departments only: the role form refuses the synthetic territories of the 10× data (000 to 999),
  // so at 10× every role given to one of them was refused (« Certains champs sont à corriger. »).
  const roleDepartments = world.departments.filter((code) => isDepartmentCode(code) && code !== world.lines[0].departmentCode);
  const roleChange = async () => {
    try {
      const path = `/espace/admin/utilisateurs/${world.targetUserId}`;
      const status = give
        ? await submitForm(path, world.adminCookie, "role", (fields) => {
            // A department it does not have yet: the oldest role goes at the next change.
            fields.set("role", "DEPARTMENT_READER");
            fields.set("departmentCode", roleDepartments[given++ % roleDepartments.length]);
            fields.set("regionCode", "");
          }, "Rôle attribué.")
        : await submitForm(path, world.adminCookie, "assignmentId", () => {}, "Rôle retiré.");
      if (status !== 200 && status !== 303) throw new Error(`HTTP ${status}`);
      stats.roleChanges++;
      give = !give;
    } catch (error) {
      stats.roleFailures++;
      count(stats.roleFailureCauses!, error);
      if (stats.roleFailures <= 3) log(`  changement de rôle refusé : ${error instanceof Error ? error.message : error}`);
    }
  };
  let savesInFlight = 0;
  const boundedSave = async () => {
    if (savesInFlight >= MAX_SAVES_IN_FLIGHT) {
      stats.skipped++;
      return;
    }
    savesInFlight++;
    try {
      await save();
    } finally {
      savesInFlight--;
    }
  };
  const saves = setInterval(() => running && track(boundedSave()), 1000 / WRITES_PER_SECOND);
  const roles = setInterval(() => running && track(roleChange()), ROLE_CHANGE_SECONDS * 1000);
  return {
    stats,
    async stop(): Promise<WriteStats> {
      running = false;
      clearInterval(saves);
      clearInterval(roles);
      await Promise.all([...inFlight]);
      times.sort((a, b) => a - b);
      stats.saveP95Ms = times.length ? times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)] : NaN;
      return stats;
    },
  };
}

export type CacheShare = {
  requests: number;
  hits: number;
  unwrittenRequests: number;
  unwrittenHits: number;
  /** Departments sampled: written to, and nobody wrote to (their public page and widget each). */
  sampled: { written: number; unwritten: number };
  /** Full passes over the sample during the phase. */
  passes: number;
  misses: { path: string; state: string; written: boolean }[];
};

/** Departments sampled of each kind: few enough that each is asked several times during the phase, at any scale. */
export const SAMPLED_DEPARTMENTS = { written: 10, unwritten: 20 };

/** `count` items spread over `list` (not the first ones in a row: one region would take them all). */
const spread = <T>(list: readonly T[], count: number): T[] => {
  const step = Math.max(1, Math.floor(list.length / count));
  return list.filter((_, i) => i % step === 0).slice(0, count);
};

/**
 * The public page and the widget of a sample of departments (10 written to, 20 nobody writes to),
 * asked once each before the writers start (their first request may render them: that is the read-only
 * cache state, not the mixed phase's), then in turn, one request at a time, until `stop()`, with the
 * `x-nextjs-cache` each answers (HIT: served from the page cache). The first sampler (2026-12-05) went
 * over every department's two pages and counted from each page's second request: with 202 pages (2,020
 * at 10×) and a second or more per request under load, it never finished its first pass.
 */
export async function startCacheSampler(world: MixedWorld) {
  const written = new Set(world.lines.map((l) => l.departmentCode));
  const sample = [...spread(world.lines.map((l) => l.departmentCode), SAMPLED_DEPARTMENTS.written), ...spread(world.departments.filter((code) => !written.has(code)), SAMPLED_DEPARTMENTS.unwritten)];
  const share: CacheShare = {
    requests: 0,
    hits: 0,
    unwrittenRequests: 0,
    unwrittenHits: 0,
    sampled: { written: sample.filter((c) => written.has(c)).length, unwritten: sample.filter((c) => !written.has(c)).length },
    passes: 0,
    misses: [],
  };
  const paths = sample.flatMap((code) => [`/departements/${code}`, `/widget/departements/${code}`].map((path) => ({ code, path })));
  const ask = async (path: string) => {
    const res = await fetch(`${ORIGIN}${path}`, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
    if (!res) return null;
    await res.arrayBuffer();
    return res.headers.get("x-nextjs-cache") ?? "(aucun)";
  };
  // Before the writers: each page is in the cache, as in the read-only phase.
  for (let i = 0; i < paths.length; i += 4) await Promise.all(paths.slice(i, i + 4).map((p) => ask(p.path)));
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      if (i > 0 && i % paths.length === 0) share.passes++;
      const { code, path } = paths[i % paths.length];
      const state = await ask(path);
      if (state === null || !running) continue;
      const hit = state === "HIT";
      const isWritten = written.has(code);
      share.requests++;
      if (hit) share.hits++;
      if (!isWritten) {
        share.unwrittenRequests++;
        if (hit) share.unwrittenHits++;
      }
      if (!hit && share.misses.length < 200) share.misses.push({ path, state, written: isWritten });
    }
  })();
  return {
    share,
    async stop(): Promise<CacheShare> {
      running = false;
      await loop;
      return share;
    },
  };
}

/** non2xx: answers other than 2xx during the mixed measure (503: no database connection free in time); errors: failed or timed-out requests. */
export type MixedRoute = { label: string; path: string; readP95: number; readRps: number; mixedP95: number; mixedRps: number; non2xx: number; errors?: number };
export type MixedRun = { routes: MixedRoute[]; writes: Omit<WriteStats, "written"> & { departments: number }; cache: CacheShare };

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const causes = (c: FailureCauses | undefined) => (c && Object.keys(c).length ? ` : ${Object.entries(c).map(([cause, n]) => `${n} ${cause}`).join(", ")}` : "");
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : "—");

/** The mixed-load table, in French, with the two targets: ≥ 95 % from cache for unwritten departments, p95 ≤ 1.5× read-only. */
export function mixedTable(run: MixedRun): string {
  const lines = [
    "| Route | p95 lecture seule | p95 mixte | rapport | req/s lecture seule | req/s mixte | non-2xx mixte | échecs ou délais dépassés |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...run.routes.map(
      (r) =>
        `| ${r.label} | ${fixed(r.readP95)} ms | ${fixed(r.mixedP95)} ms | ${fixed(r.mixedP95 / r.readP95, 2)}× ${r.mixedP95 <= 1.5 * r.readP95 ? "✓" : "✗"} | ${fixed(r.readRps, 0)} | ${fixed(r.mixedRps, 0)} | ${r.non2xx} | ${r.errors ?? "—"} |`,
    ),
    "",
    `Écritures : ${run.writes.saves} enregistrements par le formulaire (${run.writes.failed} refusés${causes(run.writes.saveFailures)}, ${run.writes.skipped ?? 0} sautés faute de place, p95 ${fixed(run.writes.saveP95Ms)} ms) sur ${run.writes.departments} départements, ${run.writes.roleChanges} changements de rôle (${run.writes.roleFailures} refusés${causes(run.writes.roleFailureCauses)}).`,
    `Pages publiques et widgets servis depuis le cache (échantillon de ${run.cache.sampled?.written ?? "?"} départements écrits et ${run.cache.sampled?.unwritten ?? "?"} sans écriture, ${run.cache.passes ?? "?"} tours complets) : ${percent(run.cache.hits, run.cache.requests)} de ${run.cache.requests} requêtes ; départements sans écriture : ${percent(run.cache.unwrittenHits, run.cache.unwrittenRequests)} de ${run.cache.unwrittenRequests} (cible ≥ 95 %) ${run.cache.unwrittenRequests > 0 && run.cache.unwrittenHits / run.cache.unwrittenRequests >= 0.95 ? "✓" : "✗"}.`,
  ];
  const unwrittenMisses = run.cache.misses.filter((m) => !m.written);
  if (unwrittenMisses.length) lines.push(`Défauts de cache hors départements écrits : ${unwrittenMisses.slice(0, 10).map((m) => `${m.path} (${m.state})`).join(", ")}`);
  return lines.join("\n");
}
