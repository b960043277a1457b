// The attributes of our cookies, in one place. HttpOnly always; SameSite=Lax, because the session must
// follow a link from an e-mail or the return from ProConnect (a cross-site navigation: Strict would drop
// the cookie and show the visitor signed out); writes are POST server actions, which Next checks against
// the Origin header. Over https: Secure, and the __Host- prefix (Path=/, no Domain), so that no other
// host of the domain can set or shadow them.

const HOST_PREFIX = "__Host-";

/** The session cookie's name over plain http (over https, with the __Host- prefix). */
export const SESSION_COOKIE = "tripartite_session";

export const cookieName = (base: string, secure: boolean) => (secure ? `${HOST_PREFIX}${base}` : base);

/**
 * A second cookie, readable by the page's script and holding no secret ("1"), set and cleared with the
 * session: the header loads the user menu's code only when it is there. It proves nothing (the menu then
 * asks the server who is signed in); it only spares anonymous visitors of the public pages that code.
 */
export const SIGNED_IN_MARKER = "tripartite_connecte";

export function signedInMarkerOptions(secure: boolean) {
  return { httpOnly: false, sameSite: "lax" as const, secure, path: "/" };
}

/** Whether a `document.cookie` string holds the marker (with or without the __Host- prefix). */
export function hasSignedInMarker(documentCookie: string): boolean {
  return documentCookie.split(";").some((c) => {
    const name = c.trim().split("=", 1)[0];
    return name === SIGNED_IN_MARKER || name === `${HOST_PREFIX}${SIGNED_IN_MARKER}`;
  });
}

/** What `document.cookie` is given to drop the marker (a session found closed or expired). */
export function clearedSignedInMarker(secure: boolean): string {
  return `${cookieName(SIGNED_IN_MARKER, secure)}=; Max-Age=0; Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
}

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
