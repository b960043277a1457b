import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { csvRecords } from "../support/csv";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./helpers";

/** From a department's page (its running 2025-2027 contract) to its earlier 2020-2022-framework contract. */
async function openEarlierContract(page: Page, code: string) {
  await page.goto(`/departements/${code}`);
  const others = page.getByRole("region", { name: "Autres contrats du département" });
  await others.getByRole("link", { name: /Stratégie nationale de prévention et de protection de l'enfance 2020-2022/ }).click();
  // The earlier contract's page is rendered on its first visit (then cached): with the other test files loading
  // the server at the same time, that first render took more than the default 5 s twice.
  await expect(page).toHaveURL(new RegExp(`/departements/${code}/contrats/[^/]+$`), { timeout: 20_000 });
  await expect(page.getByText("Contrat antérieur du département.")).toBeVisible();
}

const DEMO_DEPARTMENTS = [
  ["77", "Seine-et-Marne", 2020],
  ["63", "Puy-de-Dôme", 2020],
  ["04", "Alpes-de-Haute-Provence", 2020],
  ["03", "Allier", 2020],
  ["59", "Nord", 2020],
  ["71", "Saône-et-Loire", 2020],
  ["10", "Aube", 2022],
] as const;

test.describe("les départements de la démonstration", () => {
  for (const [code, name, earlierWave] of DEMO_DEPARTMENTS) {
    test(`${name} (${code}) : le contrat 2025-2027 en cours d'abord, le contrat 2020-2022 comme contrat antérieur`, async ({ page }) => {
      await page.goto(`/departements/${code}`);
      await expect(page.getByRole("heading", { level: 2, name: "Contrat 2025-2027 — vague 2025" })).toBeVisible();
      const header = page.getByRole("region", { name: "Contrat 2025-2027 — vague 2025" });
      await expect(header).toContainText("Signé, en cours");
      await expect(header).toContainText("Du 1er janvier 2025 au 31 décembre 2027");
      // No per-department figure of the 2025-2027 contracts is public: every amount is demo data.
      await expect(header).toContainText(/Total\s*[\d,]+\sM€\s*entièrement de démonstration/);
      const others = page.getByRole("region", { name: "Autres contrats du département" });
      await expect(others.getByRole("listitem")).toHaveCount(1);
      await expect(others.getByRole("listitem")).toContainText(`vague ${earlierWave} (Terminé)`);
    });
  }
});

test.describe("page d'accueil", () => {
  test("liste les départements sous contrat et le total national", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Départements sous contrat" })).toBeVisible();
    const rows = page.getByRole("table", { name: /Contrats par département/ }).getByRole("row");
    await expect(rows).toHaveCount(1 + 7);
    await expect(page.getByRole("link", { name: "Seine-et-Marne (77)" })).toBeVisible();
    await expect(page.getByText("Départements sous contrat").first()).toBeVisible();
    await expect(page.getByText(/Total contractualisé/)).toBeVisible();
    // The national totals add up demo amounts: they say how much.
    const total = page.getByRole("term").filter({ hasText: "Total contractualisé" }).locator("xpath=following-sibling::dd[1]");
    await expect(total).toContainText(/dont\s[\d,]+\sM€ de démonstration/);
    await expectNoAxeViolations(page);
  });

  test("chaque ligne garde son montant et son avancement ; le reste est à un clic ou dans le CSV", async ({ page, request }) => {
    await page.goto("/");
    const row = page.getByRole("table", { name: /Contrats par département/ }).getByRole("row", { name: /Seine-et-Marne \(77\)/ });
    await expect(row.getByRole("cell").first()).toContainText(/M€/);
    await expect(row.getByRole("cell").nth(1)).toContainText(/%|—/);
    // Region, wave, signature, status, source: in the list's CSV (and on the department's page, tested below).
    const csvLink = page.getByRole("link", { name: "CSV : Contrats par département", exact: true });
    const csv = await (await request.get((await csvLink.getAttribute("href"))!)).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    for (const column of ["regionName", "wave", "status", "signedOn"]) expect(header).toContain(column);
    expect(lines.some((l) => l.includes("Seine-et-Marne"))).toBe(true);
  });

  test("chaque département est à un clic de l'accueil, à travers les pages de la liste, et dans le CSV", async ({ page, request }) => {
    await page.goto("/");
    const csvLink = page.getByRole("link", { name: "CSV : Contrats par département", exact: true });
    const inCsv = new Set(csvRecords(await (await request.get((await csvLink.getAttribute("href"))!)).text()).map((r) => r.departmentCode));
    // Follow the list's pages as a reader would, by their links (no script needed), and collect each department's link.
    const reached = new Set<string>();
    const visited = new Set<string>();
    for (;;) {
      visited.add(new URL(page.url()).pathname);
      const links = page.getByRole("table", { name: /Contrats par département/ }).getByRole("rowheader").getByRole("link");
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) reached.add(href.replace(/^\/departements\//, ""));
      const next = page.getByRole("navigation", { name: "Pages de la liste des départements" }).getByRole("link", { name: "Page suivante" });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(/page \d+ sur \d+/);
    }
    expect(inCsv.size).toBeGreaterThan(0);
    expect([...reached].sort()).toEqual([...inCsv].sort());
    // The demo's 7 departments fit on the home page: no pages to go through.
    if (inCsv.size <= 50) {
      expect(visited).toEqual(new Set(["/"]));
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Pages de la liste des départements" })).toHaveCount(0);
      expect((await request.get("/page/2")).status()).toBe(404);
    }
  });

  test("mène au tableau de bord d'un département", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Puy-de-Dôme (63)" }).click();
    await expect(page).toHaveURL(/\/departements\/63$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Puy-de-Dôme (63)");
  });

  test("se parcourt au clavier : le lien d'évitement mène au contenu", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#contenu$/);
  });
});

test.describe("tableau de bord de la Seine-et-Marne (77)", () => {
  test("montre le contrat 2020-2022, ses montants et ses fiches action", async ({ page }) => {
    await openEarlierContract(page, "77");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");
    // The day a source states; no place, and no signatory guessed (« Non renseigné »).
    const contract = page.getByRole("region", { name: /^Contrat 2020-2022/ });
    await expect(contract.getByText("Le 28 septembre 2020", { exact: true })).toBeVisible();
    await expect(contract).not.toContainText("Lieusaint");
    await expect(contract.getByText("État : Non renseigné")).toBeVisible();
    const amounts = page.getByRole("heading", { name: "Montants inscrits au contrat" }).locator("xpath=following-sibling::dl[1]");
    await expect(amounts).toContainText(/État\s*8,4\sM€/);
    await expect(amounts).toContainText(/ARS\s*4,3\sM€/);
    await expect(amounts).toContainText(/Département\s*15,4\sM€/);
    await expect(amounts).toContainText(/Total\s*28,1\sM€/);
    // Every amount of 77 is sourced: the total carries no demo mark, and each « Source » quotes its passage.
    await expect(amounts).not.toContainText(/de démonstration/);
    await amounts.getByText("Source", { exact: true }).first().click();
    await expect(amounts.getByText(/l’Etat s’engage à hauteur de 8,4 millions d’euros/).first()).toBeVisible();
    const actions = page.getByRole("table", { name: /Fiches action du contrat/ });
    for (const title of [
      "Maison des 1 000 jours",
      "Appel à projets AEMO",
      "Équipe mobile de travailleurs sociaux pour les enfants en situation de handicap",
      "Cabines de télémédecine pour les bilans de santé des plus de 14 ans",
      "Nouvelles modalités de bilans de santé pour les plus jeunes",
    ]) {
      await expect(actions.getByText(title, { exact: true })).toBeVisible();
    }
    await expect(actions.getByText("En retard").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("accompagne chaque graphique de son tableau et d'un CSV (contrat 2020-2022)", async ({ page }) => {
    await openEarlierContract(page, "77");
    const progress = page.getByRole("table", { name: /Avancement moyen des fiches action par engagement/ });
    await expect(progress.getByRole("row")).toHaveCount(1 + 5);
    const funding = page.getByRole("table", { name: /Financements du contrat par année/ });
    await expect(funding.getByRole("row", { name: /Total/ })).toContainText(/28\s100\s000\s€/);

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: /Télécharger les données \(CSV\) : Prévu et versé par année/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("financements-par-annee-77.csv");
    const csv = await readFile((await download.path())!, "utf8");
    const [header, ...lines] = csv.trim().split("\r\n");
    expect(header).toBe("annee,prevu_eur,notifie_eur,engage_eur,verse_eur");
    const planned = lines.reduce((sum, line) => sum + Number(line.split(",")[1]), 0);
    expect(planned).toBe(28_100_000);
  });
});

test("tableau de bord du Puy-de-Dôme (63) : les faits de ses sources, rien de plus", async ({ page }) => {
  // The sourced facts are those of its 2020-2022 contract; the context figures are the department's.
  await openEarlierContract(page, "63");
  await expect(page.getByText(/^1,6\sM€$/).first()).toBeVisible();
  await expect(page.getByText("Bus itinérant de la PMI pour les territoires ruraux")).toBeVisible();
  const context = page.getByRole("table", { name: /Chiffres de contexte/ });
  // Only the figure a stored source states: the 2020 budget; no 2019 row, no count of children.
  await expect(context.getByRole("row", { name: /2019/ })).toHaveCount(0);
  const row2020 = context.getByRole("row", { name: /2020/ });
  await expect(row2020).toContainText(/72\sM€/);
  await expect(row2020).not.toContainText(/1\s200/);
  // « Source » opens the passage of the source, from the keyboard.
  await row2020.getByText("Source", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(row2020.getByText(/près de 72 millions d’euros/)).toBeVisible();
  await expect(row2020.getByRole("link", { name: /Ouvrir la source/ })).toHaveAttribute("href", /puy-de-dome\.fr/);
  // The contract's total adds up demo amounts, and says so.
  await expect(page.getByText(/dont\s[\d,]+\sM€ de démonstration/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

// The page's content is hydrated after the header and footer (components/layout/hydrate-later.tsx), but its HTML
// is in place from the first byte: without JavaScript, a reader sees every table where it belongs, none left
// hidden for a script to move (what a Suspense boundary around a large part of the page would do).
test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("la page d'un département montre ses engagements, financements, fiches action et indicateurs à leur place", async ({ page }) => {
    await page.goto("/departements/77");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seine-et-Marne (77)");
    await expect(page.getByRole("table", { name: /Avancement moyen des fiches action par engagement/ }).getByRole("row").first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Financements du contrat par année/ }).getByRole("row", { name: /Total/ })).toBeVisible();
    const actions = page.getByRole("table", { name: /Fiches action du contrat/ });
    await expect(actions.getByRole("row")).not.toHaveCount(0);
    for (const row of await actions.getByRole("row").all()) await expect(row).toBeVisible();
    await expect(page.getByRole("table", { name: /Indicateurs/ }).first().getByRole("row").nth(1)).toBeVisible();
    // In place: every section of the page is inside <main>, before the footer, and none is hidden.
    expect(await page.locator("body > :not(main) section, [hidden] section").count()).toBe(0);
  });

  test("l'accueil liste chaque département", async ({ page }) => {
    await page.goto("/");
    const rows = page.getByRole("table", { name: /Contrats par département/ }).getByRole("row");
    await expect(rows).toHaveCount(1 + 7);
    for (const row of await rows.all()) await expect(row).toBeVisible();
  });
});

test("un code inconnu donne une page 404 en français", async ({ page }) => {
  const response = await page.goto("/departements/999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expectNoAxeViolations(page);
});

// Every public page, with no account: it renders in French, says how fresh its data are where it shows
// data, and has no axe violation.
test.describe("pages publiques sans compte", () => {
  const pages: [string, string | RegExp][] = [
    ["/", "Départements sous contrat"],
    ["/departements/77", "Seine-et-Marne (77)"],
    ["/departements/2a", "Corse-du-Sud (2A)"],
    ["/donnees-ouvertes", "Données ouvertes"],
    ["/mentions-legales", "Mentions légales"],
    ["/accessibilite", "Déclaration d'accessibilité"],
    ["/donnees-personnelles", "Données personnelles"],
    ["/plan-du-site", "Plan du site"],
    ["/widget/departements/77", /^Seine-et-Marne \(77\) : contrat de prévention/],
  ];
  for (const [path, heading] of pages) {
    test(`${path} est accessible`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectNoAxeViolations(page);
    });
  }

  test("les pages de données disent quand elles ont été mises à jour, et renvoient aux données ouvertes", async ({ page }) => {
    for (const path of ["/", "/departements/77", "/widget/departements/77"]) {
      await page.goto(path);
      await expect(page.getByText(/^Données mises à jour le \d{1,2}(er)? \S+ \d{4} à \d{2} h \d{2}$/)).toBeVisible();
    }
    await page.goto("/departements/77");
    await expect(page.getByRole("link", { name: "CSV : Fiches action du contrat", exact: true })).toHaveAttribute("href", /\/api\/v1\/actions\?departement=77&contrat=.+&format=csv/);
    await expect(page.getByRole("table", { name: /Indicateurs du contrat/ })).toBeVisible();
    await expect(page.getByText("Qu'est-ce qu'un contrat de prévention et de protection de l'enfance ?")).toBeVisible();
  });

  test("le pied de page mène aux pages obligatoires", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("navigation", { name: "Pied de page" });
    for (const name of ["Données ouvertes", "Accessibilité : partiellement conforme", "Mentions légales", "Données personnelles", "Plan du site"]) {
      await expect(footer.getByRole("link", { name })).toBeVisible();
    }
    await footer.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
    await expect(page.getByText(/partiellement conforme/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Défenseur des droits", exact: true })).toBeVisible();
  });

  test("le widget n'a ni en-tête ni pied de page, et renvoie au tableau de bord complet", async ({ page }) => {
    await page.goto("/widget/departements/77");
    await expect(page.getByRole("banner")).toHaveCount(0);
    await expect(page.getByRole("contentinfo")).toHaveCount(0);
    await expect(page.getByText("Total contractualisé")).toBeVisible();
    await expect(page.getByRole("link", { name: /Voir le tableau de bord complet/ })).toHaveAttribute("href", "/departements/77");
  });
});

test.describe("en-têtes de sécurité", () => {
  test("seul le widget peut être affiché dans un cadre", async ({ request }) => {
    for (const path of ["/", "/departements/77", "/donnees-ouvertes", "/connexion", "/api/v1/contrats"]) {
      const response = await request.get(path);
      const csp = response.headers()["content-security-policy"];
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-frame-options"], path).toBe("DENY");
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    }
    const widget = await request.get("/widget/departements/77");
    expect(widget.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(widget.headers()["content-security-policy"]).not.toContain("frame-ancestors 'none'");
    expect(widget.headers()["x-frame-options"]).toBeUndefined();
    expect(widget.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("le navigateur affiche le widget dans un cadre, et refuse d'y afficher les autres pages", async ({ page }) => {
    await page.goto("/plan-du-site");
    await page.evaluate(() => {
      for (const [id, src] of [["widget", "/widget/departements/77"], ["page", "/departements/77"]]) {
        const frame = document.createElement("iframe");
        frame.id = id;
        frame.title = id;
        frame.src = src;
        document.body.append(frame);
      }
    });
    await expect(page.frameLocator("#widget").getByText("Total contractualisé")).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.frameLocator("#page").getByText("Seine-et-Marne (77)")).toHaveCount(0);
  });

  test("la politique de sécurité des contenus laisse fonctionner la page (scripts, graphiques, CSV)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/departements/77");
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: /Télécharger les données \(CSV\) : Prévu et versé par année/ }).click();
    expect((await downloadPromise).suggestedFilename()).toBe("financements-par-annee-77.csv");
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

/** The id of a department's most recent contract, as its page's « CSV : Fiches action du contrat » link names it. */
async function currentContractId(request: APIRequestContext, code: string): Promise<string> {
  const html = await (await request.get(`/departements/${code}`)).text();
  return decodeURIComponent(/\/api\/v1\/actions\?departement=\d+&amp;contrat=([^&"]+)&amp;format=csv/.exec(html)![1]);
}

test.describe("rien de perdu : chaque fiche action est sur la page, à un lien de là, et dans le CSV", () => {
  test("Seine-et-Marne (77) : toutes les fiches action du contrat sont listées, et le CSV en a autant", async ({ page, request }) => {
    await page.goto("/departements/77");
    const heading = await page.getByRole("heading", { level: 2, name: /^Fiches action \(\d+\)$/ }).textContent();
    const count = Number(/\((\d+)\)/.exec(heading ?? "")![1]);
    const csvLink = page.getByRole("link", { name: "CSV : Fiches action du contrat", exact: true });
    const csv = csvRecords(await (await request.get((await csvLink.getAttribute("href"))!)).text());
    expect(csv).toHaveLength(count);
    const csvTitles = csv.map((r) => r.title).sort();

    // On the page: the first fiches, then (past the page's share) a link to all of them.
    const shown = await page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("rowheader").locator("b").allTextContents();
    await expect(page.getByRole("link", { name: `Voir les ${count} fiches action` })).toHaveCount(shown.length < count ? 1 : 0);
    for (const title of shown) expect(csvTitles).toContain(title);

    // The page listing them all, whether or not the department's page needs to link to it.
    await page.goto(`/departements/77/contrats/${csv[0].contractId}/fiches-action`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fiches action (${count}) — Seine-et-Marne (77)`);
    const all = await page.getByRole("table", { name: /Fiches action du contrat/ }).getByRole("rowheader").locator("b").allTextContents();
    expect(all.sort()).toEqual(csvTitles);
    await expect(page.getByRole("link", { name: "CSV : Fiches action du contrat", exact: true })).toHaveAttribute("href", new RegExp(`contrat=${csv[0].contractId}&format=csv`));
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "retour à la page du contrat" }).click();
    await expect(page).toHaveURL(/\/departements\/77$/);
  });

  test("la page de toutes les fiches action est servie depuis le cache, comme la page du département", async ({ request }) => {
    const path = `/departements/77/contrats/${await currentContractId(request, "77")}/fiches-action`;
    let state: string | undefined;
    for (let i = 0; i < 4 && state !== "HIT"; i++) {
      const answer = await request.get(path);
      expect(answer.status()).toBe(200);
      state = answer.headers()["x-nextjs-cache"];
    }
    expect(state).toBe("HIT");
    expect((await request.get("/departements/77/contrats/inconnu/fiches-action")).status()).toBe(404);
  });
});

test.describe("menu de l'utilisateur", () => {
  const watchSessionRequests = (page: Page) => {
    const seen: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/session") seen.push(r.url());
    });
    return seen;
  };

  test("un visiteur anonyme voit « Se connecter » sans que le menu soit chargé ni la session demandée", async ({ page }) => {
    const asked = watchSessionRequests(page);
    await page.goto("/departements/77");
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await page.getByRole("link", { name: "Données ouvertes" }).first().click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    expect(asked).toEqual([]);
  });

  test("connecté, les pages publiques montrent son nom ; une session expirée redevient « Se connecter » et retire le témoin", async ({ page, context }) => {
    await signIn(page, "lecteur.77@demo.tripartite.fr");
    const marker = (await context.cookies()).find((c) => c.name === "tripartite_connecte");
    expect(marker).toMatchObject({ value: "1", httpOnly: false, path: "/" });
    await page.goto("/departements/77");
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    // The session ends on the server's side (here: its cookie is gone); the marker alone proves nothing.
    await context.clearCookies({ name: "tripartite_session" });
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await expect.poll(async () => (await context.cookies()).some((c) => c.name === "tripartite_connecte")).toBe(false);
  });
});
