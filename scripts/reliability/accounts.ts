// Who the script acts as: accounts created for the run, signed in through the real sign-in form (the
// writers), or given a session straight in the database as `npm run bench` does (the fuzzing, which
// needs a fresh account per form since some forms deactivate accounts or change passwords).
import { hash } from "@node-rs/argon2";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "../../lib/server/authz";
import { createPrismaClient, type PrismaClient } from "../../lib/server/prisma";
import { DIST_DIR, ROOT } from "./app";
import { findForm, formBody } from "./forms";
import { request, sessionCookie } from "./http";

export const RUN_PASSWORD = "fiabilite-mot-de-passe-2026";

export type ServerAction = { id: string; filename: string; exportedName: string; pages: string[] };

/** Every server action of the build, from Next's manifest: id, source file, export, pages that carry it. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, filename: a.filename, exportedName: a.exportedName, pages: Object.keys(a.workers) }));
}

export function actionNamed(name: string): ServerAction {
  const found = serverActions().find((a) => a.exportedName === name);
  if (!found) throw new Error(`Action serveur introuvable dans la compilation : ${name}`);
  return found;
}

type Scope = { departmentCode?: string; regionCode?: string };

let counter = 0;

export async function createAccount(prisma: PrismaClient, role: Role, scope: Scope, label: string): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = `fiabilite.${label}.${counter}.${randomBytes(3).toString("hex")}@test.tripartite.fr`;
  const user = await prisma.user.create({
    data: {
      email,
      displayName: `Fiabilité ${label} ${counter}`,
      passwordHash: await hash(RUN_PASSWORD),
      roles: { create: { role, departmentCode: scope.departmentCode ?? null, regionCode: scope.regionCode ?? null } },
    },
  });
  return { id: user.id, email };
}

/** Signs in through /connexion as a browser without JavaScript does; returns the session cookie. */
export async function signIn(email: string, password = RUN_PASSWORD): Promise<string> {
  const page = await request("/connexion");
  const form = findForm(page.body, actionNamed("signInForm").id);
  if (!form) throw new Error("Formulaire de connexion introuvable sur /connexion.");
  const answer = await request("/connexion", { method: "POST", body: formBody(form, { email, password }) });
  const cookie = sessionCookie(answer);
  if (answer.status !== 303 || !cookie) throw new Error(`Connexion refusée pour ${email} (HTTP ${answer.status}).`);
  return cookie;
}

/** A session stored as the app stores it (the SHA-256 of the token, lib/auth/sessions.ts). */
export async function directSession(prisma: PrismaClient, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const id = createHash("sha256").update(token).digest("hex");
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3600_000), userAgent: "npm run reliability" } });
  return `tripartite_session=${token}`;
}

export function openPrisma(databaseUrl: string): PrismaClient {
  return createPrismaClient(databaseUrl);
}
