import { describe, expect, it } from "vitest";
import { MAX_URL_LENGTH, malformedUrlResponse } from "./malformed-url";

const at = (url: string) => {
  const u = new URL(url, "http://tripartite.test");
  return { nextUrl: { pathname: u.pathname, search: u.search } };
};

describe("adresses malformées", () => {
  it.each(["/departements/%ZZ", "/espace/departements/%/rapports", "/departements/%00", "/departements/77?annee=%00", "/departements/77?q=%E9"])("%s → page 400 en français", async (url) => {
    const response = malformedUrlResponse(at(url));
    expect(response?.status).toBe(400);
    const html = await response!.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Adresse invalide</h1>");
    // Styled by attributes only: the site's policy (style-src-elem 'self') would block a <style> element.
    expect(html).not.toContain("<style");
    expect(html).toContain('<body style="');
  });

  it("une route d'API reçoit l'erreur JSON de l'API", async () => {
    const response = malformedUrlResponse(at("/api/v1/actions/%ZZ"));
    expect(response?.status).toBe(400);
    expect(await response!.json()).toEqual({ error: { status: 400, code: "bad_request", message: expect.stringContaining("Adresse invalide"), details: [] } });
  });

  it.each(["/departements/77", "/departements/2A?annee=2021", "/api/v1/actions?statut=IN_PROGRESS&page=2", "/recherche?q=100%25+s%C3%BBr", "/"])("%s passe", (url) => {
    expect(malformedUrlResponse(at(url))).toBeNull();
  });

  it("une adresse de plus de 8 000 caractères reçoit une page 414 en français, sans la recopier", async () => {
    const long = `/espace/departements/77/rapports/..?contrat=${"%C3%A9".repeat(2_000)}`;
    const response = malformedUrlResponse(at(long));
    expect(response?.status).toBe(414);
    const html = await response!.text();
    expect(html).toContain("<h1>Adresse trop longue</h1>");
    expect(html.length).toBeLessThan(MAX_URL_LENGTH);
    const api = malformedUrlResponse(at(`/api/v1/actions?statut=${"x".repeat(MAX_URL_LENGTH)}`));
    expect(api?.status).toBe(414);
    expect(await api!.json()).toMatchObject({ error: { status: 414, code: "uri_too_long" } });
    expect(malformedUrlResponse(at(`/departements/77?q=${"x".repeat(MAX_URL_LENGTH - 100)}`))).toBeNull();
  });
});
