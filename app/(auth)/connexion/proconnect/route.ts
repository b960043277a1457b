import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { OIDC_COOKIE, oidcCookieOptions, startOidcSignIn } from "@/lib/auth/oidc";

// "S'identifier avec ProConnect": off to the provider, with state, nonce and PKCE verifier kept in a cookie.
export async function GET() {
  const start = await startOidcSignIn();
  if (!start.ok) redirect(`/connexion?erreur=${start.reason}`);
  (await cookies()).set(OIDC_COOKIE, start.cookieValue, oidcCookieOptions());
  redirect(start.url);
}
