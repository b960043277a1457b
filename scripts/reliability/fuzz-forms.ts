// Every server action of the build (Next's manifest, so none is forgotten), posted as its form is by a
// browser without JavaScript, signed in as the role the page is for, with fields fast-check mutates:
// replaced by odd values, dropped, doubled, extra fields, files that are not spreadsheets.
import { formBody, findForm, syntheticForm, type PageForm } from "./forms";
import { createAccount, directSession, serverActions, type ServerAction } from "./accounts";
import { mutationOf, samples, type Mutation } from "./fuzz-values";
import { pool, request } from "./http";
import { fill, patternOf, roleFor, type Fixtures } from "./routes";
import type { PrismaClient } from "../../lib/server/prisma";

export type FuzzRow = { name: string; where: string; runs: number; statuses: Map<number, number>; note: string; failures: string[] };

/** A short, printable account of a value (control characters shown as \uXXXX). */
export function preview(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const shown = text.length > 240 ? `${text.slice(0, 240)}… (${text.length} car.)` : text;
  return JSON.stringify(shown).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Fields of the forms a page shows only in some states (a submitted report, a deactivated account…). */
const HINTS: Record<string, (f: Fixtures) => Record<string, string>> = {
  decideReportForm: (f) => ({ contractId: f.contractId, year: f.year, party: "ARS", decision: "APPROVED", comment: "" }),
  submitReportForm: (f) => ({ contractId: f.contractId, year: f.year, version: "1" }),
  setDueDateForm: (f) => ({ contractId: f.contractId, year: f.year, dueOn: `${Number(f.year) + 1}-06-30` }),
  addDeadlineForm: (f) => ({ contractId: f.contractId, kind: "CUSTOM", label: "Comité de suivi", dueOn: `${Number(f.year) + 1}-03-31` }),
  saveNarrativeForm: (f) => ({ contractId: f.contractId, year: f.year, version: "0", highlights: "", difficulties: "", outlook: "" }),
  reactivateUserForm: (f) => ({ userId: f.userId }),
  removeRoleForm: (f) => ({ assignmentId: f.assignmentId }),
};

/** Forms that take away what the others need (the record, the account, the session): fuzzed last. */
const LAST = ["archiveActionForm", "deleteFundingLineForm", "removeRoleForm", "deactivateUserForm", "changePasswordForm", "signOutForm"];

function pageOf(action: ServerAction): string {
  const patterns = action.pages.map((p) => patternOf(`${p}.tsx`));
  // The sign-out button is on every page: use the workspace's home.
  return patterns.includes("/espace") && patterns.length > 1 ? "/espace" : patterns[0];
}

function apply(form: PageForm, m: Mutation): FormData {
  const kept: PageForm = { ...form, fields: form.fields.filter(([n]) => !m.drop.includes(n) || n.startsWith("$ACTION")) };
  const body = formBody(kept, Object.fromEntries(Object.entries(m.replace).filter(([n]) => !n.startsWith("$ACTION"))));
  for (const name of m.duplicate) body.append(name, "double");
  for (const [name, value] of m.extra) body.append(name, value);
  for (const f of m.files) body.append(f.field, new Blob([new Uint8Array(f.content)], { type: f.type }), f.name);
  return body;
}

export async function fuzzForms(prisma: PrismaClient, fixtures: Fixtures, runs: number, concurrency: number, seed: number): Promise<FuzzRow[]> {
  const actions = serverActions().sort((a, b) => LAST.indexOf(a.exportedName) - LAST.indexOf(b.exportedName) || a.filename.localeCompare(b.filename));
  const rows: FuzzRow[] = [];
  for (const [i, action] of actions.entries()) {
    const pattern = pageOf(action);
    const url = fill(pattern, fixtures);
    const who = roleFor(pattern, action.exportedName);
    const cookie = who ? await directSession(prisma, (await createAccount(prisma, who.role, who.scope, "fuzz")).id) : undefined;
    const page = await request(url, { cookie });
    const rendered = page.status === 200 ? findForm(page.body, action.id) : null;
    const form = rendered ?? syntheticForm(action.id, HINTS[action.exportedName]?.(fixtures) ?? {});
    const names = form.fields.map(([n]) => n).filter((n) => !n.startsWith("$ACTION"));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await pool(samples(mutationOf(names, form.files), runs, seed + i), concurrency, async (m) => {
      const answer = await request(url, { method: "POST", cookie, body: apply(form, m) });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500 || answer.status === 0) failures.push(`HTTP ${answer.status} : ${preview({ ...m, files: m.files.map((f) => `${f.name} (${f.content.length} o)`) })}`);
    });
    rows.push({
      name: `${action.exportedName}`,
      where: `${url.replace(/[a-z0-9]{25}/g, "<id>")} (${who?.role ?? "public"})`,
      runs,
      statuses,
      note: rendered ? "formulaire de la page" : `formulaire reconstitué (page : HTTP ${page.status})`,
      failures,
    });
  }
  return rows;
}
