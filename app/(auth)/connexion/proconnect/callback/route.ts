import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { completeOidcSignIn, oidcCookie } from "@/lib/auth/oidc";
import { requestMeta, setSessionCookie } from "@/lib/auth/web";
import { answerOutage } from "@/lib/health/outage";

// Back from ProConnect: the transient cookie is used once, whatever the outcome.
async function get(request: NextRequest) {
  const jar = await cookies();
  const cookie = oidcCookie();
  const stored = jar.get(cookie.name)?.value;
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  const result = await completeOidcSignIn(request.url, stored, await requestMeta());
  if (!result.ok) redirect(`/connexion?erreur=${result.reason}`);
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/espace");
}

export const GET = answerOutage(get);
