// The attributes of our cookies, in one place. HttpOnly always; SameSite=Lax, because the session must
// follow a link from an e-mail or the return from ProConnect (a cross-site navigation: Strict would drop
// the cookie and show the visitor signed out); writes are POST server actions, which Next checks against
// the Origin header. Over https: Secure, and the __Host- prefix (Path=/, no Domain), so that no other
// host of the domain can set or shadow them.

const HOST_PREFIX = "__Host-";

/** The session cookie's name over plain http (over https, with the __Host- prefix). */
export const SESSION_COOKIE = "tripartite_session";

export const cookieName = (base: string, secure: boolean) => (secure ? `${HOST_PREFIX}${base}` : base);

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };
}

/**
 * A cookie only some routes need: that path over plain http; over https the __Host- prefix requires
 * Path=/ (the integrity it brings is worth more than the narrower path).
 */
export function scopedCookieOptions(secure: boolean, path: string) {
  return { ...sessionCookieOptions(secure), path: secure ? "/" : path };
}
