import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { MAX_FAILURES_PER_ACCOUNT } from "../../lib/auth/schemas";
import { DEMO_PASSWORD, signIn } from "./helpers";

// What the browser is told at the HTTP level: headers of each kind of answer, over http and behind an
// https reverse proxy (X-Forwarded-Proto), the session cookie's attributes, and login throttling.

const HTTPS = { "X-Forwarded-Proto": "https" };
const HSTS = "max-age=63072000; includeSubDomains";

/** Every Content-Security-Policy of an answer: browsers enforce each one. */
const policies = (response: APIResponse) =>
  response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);
const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src")) ?? "";

/** A cached page as its readers get it: from the cache (a write elsewhere may have just emptied it). */
async function cachedCopy(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await request.get(path, { headers });
    expect(response.status(), path).toBe(200);
    if (response.headers()["x-nextjs-cache"] === "HIT" || attempt === 9) return response;
    // STALE (or MISS): served while Next renders the page again in the background (`/` is renewed once a
    // minute: its national date); the next request gets the new copy once rendered.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

test.describe("en-têtes de sécurité", () => {
  test("une page publique en cache n'exécute que ses propres scripts, et ne se laisse pas encadrer", async ({ request }) => {
    for (const path of ["/", "/departements/77", "/donnees-ouvertes"]) {
      const response = await cachedCopy(request, path);
      expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
      const [base, hashes] = policies(response);
      expect(base, path).toContain("frame-ancestors 'none'");
      expect(base, path).toContain("object-src 'none'");
      expect(base, path).toContain("base-uri 'none'");
      expect(base, path).toContain("form-action 'self'");
      // The second policy lists the hash of each inline script of this very HTML: no 'unsafe-inline'.
      expect(scriptSrc(hashes), path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
      const inline = [...(await response.text()).matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].length;
      expect(scriptSrc(hashes).split(" ").length - 2, path).toBeGreaterThan(0);
      expect(scriptSrc(hashes).split(" ").length - 2, path).toBeLessThanOrEqual(inline);
      expect(response.headers()["x-frame-options"], path).toBe("DENY");
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("derrière https, les pages publiques, l'API et le widget demandent HSTS ; jamais en http", async ({ request }) => {
    for (const path of ["/departements/77", "/api/v1/contrats", "/widget/departements/77", "/api/health"]) {
      const plain = await request.get(path);
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
      expect(policies(plain).join(), path).not.toContain("upgrade-insecure-requests");
      const secure = await request.get(path, { headers: HTTPS });
      expect(secure.headers()["strict-transport-security"], path).toBe(HSTS);
      expect(policies(secure)[0], path).toContain("upgrade-insecure-requests");
    }
  });

  test("l'API et le widget : nosniff, et seul le widget peut être encadré", async ({ request }) => {
    const api = await request.get("/api/v1/contrats");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(policies(api)[0]).toContain("frame-ancestors 'none'");
    const widget = await cachedCopy(request, "/widget/departements/77");
    expect(policies(widget)[0]).toContain("frame-ancestors *");
    expect(widget.headers()["x-frame-options"]).toBeUndefined();
    expect(scriptSrc(policies(widget)[1] ?? "")).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
  });

  test("une page de l'espace reçoit un nonce neuf à chaque requête, sans 'unsafe-inline' pour les scripts", async ({ page }) => {
    await signIn(page, "lecteur.77@demo.tripartite.fr");
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await page.request.get("/espace/departements/77/indicateurs");
      expect(response.status()).toBe(200);
      const [policy, ...others] = policies(response);
      expect(others).toEqual([]);
      const nonce = scriptSrc(policy).match(/^script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'$/)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/); // 18 random bytes, base64
      nonces.push(nonce!);
      // Next put it on its scripts, inline or not.
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      expect(policy).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-frame-options"]).toBe("DENY");
      expect(response.headers()["strict-transport-security"]).toBeUndefined();
    }
    expect(nonces[0]).not.toBe(nonces[1]);

    // The workspace's home is served from a cached copy for its roles (lib/page-cache/): no nonce there,
    // the hashes of its own inline scripts instead, and never stored outside the server.
    const copy = await cachedCopy(page.request, "/espace/departements/77");
    expect(copy.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(copy.headers()["cache-control"]).toBe("private, no-store");
    const [base, hashes] = policies(copy);
    expect(base).toContain("frame-ancestors 'none'");
    expect(scriptSrc(hashes)).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
    expect(copy.headers()["x-frame-options"]).toBe("DENY");
    const secure = await page.request.get("/connexion", { headers: HTTPS });
    expect(secure.headers()["strict-transport-security"]).toBe(HSTS);
    expect(policies(secure)[0]).toContain("upgrade-insecure-requests");
  });
});

/** The Set-Cookie of the sign-in form's answer. */
async function signInSetCookie(page: Page, email: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  return (await (await answer).headerValue("set-cookie")) ?? "";
}

test.describe("cookie de session", () => {
  test("en http : HttpOnly, SameSite=Lax, Path=/, sans Secure", async ({ page }) => {
    const setCookie = await signInSetCookie(page, "lecteur.77@demo.tripartite.fr");
    expect(setCookie).toMatch(/^tripartite_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=lax/i);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/; Secure/i);
    await expect(page).toHaveURL(/\/espace/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "tripartite_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Beside it, a marker without secret that the page's script may read: only then is the user menu loaded.
    const marker = (await page.context().cookies()).find((c) => c.name === "tripartite_connecte");
    expect(marker).toMatchObject({ value: "1", httpOnly: false, sameSite: "Lax", path: "/" });
  });

  test("derrière https : préfixe __Host-, Secure, et la session fonctionne jusqu'à la déconnexion", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: HTTPS });
    const page = await context.newPage();
    const setCookie = await signInSetCookie(page, "lecteur.77@demo.tripartite.fr");
    expect(setCookie).toMatch(/^__Host-tripartite_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of [/; Secure/i, /; HttpOnly/i, /; SameSite=lax/i, /; Path=\/(;|$)/]) expect(setCookie).toMatch(attribute);
    expect(setCookie).not.toMatch(/; Domain=/i);
    // Chromium keeps Secure cookies of 127.0.0.1 (a trustworthy origin): the workspace opens with it.
    await expect(page).toHaveURL(/\/espace/);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    expect((await context.cookies()).filter((c) => c.name.includes("tripartite_session"))).toEqual([]);
    // The readable sign-in marker (the header loads the user menu only with it) goes with the session.
    expect((await context.cookies()).filter((c) => c.name.includes("tripartite_"))).toEqual([]);
    await context.close();
  });
});

test("après trop d'échecs, la connexion est suspendue, même avec le bon mot de passe", async ({ page, browser }) => {
  // An account of its own, made by the administrator, so that no other test is locked out.
  const email = `limitation.${Date.now()}@test.tripartite.fr`;
  const password = "un-mot-de-passe-bien-long";
  await signIn(page, "admin@demo.tripartite.fr");
  await page.goto("/espace/admin/utilisateurs/nouveau");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Nom affiché").fill("Compte de test de la limitation");
  await page.getByRole("textbox", { name: "Mot de passe initial", exact: true }).fill(password);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page).toHaveURL(/\/espace\/admin\/utilisateurs\/[^/]+\?cree=1$/);

  const visitor = await (await browser.newContext()).newPage();
  const attempt = async (secret: string) => {
    await visitor.goto("/connexion");
    await visitor.getByLabel("Adresse électronique").fill(email);
    await visitor.getByLabel("Mot de passe").fill(secret);
    await visitor.getByRole("button", { name: "Se connecter" }).click();
  };
  for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
    await attempt(`mauvais-${i}`);
    await expect(visitor.getByText("Adresse électronique ou mot de passe incorrect.")).toBeVisible();
  }
  await attempt("encore-mauvais");
  await expect(visitor.getByText("Trop de tentatives de connexion : réessayez dans 15 minutes.")).toBeVisible();
  await attempt(password);
  await expect(visitor.getByText("Trop de tentatives de connexion : réessayez dans 15 minutes.")).toBeVisible();
  await expect(visitor).toHaveURL(/\/connexion$/);
  expect((await visitor.context().cookies()).find((c) => c.name === "tripartite_session")).toBeUndefined();
});
