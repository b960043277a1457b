// Which forwarded headers to believe. X-Forwarded-Host and X-Forwarded-For are only worth what the
// machine that wrote them: a visitor can send them too. TRUSTED_PROXY_HOPS says how many reverse proxies
// stand in front of the instance and overwrite (or append to) them:
// - 0, the default: none. The proxy (proxy.ts) removes X-Forwarded-Host, X-Forwarded-For, X-Forwarded-Port,
//   X-Real-IP and Forwarded from every request, and Next then fills the first ones from the connection
//   itself (Host, the socket's address). Origin checks compare Origin with Host.
//   X-Forwarded-Proto is left as sent: it only decides the visitor's own answer (Secure cookies with the
//   __Host- prefix, HSTS, upgrade-insecure-requests), never an origin check nor another visitor's page;
//   next.config.ts's headers read it before any proxy runs anyway.
// - n ≥ 1: in each comma-separated forwarded header, the value written by the outermost of those n proxies
//   (the n-th from the right) is kept, alone; what a visitor wrote before it is dropped.
// The proxy applies this to every request before anything reads the headers (Next's own origin check of
// server actions reads X-Forwarded-Host), and the same-origin checks below apply it again, so that they
// hold even where the proxy did not run.
// No "server-only" and no Node API: the proxy bundle imports it.
import { z } from "zod";

export const TRUSTED_PROXY_HOPS_MESSAGE = "TRUSTED_PROXY_HOPS doit être un nombre entier de 0 à 10 : le nombre de mandataires inverses (reverse proxies) devant l'application, 0 ou vide s'il n'y en a pas.";

/** TRUSTED_PROXY_HOPS: empty or unset is 0. */
export const TrustedProxyHops = z
  .string()
  .trim()
  .regex(/^(?:|[0-9]|10)$/, TRUSTED_PROXY_HOPS_MESSAGE)
  .optional()
  .transform((value) => (value ? Number(value) : 0));

/** The setting, 0 when it is not a valid one (the environment check refuses to start the app then: lib/server/env.ts). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const parsed = TrustedProxyHops.safeParse(env.TRUSTED_PROXY_HOPS);
  return parsed.success ? parsed.data : 0;
}

/** The forwarded headers a reverse proxy writes and the app (or Next) reads. */
export const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "x-real-ip", "forwarded"] as const;

/** Those a visitor's own value of which is harmless (see above): kept without a trusted proxy. */
const SELF_ONLY = new Set<string>(["x-forwarded-proto"]);

/** The value the outermost trusted proxy wrote in a comma-separated forwarded header, or null. */
export function trustedValue(value: string | null | undefined, hops: number): string | null {
  if (!value || hops < 1) return null;
  const values = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length === 0 ? null : values[Math.max(0, values.length - hops)];
}

/**
 * The request's headers with the forwarded ones reduced to what the trusted proxies wrote: none but
 * X-Forwarded-Proto with 0 hops; otherwise one value each (X-Real-IP and Forwarded are left to the
 * proxies, which overwrite them).
 */
export function withTrustedForwarding(headers: Headers, hops: number): Headers {
  const result = new Headers(headers);
  for (const name of FORWARDED_HEADERS) {
    if (hops < 1) {
      if (!SELF_ONLY.has(name)) result.delete(name);
      continue;
    }
    if (name === "x-real-ip" || name === "forwarded") continue;
    const value = trustedValue(result.get(name), hops);
    if (value === null) result.delete(name);
    else result.set(name, value);
  }
  return result;
}

type HeaderReader = { get(name: string): string | null };

/** The host the visitor asked for: the trusted proxy's X-Forwarded-Host, or else Host. */
export function requestHost(headers: HeaderReader, hops: number): string | null {
  return trustedValue(headers.get("x-forwarded-host"), hops) ?? headers.get("host");
}

/**
 * Whether a POST comes from one of the app's own pages: no browser says it is cross-site, and its Origin
 * (when it sends one: every browser does on a POST) is the host the visitor asked for. "null" (a sandboxed
 * frame, a redirect across sites) is no origin of ours.
 */
export function isSameOrigin(headers: HeaderReader, hops: number): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = requestHost(headers, hops);
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
