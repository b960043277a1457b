// @ts-check
// A strict script policy for cached pages. Their HTML is rendered once and served to everybody, so it
// cannot carry a per-request nonce; instead, when a page enters Next's cache, the SHA-256 of each of its
// inline scripts (Next's bootstrap and flight data, React's) is listed in a Content-Security-Policy kept
// with the entry and sent with every copy of it. Browsers enforce it together with the header of
// next.config.ts, so only those exact scripts, and scripts from our own origin, run.
// Plain JavaScript: Next loads the cache handler with Node's import(), at run time, without compiling it.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(^|\s)src\s*=/i;

/** The distinct 'sha256-…' sources of the inline scripts of an HTML document, in order of appearance. */
export function inlineScriptHashes(/** @type {string} */ html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The second policy of a cached page: scripts from our origin, and its own inline scripts only. */
export function scriptHashPolicy(/** @type {string} */ html) {
  return ["script-src 'self'", ...inlineScriptHashes(html)].join(" ");
}

/**
 * A cache entry with its script policy among the headers Next replays with every cached copy. Only HTML
 * pages (the "APP_PAGE" kind, with their html); anything else goes through untouched. A new object: the
 * response being rendered keeps its own headers.
 * @template T
 * @param {T} data
 * @returns {T}
 */
export function withScriptHashPolicy(data) {
  const entry = /** @type {{ kind?: string; html?: unknown; headers?: Record<string, unknown> } | null} */ (data);
  if (!entry || entry.kind !== "APP_PAGE" || typeof entry.html !== "string") return data;
  return /** @type {T} */ ({ ...entry, headers: { ...entry.headers, "content-security-policy": scriptHashPolicy(entry.html) } });
}

/**
 * Wraps a Next cache handler class (the default file-system one, or a shared one) so that every page it
 * stores carries its script policy, and every page it returns too: pages prerendered by `next build`, or
 * stored by an older version, get theirs on first read (the handler's memory keeps it afterwards).
 * @template {new (...args: any[]) => { get(key: string, ctx: any): Promise<any>; set(key: string, data: any, ctx: any): Promise<void> }} Base
 * @param {Base} Base
 */
export function withCspHashes(Base) {
  return class CspHashCacheHandler extends Base {
    /** @param {string} key @param {any} ctx */
    async get(key, ctx) {
      const entry = await super.get(key, ctx);
      if (entry?.value && !entry.value.headers?.["content-security-policy"]) entry.value = withScriptHashPolicy(entry.value);
      return entry;
    }

    /** @param {string} key @param {any} data @param {any} ctx */
    async set(key, data, ctx) {
      return super.set(key, withScriptHashPolicy(data), ctx);
    }
  };
}
