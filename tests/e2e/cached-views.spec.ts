import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The signed-in views are cached per scope (lib/server/cache.ts): a write must show at once in the
// department's workspace, in the regional and the national views (their medians and totals change too).
test("une fiche action réalisée dans le Puy-de-Dôme apparaît aussitôt dans l'espace du département et les vues régionale et nationale", async ({ browser }) => {
  const national = await (await browser.newContext()).newPage();
  await signIn(national, "national@demo.tripartite.fr");

  const doneIn63 = async (path: string) => {
    await national.goto(path);
    const row = national.getByRole("table", { name: /^Contrats \(/ }).getByRole("row").filter({ hasText: "Puy-de-Dôme (63)" });
    const text = (await row.getByText(/dont \d+ réalisées/).textContent()) ?? "";
    return Number(/dont (\d+) réalisées/.exec(text)![1]);
  };
  const fa01Row = () => national.getByRole("table", { name: /Fiches action du contrat, à mettre à jour/ }).getByRole("row").filter({ hasText: /^FA-01 — / });

  // Seen once, so that each view is in the cache before the write.
  const nationalBefore = await doneIn63("/espace/national?region=84");
  const regionalBefore = await doneIn63("/espace/regions/84");
  await national.goto("/espace/departements/63");
  await expect(fa01Row()).toContainText("En cours");

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editeur.63@demo.tripartite.fr");
  await editor.getByRole("link", { name: /^FA-01 — / }).click();
  await editor.getByLabel("Statut").selectOption({ label: "Réalisée" });
  await editor.getByLabel("Avancement (%)").fill("100");
  await editor.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Fiche action enregistrée." })).toBeVisible();

  await national.goto("/espace/departements/63");
  await expect(fa01Row()).toContainText("Réalisée");
  await expect(fa01Row().getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  expect(await doneIn63("/espace/regions/84")).toBe(regionalBefore + 1);
  expect(await doneIn63("/espace/national?region=84")).toBe(nationalBefore + 1);
});
