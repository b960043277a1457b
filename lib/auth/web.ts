import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { viewerFromSessionToken } from "./sessions";
import { PUBLIC_VIEWER, can, type Permission, type Territory, type Viewer } from "../server/authz";
import { isHttps } from "../server/http/security-headers";
import { SESSION_COOKIE, SIGNED_IN_MARKER, cookieName, sessionCookieOptions, signedInMarkerOptions } from "./cookies";

export const UNKNOWN_IP = "unknown";

/** Whether this request came over https (and so the cookies are Secure, with the __Host- prefix). */
const secureRequest = async () => isHttps(await headers());

/** The current viewer, once per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const token = (await cookies()).get(cookieName(SESSION_COOKIE, await secureRequest()))?.value;
  return (await viewerFromSessionToken(token)) ?? PUBLIC_VIEWER;
});

/** Pages of the workspace: signed-in users only. */
export async function requireUser(): Promise<Extract<Viewer, { kind: "user" }>> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect("/connexion");
  return viewer;
}

/** Pages check too (the data layer checks anyway): a forbidden page is a 404 for those who may not see it. */
export async function requirePermission(permission: Permission, territory: Territory | null) {
  const viewer = await requireUser();
  if (!can(viewer, permission, territory)) redirect("/espace?refus=1");
  return viewer;
}

export async function setSessionCookie(token: string, expiresAt: Date) {
  const secure = await secureRequest();
  const jar = await cookies();
  jar.set(cookieName(SESSION_COOKIE, secure), token, { ...sessionCookieOptions(secure), expires: expiresAt });
  jar.set(cookieName(SIGNED_IN_MARKER, secure), "1", { ...signedInMarkerOptions(secure), expires: expiresAt });
}

export async function clearSessionCookie() {
  const secure = await secureRequest();
  const jar = await cookies();
  jar.set(cookieName(SESSION_COOKIE, secure), "", { ...sessionCookieOptions(secure), maxAge: 0 });
  jar.set(cookieName(SIGNED_IN_MARKER, secure), "", { ...signedInMarkerOptions(secure), maxAge: 0 });
}

/**
 * Client IP as the proxy in front reports it (X-Forwarded-For, X-Real-IP), for login throttling.
 * Without a proxy the address is unknown, and only the per-account limit applies: counting every
 * visitor as one address would let anyone lock everybody out.
 */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || UNKNOWN_IP;
  return { ip, userAgent: h.get("user-agent") ?? "" };
}
