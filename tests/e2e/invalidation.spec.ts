import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

// A write invalidates what it changed and only that (lib/server/cache/cache-tags.ts): after a funding line
// saved in 77, 03's public page is still served from Next's page cache (x-nextjs-cache: HIT), while
// 77's page and API answer show the new amount at once. 03 (Allier) because no other test file writes
// it: they run at the same time, and a save of theirs in 63 would rightly send its page to be rendered again.
type FundingRow = { year: number; funder: string; stage: string; amountCents: number };

async function paidByArsIn2025(request: APIRequestContext): Promise<number> {
  const answer = await request.get("/api/v1/financements?departement=77&annee=2025");
  expect(answer.status()).toBe(200);
  const rows = ((await answer.json()) as { data: FundingRow[] }).data;
  return rows.filter((r) => r.funder === "ARS_FIR" && r.stage === "PAID").reduce((sum, r) => sum + r.amountCents, 0);
}

async function cacheState(request: APIRequestContext, path: string): Promise<string | undefined> {
  const answer = await request.get(path);
  expect(answer.status()).toBe(200);
  return answer.headers()["x-nextjs-cache"];
}

test("une ligne de financement enregistrée en Seine-et-Marne laisse la page de l'Allier servie depuis le cache et paraît aussitôt sur celle de la Seine-et-Marne", async ({ page, request }) => {
  // Every page in the cache before the write (77's may have just been rendered again after another file's save there).
  for (const path of ["/departements/03", "/widget/departements/03", "/departements/77"]) {
    await expect.poll(() => cacheState(request, path), { timeout: 15_000 }).toBe("HIT");
  }
  const paidBefore = await paidByArsIn2025(request);
  const funding77 = async () => (await request.get("/departements/77")).text();
  const pageBefore = await funding77();

  await signIn(page, "editeur.77@demo.tripartite.fr");
  await page.goto("/espace/departements/77/financements");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ajouter la ligne" }) });
  await form.getByLabel("Financeur").selectOption({ label: "ARS — FIR" });
  await form.getByLabel("Année").selectOption("2025");
  await form.getByLabel("Étape").selectOption({ label: "Versé" });
  await form.getByLabel("Montant (€)").fill("1 234,56");
  await form.getByRole("button", { name: "Ajouter la ligne" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Ligne ajoutée : ARS — FIR, 2025, versé/ })).toBeVisible({ timeout: 30_000 });

  try {
    // 03: untouched, still the cached copy.
    expect(await cacheState(request, "/departements/03")).toBe("HIT");
    expect(await cacheState(request, "/widget/departements/03")).toBe("HIT");
    // 77: rendered again, with the new amount, in its page and its API answer.
    expect(await paidByArsIn2025(request)).toBe(paidBefore + 123_456);
    expect(await funding77()).not.toBe(pageBefore);
  } finally {
    // The line goes, so that the other journeys find 77's figures as seeded.
    await page.goto("/espace/departements/77/financements?annee=2025&financeur=ARS_FIR");
    await page.getByRole("row").filter({ hasText: /1\s234,56/ }).getByRole("link", { name: /la ligne .*ARS — FIR, 2025, Versé/ }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Supprimer la ligne" }).click();
    await expect(page).toHaveURL(/supprimee=1/, { timeout: 30_000 });
  }
});
