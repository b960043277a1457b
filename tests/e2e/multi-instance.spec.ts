// Two production instances of the app on one database, as behind a load balancer without sticky
// sessions: what one instance writes, counts or revokes holds on the other at once. The instances
// are `next start` on the build Playwright's web server has just made, on a database of their own
// (embedded PostgreSQL under .data/multi, or a database created on MULTI_DATABASE_SERVER_URL).
import { expect as baseExpect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { startCluster, type Cluster } from "../support/cluster";
import { DEMO_PASSWORD } from "./helpers";

// The instances start cold, next to the other specs' server, on 2 shared cores: first renders are slow.
const expect = baseExpect.configure({ timeout: 30_000 });

const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [base + 201, base + 202];

let cluster: Cluster;
let A: string;
let B: string;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster({
    ports: PORTS,
    pgPort: Number(process.env.MULTI_PG_PORT ?? 54399),
    serverUrl: process.env.MULTI_DATABASE_SERVER_URL || undefined,
  });
  [A, B] = cluster.urls;
  // Load the sign-in page's code on both (not the pages under test, which B must render itself).
  await Promise.all(cluster.urls.map((url) => fetch(`${url}/connexion`)));
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function signInAt(page: Page, origin: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${origin}/connexion`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The progress of a fiche action of 77 on the public page served by `origin`, and that answer's cache status. */
async function publicProgress(page: Page, origin: string, title: string) {
  const response = await page.goto(`${origin}/departements/77`);
  const row = page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("row").filter({ hasText: title });
  return { progress: await row.getByRole("progressbar").getAttribute("aria-valuenow"), cache: response?.headers()["x-nextjs-cache"] };
}

async function apiProgress(request: APIRequestContext, origin: string, title: string) {
  const answer = await request.get(`${origin}/api/v1/actions?departement=77&par_page=1000`);
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { data: { title: string; progress: number }[] };
  return body.data.find((a) => a.title === title)?.progress;
}

test("une fiche action enregistrée sur l'instance A apparaît aussitôt sur la page publique et dans l'API servies par l'instance B", async ({ browser, request }) => {
  // FA-02 of 77's running 2025-2027 contract, the one its public page shows (the title is unique to it).
  const title = "Recrutement et formation d'assistants familiaux";
  const visitor = await browser.newPage();
  // B renders the page and the API answer once, then serves them from its cache.
  expect((await publicProgress(visitor, B, title)).progress).toBe("55");
  expect(await publicProgress(visitor, B, title)).toEqual({ progress: "55", cache: "HIT" });
  expect(await apiProgress(request, B, title)).toBe(55);
  expect(await apiProgress(request, B, title)).toBe(55);

  // An editor saves the fiche through A.
  const editor = await (await browser.newContext()).newPage();
  await signInAt(editor, A, "editeur.77@demo.tripartite.fr");
  await expect(editor).toHaveURL(`${A}/espace/departements/77`);
  await editor.getByRole("link", { name: /^FA-02 — / }).click();
  await editor.getByLabel("Avancement (%)").fill("64");
  await editor.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();

  // B's very next answers show it (no waiting, no retry).
  expect(await apiProgress(request, B, title)).toBe(64);
  expect((await publicProgress(visitor, B, title)).progress).toBe("64");
  expect((await publicProgress(visitor, A, title)).progress).toBe("64");
});

test("les échecs de connexion sur A et sur B s'additionnent et bloquent le compte sur les deux", async ({ page }) => {
  const email = "lecteur.77@demo.tripartite.fr";
  // Five failures, alternately on A and B: neither instance sees more than three by itself.
  for (let attempt = 0; attempt < 5; attempt++) {
    await signInAt(page, attempt % 2 === 0 ? A : B, email, "mauvais-mot-de-passe");
    await expect(page.getByText("Adresse électronique ou mot de passe incorrect.")).toBeVisible();
  }
  // Now even the right password is refused, on both.
  for (const origin of [B, A]) {
    await signInAt(page, origin, email);
    await expect(page.getByText("Trop de tentatives de connexion : réessayez dans 15 minutes.")).toBeVisible();
    await expect(page).toHaveURL(`${origin}/connexion`);
  }
  expect((await page.context().cookies()).find((c) => c.name === "tripartite_session")).toBeUndefined();
});

test("une session ouverte sur A vaut sur B, et la déconnexion sur A la ferme sur B", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, A, "national@demo.tripartite.fr");
  await expect(page).toHaveURL(`${A}/espace`);

  // The browser sends its cookie to B as a load balancer would (cookies are per host, not per port).
  await page.goto(`${B}/espace`);
  await expect(page.getByRole("heading", { name: "Mon espace", level: 1 })).toBeVisible();
  await expect(page.getByText(/Connecté en tant que/)).toBeVisible();
  const token = (await context.cookies()).find((c) => c.name === "tripartite_session")?.value;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
  // Someone holding a copy of that cookie is signed in on B too…
  const copy = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie: `tripartite_session=${token}` } });
  expect((await (await copy.get(`${B}/api/session`)).json()).displayName).toBe("Pilote national démo (DGCS)");

  // …until the session is closed on A.
  await page.goto(`${A}/`);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect((await (await copy.get(`${B}/api/session`)).json()).displayName).toBeNull();
  const workspace = await copy.get(`${B}/espace`, { maxRedirects: 0 });
  expect(workspace.status()).toBeGreaterThanOrEqual(300);
  expect(workspace.headers().location).toContain("/connexion");
  await copy.dispose();
  await context.close();
});
