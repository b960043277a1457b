import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, scriptHashPolicy, withCspHashes, withScriptHashPolicy } from "./csp-hashes.mjs";
import { configHeaders, contentSecurityPolicy, isHttps, isPerRequestPage, perRequestHeaders } from "./security-headers";

const headers = (values: Record<string, string>) => new Headers(values);
const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("https detection", () => {
  it("trusts the proxy's X-Forwarded-Proto, or an https APP_URL, never plain http", () => {
    expect(isHttps(headers({}), {})).toBe(false);
    expect(isHttps(headers({ "x-forwarded-proto": "http" }), {})).toBe(false);
    expect(isHttps(headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(isHttps(headers({ "x-forwarded-proto": "https, http" }), {})).toBe(true);
    expect(isHttps(headers({}), { APP_URL: "https://tripartite.example.gouv.fr" })).toBe(true);
    expect(isHttps(headers({}), { APP_URL: "http://localhost:3000" })).toBe(false);
    expect(isHttps(headers({}), { SESSION_COOKIE_SECURE: "true" })).toBe(true);
  });
});

describe("Content-Security-Policy", () => {
  it("gives pages rendered per request a nonce and 'strict-dynamic', without 'unsafe-inline' for scripts or <style>", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc" }));
    expect(policy["script-src"]).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy["style-src-elem"]).toBe("'self' 'nonce-abc'");
    expect(policy).toMatchObject({ "object-src": "'none'", "base-uri": "'none'", "form-action": "'self'", "frame-ancestors": "'none'", "default-src": "'self'" });
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("upgrades insecure requests behind https only", () => {
    expect(contentSecurityPolicy({ https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("sends per-request pages a nonce on the request (for Next) and the same policy on the response, HSTS behind https", () => {
    const plain = perRequestHeaders(headers({}), { env: {} });
    expect(plain.request["content-security-policy"]).toBe(plain.response["Content-Security-Policy"]);
    expect(plain.response["Content-Security-Policy"]).toContain(`'nonce-${plain.nonce}'`);
    expect(plain.response).not.toHaveProperty("Strict-Transport-Security");
    expect(plain.nonce).not.toBe(perRequestHeaders(headers({}), { env: {} }).nonce);
    const secure = perRequestHeaders(headers({ "x-forwarded-proto": "https" }), { env: {} });
    expect(secure.response["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("knows which routes are rendered per request", () => {
    for (const path of ["/espace", "/espace/departements/77", "/connexion", "/connexion/proconnect/callback"]) expect(isPerRequestPage(path)).toBe(true);
    for (const path of ["/", "/departements/77", "/widget/departements/77", "/api/v1/contrats", "/espaces"]) expect(isPerRequestPage(path)).toBe(false);
  });

  it("lets only the widget be framed, by the sites in WIDGET_FRAME_ANCESTORS, and adds HSTS when X-Forwarded-Proto is https", () => {
    const rules = configHeaders({ env: { WIDGET_FRAME_ANCESTORS: "https://www.seine-et-marne.fr" } });
    const widget = rules.find((r) => r.source === "/widget/:path*" && !r.has);
    expect(widget?.headers[0].value).toContain("frame-ancestors https://www.seine-et-marne.fr");
    const https = rules.filter((r) => r.has?.[0].key === "x-forwarded-proto");
    expect(https.find((r) => r.source === "/:path*")?.headers).toEqual([{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]);
    expect(https.filter((r) => r.source !== "/:path*").every((r) => r.headers[0].value.includes("upgrade-insecure-requests"))).toBe(true);
    expect(rules.filter((r) => !r.has).flatMap((r) => r.headers).some((h) => h.key === "Strict-Transport-Security")).toBe(false);
    expect(new RegExp(`^${https[0].has![0].value}$`).test("https")).toBe(true);
    expect(new RegExp(`^${https[0].has![0].value}$`).test("http")).toBe(false);
  });

  it("sends HSTS on every answer of an instance declared https (APP_URL)", () => {
    const rules = configHeaders({ env: { APP_URL: "https://tripartite.example.gouv.fr" } });
    expect(rules.some((r) => r.has)).toBe(false);
    expect(rules.find((r) => r.source === "/:path*" && r.headers.some((h) => h.key === "Strict-Transport-Security"))).toBeDefined();
  });
});

describe("script hashes of cached pages", () => {
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">boot()</script></head>
<body><p>Évry-Courcouronnes</p><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"é\\u003c/script"])</script><script>boot()</script></body></html>`;

  it("hashes each distinct inline script, never an external one", () => {
    expect(inlineScriptHashes(html)).toEqual([sha("boot()"), sha("(self.__next_f=self.__next_f||[]).push([0])"), sha('self.__next_f.push([1,"é\\u003c/script"])')]);
    expect(scriptHashPolicy(html)).toBe(`script-src 'self' ${inlineScriptHashes(html).join(" ")}`);
  });

  it("adds the policy to cached pages only, as a new entry", () => {
    const page = { kind: "APP_PAGE", html, headers: { "x-next-cache-tags": "public" } };
    const stored = withScriptHashPolicy(page);
    expect(stored.headers).toEqual({ "x-next-cache-tags": "public", "content-security-policy": scriptHashPolicy(html) });
    expect(page.headers).not.toHaveProperty("content-security-policy");
    const data = { kind: "FETCH", data: { body: "<script>x</script>" } };
    expect(withScriptHashPolicy(data)).toBe(data);
    expect(withScriptHashPolicy(null)).toBeNull();
  });

  it("wraps a cache handler so that what it stores, and what it returns without a policy, carries one", async () => {
    const stored = new Map<string, { value: unknown }>();
    class Handler {
      async get(key: string) {
        return stored.get(key) ?? null;
      }
      async set(key: string, data: unknown, context: unknown) {
        stored.set(key, { value: { ...(data as object), context } });
      }
    }
    const handler = new (withCspHashes(Handler))();
    await handler.set("/departements/77", { kind: "APP_PAGE", html, headers: {} }, {});
    expect(stored.get("/departements/77")).toMatchObject({ value: { headers: { "content-security-policy": scriptHashPolicy(html) }, context: {} } });
    // Prerendered at build time, without the policy: it is added when read.
    stored.set("/plan-du-site", { value: { kind: "APP_PAGE", html, headers: { "x-nextjs-prerender": "1" } } });
    expect(await handler.get("/plan-du-site")).toMatchObject({ value: { headers: { "x-nextjs-prerender": "1", "content-security-policy": scriptHashPolicy(html) } } });
    expect(await handler.get("/inconnu")).toBeNull();
  });
});
