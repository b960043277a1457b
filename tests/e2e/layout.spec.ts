import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Wide tables scroll inside their own box: the page itself never scrolls sideways, on a desktop screen or
// a phone (a table's visually hidden text once widened the national view by 160 px).
const PAGES = ["/", "/departements/77", "/espace/national", "/espace/regions/11", "/espace/departements/77", "/espace/departements/77/financements"];

for (const width of [1280, 375]) {
  test(`aucune page ne défile horizontalement à ${width} px de large`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "national@demo.tripartite.fr");
    for (const path of PAGES) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} déborde de ${overflow} px`).toBeLessThanOrEqual(0);
    }
  });
}
