import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The Content-Security-Policy in a real Chromium: every page, as the role that uses it, runs with no
// violation (scripts, charts' inline styles, the map, forms, client-side navigation), the widget shows
// inside another site, and no other page can be framed.

/** Records every CSP violation of the page (the DOM event, and the console message Chromium logs). */
async function watchViolations(page: Page) {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) seen.push(`${page.url()} — ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`${page.url()} — ${error.message}`));
  return seen;
}

/** Opens a page and checks its heading: the page rendered, and hydrated (React wires the <main>). */
async function visit(page: Page, path: string, heading: string | RegExp) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react"))), { message: path }).toBe(true);
}

/** The funding chart, drawn once scrolled near (lazy-charts.tsx), in the page's inline styles. */
async function expectChart(page: Page) {
  const figure = page.locator("figure", { hasText: "Prévu et versé par année" });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
}

test("les pages publiques : scripts, graphiques, carte et navigation sans violation", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const [path, heading] of [
    ["/", "Départements sous contrat"],
    ["/departements/77", "Seine-et-Marne (77)"],
    ["/donnees-ouvertes", "Données ouvertes"],
    ["/mentions-legales", "Mentions légales"],
    ["/accessibilite", "Déclaration d'accessibilité"],
    ["/donnees-personnelles", "Données personnelles"],
    ["/plan-du-site", "Plan du site"],
    ["/widget/departements/77", /^Seine-et-Marne \(77\) : contrat de prévention/],
    // Twice: the first may render, the second is the cached copy with its own script hashes.
    ["/departements/77", "Seine-et-Marne (77)"],
  ] as const) {
    await visit(page, path, heading);
  }
  await expectChart(page);
  // Client-side navigation (Next's router fetches the next page and loads its scripts).
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Données ouvertes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données ouvertes");
  const missing = await page.goto("/departements/999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await visit(page, "/connexion", "Connexion");
  expect(violations).toEqual([]);
});

test("l'espace d'un éditeur : tableaux de bord, formulaires et rapport sans violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, "editeur.77@demo.tripartite.fr");
  for (const [path, heading] of [
    ["/espace/departements/77", "Seine-et-Marne (77)"],
    ["/espace/departements/77/financements", /— financements$/],
    ["/espace/departements/77/indicateurs", /— indicateurs$/],
    ["/espace/departements/77/contexte", /— chiffres de contexte$/],
    ["/espace/departements/77/echanges", /./],
    ["/espace/departements/77/rapports", /./],
    ["/espace/compte", "Mon compte"],
    ["/espace/departements/77/actions/nouvelle", "Nouvelle fiche action"],
  ] as const) {
    await visit(page, path, heading);
  }
  // A server action answering with the French errors next to the fields: forms work under the policy.
  await page.getByRole("button", { name: "Créer la fiche action" }).click();
  await expect(page.getByText("Certains champs sont à corriger.").first()).toBeVisible();

  await page.goto("/espace/departements/77");
  await page.getByRole("link", { name: /^FA-\d+ — / }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("FA-");
  await page.goto("/espace/departements/77/rapports");
  await page.getByRole("link", { name: /^Rapport 20\d\d$/ }).first().click();
  await expect(page).toHaveURL(/\/rapports\/20\d\d$/);
  // The printable version carries its own <style>, admitted by the request's nonce.
  await page.goto(`${new URL(page.url()).pathname}/imprimer`);
  await expect(page.locator("style[nonce]")).toHaveCount(1);
  await expect(page.locator(".no-print")).toBeVisible();
  // From the workspace to a public page and back, without reloading.
  await page.goto("/espace/departements/77");
  await page.getByRole("link", { name: "Voir la page publique" }).click();
  await expect(page).toHaveURL(/\/departements\/77$/);
  await expectChart(page);
  expect(violations).toEqual([]);
});

test("la vue nationale, la carte et l'administration sans violation", async ({ page, browser }) => {
  const violations = await watchViolations(page);
  await signIn(page, "national@demo.tripartite.fr");
  await visit(page, "/espace/national", "Vue nationale");
  const map = page.getByRole("group", { name: /Carte des départements/ });
  await expect(map.getByRole("link", { name: /^Seine-et-Marne \(77\)/ })).toBeVisible();
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(map).toBeVisible();
  await visit(page, "/espace/regions/11", "Vue régionale — Île-de-France");
  await map.getByRole("link", { name: /^Seine-et-Marne \(77\)/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");

  const admin = await (await browser.newContext()).newPage();
  const adminViolations = await watchViolations(admin);
  await signIn(admin, "admin@demo.tripartite.fr");
  for (const path of ["/espace/admin", "/espace/admin/utilisateurs", "/espace/admin/utilisateurs/nouveau", "/espace/admin/contrats", "/espace/admin/contrats/nouveau"]) {
    await visit(admin, path, /./);
  }
  expect([...violations, ...adminViolations]).toEqual([]);
});

test("le widget s'affiche dans le site d'un autre domaine, les autres pages non", async ({ page, baseURL }) => {
  const violations = await watchViolations(page);
  // A department's own website: another origin (another port), served by the test on this machine.
  const site = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="fr"><title>Site du département</title><h1>Site du département</h1>
      <iframe id="widget" title="Chiffres clés" src="${baseURL}/widget/departements/77" width="600" height="400"></iframe>
      <iframe id="page" title="Page complète" src="${baseURL}/departements/77" width="600" height="400"></iframe>
      <iframe id="espace" title="Espace" src="${baseURL}/connexion" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await expect(page.frameLocator("#widget").getByText("Total contractualisé")).toBeVisible();
    await expect
      .poll(() => page.frames().filter((f) => f.url().startsWith("chrome-error://")).length, { message: "the two other pages are refused" })
      .toBe(2);
    await expect(page.frameLocator("#page").getByText("Seine-et-Marne (77)")).toHaveCount(0);
    await expect(page.frameLocator("#espace").getByRole("heading", { name: "Connexion" })).toHaveCount(0);
  } finally {
    site.close();
  }
  // The refusals are frame-ancestors violations of the framed pages, not of the widget.
  expect(violations.filter((v) => !/frame-ancestors|X-Frame-Options/.test(v))).toEqual([]);
});

test("un script injecté dans une page publique en cache est refusé", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/plan-du-site");
  await page.goto("/plan-du-site"); // the cached copy, with the hashes of its own scripts
  await page.route("**/plan-du-site", async (route) => {
    let response = await route.fetch();
    for (let i = 0; i < 4 && response.headers()["x-nextjs-cache"] !== "HIT"; i++) response = await route.fetch();
    expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
    const body = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan du site");
  expect(await page.evaluate(() => "injected" in window)).toBe(false);
  expect(violations.some((v) => v.includes("script-src"))).toBe(true);
});
