import "server-only";
// Offline PDF: Debian's Chromium, driven by playwright-core, prints the report's HTML (no network, no session round trip).
import { chromium } from "playwright-core";
import { escapeHtml } from "./document";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** `footer`: plain text printed at the bottom of every page, with "page n / N". */
export async function htmlToPdf(html: string, footer = ""): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    const page = await browser.newPage();
    // Nothing may be fetched: the document is self-contained.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      // Chromium's header and footer ignore the page's CSS: their font size must be set here.
      footerTemplate: `<div style="font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#444;width:100%;margin:0 15mm;display:flex;justify-content:space-between"><span>${escapeHtml(footer)}</span><span>page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      margin: { top: "15mm", bottom: "18mm", left: "15mm", right: "15mm" },
    });
  } finally {
    await browser.close();
  }
}
