import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// ProConnect stood in for by the local OpenID provider on 127.0.0.1:3199 (see playwright.config.ts).
// Next's route announcer is a role="alert" too: alerts are picked by their text.
const PROVIDER = /^http:\/\/127\.0\.0\.1:\d+\/interaction\//;

async function atProvider(page: Page) {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await expect(page).toHaveURL(PROVIDER);
}

test.describe("connexion avec ProConnect", () => {
  test("un éditeur de la Seine-et-Marne s'identifie et arrive dans l'espace de son département", async ({ page }) => {
    await page.goto("/connexion");
    await expect(page.getByRole("link", { name: "S'identifier avec ProConnect" })).toBeVisible();
    await expectNoAxeViolations(page);

    await atProvider(page);
    await page.getByLabel("Adresse électronique professionnelle").fill("editeur.77@demo.tripartite.fr");
    await page.getByRole("button", { name: "Continuer" }).click();

    await expect(page).toHaveURL(/\/espace\/departements\/77$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    // The transient cookie is gone once used; the session cookie is HttpOnly.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "tripartite_oidc")).toBeUndefined();
    expect(cookies.find((c) => c.name === "tripartite_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });

  test("un agent inconnu de Tripartite est refusé avec un message clair, sans être connecté", async ({ page }) => {
    await atProvider(page);
    await page.getByLabel("Adresse électronique professionnelle").fill("agent.inconnu@interieur.gouv.fr");
    await page.getByRole("button", { name: "Continuer" }).click();

    await expect(page).toHaveURL(/\/connexion\?erreur=compte-inconnu$/);
    await expect(page.getByRole("alert").filter({ hasText: "Aucun compte actif de Tripartite" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("un agent qui annule chez ProConnect revient sur la page de connexion", async ({ page }) => {
    await atProvider(page);
    await page.getByRole("link", { name: "Annuler et revenir au service" }).click();
    await expect(page).toHaveURL(/\/connexion\?erreur=refus$/);
    await expect(page.getByRole("alert").filter({ hasText: "annulée" })).toBeVisible();
  });

  test("une réponse qui n'a pas été demandée par ce navigateur est refusée", async ({ page }) => {
    await page.goto("/connexion/proconnect/callback?code=forge&state=forge");
    await expect(page).toHaveURL(/\/connexion\?erreur=session-expiree$/);
    await expect(page.getByRole("alert").filter({ hasText: "Recommencez" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
  });
});
