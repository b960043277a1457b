import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import { contentHydrated, signIn } from "./helpers";

// What the proxy (proxy.ts) makes of headers a browser never sends on its own: another site's origin
// with an X-Forwarded-Host to match (no TRUSTED_PROXY_HOPS here: no forwarded host is believed), router
// headers no router sends, and the router's prefetches of the cached signed-in views.

const ATTACK = { Origin: "http://attaquant.example", "X-Forwarded-Host": "attaquant.example" };

/** The server action a click posts, caught before it leaves the browser. */
async function captureAction(page: Page, click: () => Promise<void>) {
  await contentHydrated(page);
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
    return route.abort();
  });
  await click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*");
  return captured!;
}

const isFrenchPage = async (response: APIResponse, status: number, title: string) => {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  expect(html).toContain('<html lang="fr">');
  expect(html).toContain(`<h1>${title}</h1>`);
  return html;
};

test("une action serveur rejouée depuis un autre site, avec un X-Forwarded-Host à son nom : page 403 en français, et rien n'est fait", async ({ page, baseURL }) => {
  await signIn(page, "lecteur.77@demo.tripartite.fr");
  const signOut = await captureAction(page, () => page.getByRole("button", { name: "Se déconnecter" }).click());
  const replay = (headers: Record<string, string>) =>
    page.request.post(signOut.url, {
      headers: { "next-action": signOut.headers["next-action"], "content-type": signOut.headers["content-type"], accept: "text/x-component", ...headers },
      data: signOut.body,
    });

  const html = await isFrenchPage(await replay(ATTACK), 403, "Requête refusée");
  expect(html).toContain("Cette action ne vient pas d'une page de Tripartite : elle a été refusée, rien n'a été enregistré.");
  await isFrenchPage(await replay({ Origin: "null" }), 403, "Requête refusée");
  // Still signed in: the action did not run.
  await page.goto("/espace");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // The very same request from the site itself is a real action: it signs out.
  expect((await replay({ Origin: new URL(baseURL!).origin })).status()).toBe(200);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion/);
});

test("un import de tableur posté depuis un autre site, avec un X-Forwarded-Host à son nom, est refusé", async ({ page, baseURL }) => {
  await signIn(page, "editeur.77@demo.tripartite.fr");
  const post = (headers: Record<string, string>) => page.request.post("/api/spreadsheet/77/import", { headers, multipart: { etape: "apercu" } });
  const refused = await post(ATTACK);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ status: "error", message: "Requête refusée : elle ne vient pas d'une page de Tripartite." });
  // From the site itself the same post reaches the import (which asks for the missing file).
  const own = await post({ Origin: new URL(baseURL!).origin });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ status: "error", message: expect.not.stringContaining("Requête refusée") });
});

/** An RSC request as the router makes it, with the `_rsc` parameter Next expects for its headers. */
async function rscRequest(page: Page, path: string, headers: Record<string, string>) {
  const prefetch = headers["Next-Router-Prefetch"];
  const hash = await computeCacheBustingSearchParam(
    prefetch === "1" || prefetch === "2" || prefetch === "3" ? prefetch : undefined,
    headers["Next-Router-Segment-Prefetch"],
    headers["Next-Router-State-Tree"],
    headers["Next-Url"],
  );
  return page.request.get(`${path}?_rsc=${hash || "x"}`, { headers, maxRedirects: 0 });
}

test("des en-têtes de routeur malformés reçoivent la page 400 en français, connecté ou non, jamais une erreur 500", async ({ page }) => {
  const malformed: Record<string, string>[] = [
    { RSC: "1", "Next-Router-State-Tree": "garbage" },
    { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%5D" },
    { RSC: "garbage" },
    { RSC: "1", "Next-Router-Prefetch": "garbage" },
    { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "garbage" },
    { RSC: "1", "Next-Url": "garbage" },
  ];
  const paths = ["/espace/national", "/espace/departements/77", "/connexion", "/departements/77", "/"];
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, "national@demo.tripartite.fr");
    for (const path of paths) {
      for (const headers of malformed) {
        const response = await rscRequest(page, path, headers);
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(400);
        expect(await response.text()).toContain("<h1>Requête invalide</h1>");
      }
    }
    // The very request of the report, with a cache-busting parameter Next would otherwise redirect.
    await isFrenchPage(await page.request.get("/espace/national?_rsc=x", { headers: { RSC: "1", "Next-Router-State-Tree": "garbage" }, maxRedirects: 0 }), 400, "Requête invalide");
  }
  // What the router sends goes through.
  const tree = encodeURIComponent(JSON.stringify(["", {}, null, "metadata-only"]));
  const prefetch = await rscRequest(page, "/espace/national", { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-State-Tree": tree, "Next-Url": "/espace" });
  expect(prefetch.status()).toBe(200);
  expect(prefetch.headers()["content-type"]).toContain("text/x-component");
});

test("les préchargements du routeur sont rendus à la demande ; la navigation vers la vue nationale est servie depuis sa copie en cache", async ({ page }) => {
  const isNational = (r: Response) => new URL(r.url()).pathname === "/espace/national" && r.request().headers()["rsc"] === "1";
  const prefetches: Response[] = [];
  page.on("response", (r) => {
    if (isNational(r) && r.request().headers()["next-router-prefetch"]) prefetches.push(r);
  });
  // The workspace's home shows the link to the national view: the router prefetches it.
  await signIn(page, "national@demo.tripartite.fr");
  const link = page.getByRole("link", { name: /^Vue nationale/ });
  await expect(link).toBeVisible();
  await expect.poll(() => prefetches.length, { timeout: 20_000 }).toBeGreaterThan(0);
  for (const response of prefetches) {
    expect(response.status()).toBe(200);
    // Rendered per request (Next's own no-store), not the copy's "private, no-store".
    expect(response.headers()["cache-control"]).toContain("must-revalidate");
  }
  const navigation = page.waitForResponse((r) => isNational(r) && !r.request().headers()["next-router-prefetch"]);
  await link.click();
  expect((await navigation).headers()["cache-control"]).toBe("private, no-store");
  await expect(page).toHaveURL(/\/espace\/national$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
