// The proxy (proxy.ts) on a real database, as Next runs it before every request: which forwarded headers
// reach the pages (none unless TRUSTED_PROXY_HOPS says a reverse proxy wrote them), and its French
// answers to a malformed router header and to a server action from another site.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const FORWARDED = { "x-forwarded-host": "attaquant.example", "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", "x-forwarded-port": "443" };

const at = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new NextRequest(`http://tripartite.example${path}`, { method, headers: { host: "tripartite.example", ...headers } });

/** The request headers the proxy lets through to the page, as Next applies them (x-middleware-override-headers). */
function passedOn(response: Response): Record<string, string> {
  const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  return Object.fromEntries(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`) ?? ""]));
}

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
});

describe("en-têtes transmis", () => {
  it("sans TRUSTED_PROXY_HOPS, ni l'hôte ni l'adresse que dit le visiteur n'atteignent les pages, publiques, de l'espace ou l'API", async () => {
    for (const path of ["/departements/77", "/connexion", "/api/v1/actions"]) {
      const headers = passedOn(await proxy(at(path, { ...FORWARDED, accept: "text/html" })));
      expect(headers).toHaveProperty("accept", "text/html");
      for (const name of Object.keys(FORWARDED)) expect(headers).not.toHaveProperty(name);
    }
  });

  it("derrière un mandataire de confiance, seule la valeur qu'il a écrite passe", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const headers = passedOn(await proxy(at("/connexion", { "x-forwarded-host": "attaquant.example, tripartite.example", "x-forwarded-proto": "https", "x-forwarded-for": "6.6.6.6, 192.0.2.7" })));
    expect(headers).toMatchObject({ "x-forwarded-host": "tripartite.example", "x-forwarded-proto": "https", "x-forwarded-for": "192.0.2.7" });
    // Behind https, the page rendered per request gets HSTS.
    const response = await proxy(at("/connexion", { "x-forwarded-proto": "https" }));
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("sans mandataire de confiance, le schéma que dit le visiteur ne vaut que pour lui : cookies Secure et HSTS sur sa propre réponse", async () => {
    const response = await proxy(at("/connexion", { "x-forwarded-proto": "https" }));
    expect(passedOn(response)).toHaveProperty("x-forwarded-proto", "https");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect((await proxy(at("/connexion"))).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("réponses du proxy en français", () => {
  it("un arbre de routeur illisible : page 400, pas d'erreur 500", async () => {
    const response = await proxy(at("/espace/national?_rsc=x", { rsc: "1", "next-router-state-tree": "garbage" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("<h1>Requête invalide</h1>");
  });

  it("une action serveur postée depuis un autre site avec X-Forwarded-Host à son nom : page 403", async () => {
    const attack = { origin: "http://attaquant.example", "x-forwarded-host": "attaquant.example", "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8" };
    const response = await proxy(at("/espace/departements/77", attack, "POST"));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("rien n'a été enregistré");
    // The same action from the app's own page goes on to Next.
    const own = await proxy(at("/espace/departements/77", { ...attack, origin: "http://tripartite.example" }, "POST"));
    expect(own.headers.get("x-middleware-next")).toBe("1");
  });
});
