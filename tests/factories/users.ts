// Real users with real sessions: the viewer a test acts as comes from the same lookup as the app's.
import { hash } from "@node-rs/argon2";
import { createSession, viewerFromSessionToken } from "../../lib/auth/sessions";
import type { Role, Viewer } from "../../lib/server/authz";
import { db } from "../../lib/server/db";

let counter = 0;

export async function createUser(role: Role, scope: { departmentCode?: string; regionCode?: string } = {}, password = "mot-de-passe-de-test") {
  counter += 1;
  const email = `${role.toLowerCase().replaceAll("_", "-")}.${counter}.${Math.random().toString(36).slice(2, 7)}@test.tripartite.fr`;
  return db().user.create({
    data: {
      email,
      displayName: `Test ${role} ${counter}`,
      passwordHash: await hash(password),
      roles: { create: { role, departmentCode: scope.departmentCode ?? null, regionCode: scope.regionCode ?? null } },
    },
  });
}

export async function signedInViewer(role: Role, scope: { departmentCode?: string; regionCode?: string } = {}): Promise<Extract<Viewer, { kind: "user" }>> {
  const user = await createUser(role, scope);
  const { token } = await createSession(user.id);
  const viewer = await viewerFromSessionToken(token);
  if (viewer?.kind !== "user") throw new Error("session not found");
  return viewer;
}
