import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-tripartite";

export async function signIn(page: Page, email: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/espace/);
}

/** The workspace link of a fiche action of 77, found by its reference. */
export async function openAction77(page: Page, reference: string) {
  await page.goto("/espace/departements/77");
  await page.getByRole("link", { name: new RegExp(`^${reference} — `) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
}

/** The progress shown for an action on the public page of 77. */
export async function publicProgress(page: Page, title: string) {
  await page.goto("/departements/77");
  const row = page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("row").filter({ hasText: title });
  return (await row.getByRole("progressbar").getAttribute("aria-valuenow")) ?? "";
}
