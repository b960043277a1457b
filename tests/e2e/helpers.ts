import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-tripartite";

export async function signIn(page: Page, email: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/espace/);
}

/**
 * Waits until React has hydrated the page's content (components/layout/hydrate-later.tsx hydrates it after
 * the header, at low priority). A click before that still works, as the browser's plain form submission,
 * but it is not the page's server action call: a test that records that call waits for this first.
 */
export async function contentHydrated(page: Page) {
  const content = page.locator("#contenu > *").first();
  await expect.poll(() => content.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"))), { timeout: 30_000 }).toBe(true);
}

/** The workspace page of a fiche action of 77, found by its reference, once its form works as in the browser. */
export async function openAction77(page: Page, reference: string) {
  await page.goto("/espace/departements/77");
  await page.getByRole("link", { name: new RegExp(`^${reference} — `) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await contentHydrated(page);
}

/** The progress shown for an action on the public page of 77. */
export async function publicProgress(page: Page, title: string) {
  await page.goto("/departements/77");
  const row = page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("row").filter({ hasText: title });
  return (await row.getByRole("progressbar").getAttribute("aria-valuenow")) ?? "";
}
