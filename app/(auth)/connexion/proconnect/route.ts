import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { oidcCookie, startOidcSignIn } from "@/lib/auth/oidc";

// "S'identifier avec ProConnect": off to the provider, with state, nonce and PKCE verifier kept in a cookie.
export async function GET() {
  const start = await startOidcSignIn();
  if (!start.ok) redirect(`/connexion?erreur=${start.reason}`);
  const cookie = oidcCookie();
  (await cookies()).set(cookie.name, start.cookieValue, cookie.options);
  redirect(start.url);
}
