// The security headers of every response, written once. next.config.ts sends them on every route; proxy.ts
// gives the routes rendered per request (workspace, sign-in) a policy with a fresh nonce instead. No
// "server-only": next.config.ts imports it.
//
// Scripts. Pages rendered per request: 'nonce-…' 'strict-dynamic', the nonce being put by Next on every
// script it writes. Cached pages cannot carry a per-request nonce (the HTML is the same for everybody), so
// their header keeps 'unsafe-inline' and the cache adds a second policy listing the SHA-256 of each inline
// script of the cached HTML (lib/server/http/csp-hashes.mjs): browsers enforce both, so only those scripts run.
// Styles: React writes style="" attributes (charts, progress bars), hence style-src-attr 'unsafe-inline';
// <style> elements need the nonce, or come from our own origin.

export const HSTS = "max-age=63072000; includeSubDomains";

/** The header Next reads the nonce from (on the request), and where pages may read it too. */
export const NONCE_HEADER = "x-nonce";

type HeaderReader = { get(name: string): string | null };

/**
 * Whether the visitor reached us over https: the reverse proxy says so (X-Forwarded-Proto), or the
 * instance is declared https (APP_URL, or SESSION_COOKIE_SECURE=true). Plain http on localhost never is.
 */
export function isHttps(headers: HeaderReader, env: Record<string, string | undefined> = process.env): boolean {
  if (env.SESSION_COOKIE_SECURE === "true" || env.APP_URL?.trim().startsWith("https://")) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** Who may put the widget (/widget/…) in a frame: any site, or the origins in WIDGET_FRAME_ANCESTORS. */
export const widgetFrameAncestors = (env: Record<string, string | undefined> = process.env) => env.WIDGET_FRAME_ANCESTORS?.trim() || "*";

export type PolicyOptions = {
  /** A fresh nonce, on pages rendered per request. Without it, scripts fall back on the cached pages' rule. */
  nonce?: string;
  /** "'none'" everywhere but the widget. */
  frameAncestors?: string;
  https?: boolean;
  dev?: boolean;
};

export function contentSecurityPolicy({ nonce, frameAncestors = "'none'", https = false, dev = false }: PolicyOptions): string {
  const nonceSource = nonce ? ` 'nonce-${nonce}'` : "";
  // React's development build evaluates code (server error stacks) and styles through <style> elements.
  const scripts = dev ? "'self' 'unsafe-inline' 'unsafe-eval'" : nonce ? `'self'${nonceSource} 'strict-dynamic'` : "'self' 'unsafe-inline'";
  const styleElements = dev ? "'self' 'unsafe-inline'" : `'self'${nonceSource}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // style-src is for browsers without the two finer directives below.
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem ${styleElements}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Routes rendered per request: they get a nonce. Everything else is cached, or an API answer. */
export function isPerRequestPage(pathname: string): boolean {
  return /^\/(espace|connexion)(\/|$)/.test(pathname);
}

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * For a page rendered per request: the nonce, the policy, and the headers to put on the request (Next
 * reads the nonce from its Content-Security-Policy) and on the response.
 */
export function perRequestHeaders(requestHeaders: HeaderReader, options: { dev?: boolean; env?: Record<string, string | undefined> } = {}) {
  const nonce = newNonce();
  const https = isHttps(requestHeaders, options.env);
  const policy = contentSecurityPolicy({ nonce, https, dev: options.dev });
  const response: Record<string, string> = { "Content-Security-Policy": policy, "X-Frame-Options": "DENY" };
  if (https) response["Strict-Transport-Security"] = HSTS;
  return { nonce, request: { "content-security-policy": policy, [NONCE_HEADER]: nonce }, response };
}

type ConfigHeaderRule = { source: string; has?: { type: "header"; key: string; value?: string }[]; headers: { key: string; value: string }[] };

/**
 * next.config.ts headers(), read when the app is built (WIDGET_FRAME_ANCESTORS, APP_URL). Every answer
 * gets them; on the per-request pages, proxy.ts then replaces the CSP with its nonce policy (the proxy's
 * headers are applied after these), so that those pages keep a policy even if the proxy did not run.
 * Behind https (X-Forwarded-Proto: https), the same policy with upgrade-insecure-requests, and HSTS; a
 * later rule overrides an earlier one for the same header.
 */
export function configHeaders(options: { dev?: boolean; env?: Record<string, string | undefined> } = {}): ConfigHeaderRule[] {
  const env = options.env ?? process.env;
  const dev = options.dev ?? false;
  const rules = (https: boolean): ConfigHeaderRule[] => [
    {
      source: "/((?!widget/).*)",
      headers: [
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ https, dev }) },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    },
    { source: "/widget/:path*", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ https, dev, frameAncestors: widgetFrameAncestors(env) }) }] },
    ...(https ? [{ source: "/:path*", headers: [{ key: "Strict-Transport-Security", value: HSTS }] }] : []),
  ];
  const forwardedHttps = [{ type: "header" as const, key: "x-forwarded-proto", value: "[Hh][Tt][Tt][Pp][Ss](?:,.*)?" }];
  return [
    {
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ],
    },
    ...(isHttps({ get: () => null }, env) ? rules(true) : [...rules(false), ...rules(true).map((rule) => ({ ...rule, has: forwardedHttps }))]),
  ];
}
