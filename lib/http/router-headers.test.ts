import { describe, expect, it } from "vitest";
import { crossSiteActionResponse, malformedRouterHeader, malformedRouterHeaderResponse } from "./router-headers";

const at = (pathname: string, headers: Record<string, string>, method = "GET") => ({ method, headers: new Headers(headers), nextUrl: { pathname } });

// What Next's client router sends on a navigation and on a prefetch (seen in Chromium against the production build).
const TREE = encodeURIComponent(JSON.stringify(["", { children: ["espace", { children: ["national", { children: ["__PAGE__", {}, null, null] }, null, null] }, null, null] }, null, null]));

describe("en-têtes du routeur de Next", () => {
  it("laisse passer ce que le routeur envoie", () => {
    expect(malformedRouterHeader(new Headers({ rsc: "1", "next-router-state-tree": TREE, "next-url": "/espace/national" }))).toBeNull();
    expect(malformedRouterHeader(new Headers({ rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" }))).toBeNull();
    expect(malformedRouterHeader(new Headers({ accept: "text/html" }))).toBeNull();
  });

  it.each([
    [{ rsc: "1", "next-router-state-tree": "garbage" }, "next-router-state-tree"],
    [{ rsc: "1", "next-router-state-tree": "%5B%22%22%5D" }, "next-router-state-tree"],
    [{ rsc: "1", "next-router-state-tree": `${TREE}, ${TREE}` }, "next-router-state-tree"],
    [{ rsc: "1", "next-router-state-tree": "%5B".repeat(20_001) }, "next-router-state-tree"],
    [{ rsc: "oui" }, "rsc"],
    [{ rsc: "1", "next-router-prefetch": "garbage" }, "next-router-prefetch"],
    [{ rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "garbage" }, "next-router-segment-prefetch"],
    [{ rsc: "1", "next-url": "garbage" }, "next-url"],
    [{ rsc: "1", "next-hmr-refresh": "x" }, "next-hmr-refresh"],
  ])("%o → page 400 en français", async (headers, name) => {
    expect(malformedRouterHeader(new Headers(headers))).toBe(name);
    const response = malformedRouterHeaderResponse(at("/espace/national", headers))!;
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Requête invalide</h1>");
  });

  it("une route d'API reçoit l'erreur JSON de l'API", async () => {
    const response = malformedRouterHeaderResponse(at("/api/v1/actions", { rsc: "1", "next-router-state-tree": "garbage" }))!;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { status: 400, code: "bad_request" } });
  });
});

describe("actions serveur d'un autre site", () => {
  const action = { host: "tripartite.example", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };

  it("une action postée depuis un autre site, même avec X-Forwarded-Host à son nom : page 403 en français", async () => {
    const response = crossSiteActionResponse(at("/espace/departements/77", { ...action, origin: "http://attaquant.example", "x-forwarded-host": "attaquant.example" }, "POST"), 0)!;
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("<h1>Requête refusée</h1>");
    expect(html).toContain("rien n'a été enregistré");
    // A form posted without JavaScript is an action too.
    const form = at("/connexion", { host: "tripartite.example", origin: "http://attaquant.example", "content-type": "multipart/form-data; boundary=x" }, "POST");
    expect(crossSiteActionResponse(form, 0)?.status).toBe(403);
  });

  it("laisse passer les actions de ses propres pages, les lectures et les API", () => {
    expect(crossSiteActionResponse(at("/espace/departements/77", { ...action, origin: "http://tripartite.example" }, "POST"), 0)).toBeNull();
    expect(crossSiteActionResponse(at("/espace/departements/77", { host: "tripartite.example", origin: "http://attaquant.example" }), 0)).toBeNull();
    expect(crossSiteActionResponse(at("/api/spreadsheet/77/import", { ...action, origin: "http://attaquant.example" }, "POST"), 0)).toBeNull();
    // Behind one trusted proxy, the host it names is the one that counts.
    const proxied = { ...action, host: "10.0.0.5:3000", origin: "https://tripartite.example", "x-forwarded-host": "tripartite.example" };
    expect(crossSiteActionResponse(at("/espace/departements/77", proxied, "POST"), 1)).toBeNull();
    expect(crossSiteActionResponse(at("/espace/departements/77", proxied, "POST"), 0)?.status).toBe(403);
  });
});
