import { describe, expect, it } from "vitest";
import { malformedUrlResponse } from "./malformed-url";

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
  });

  it("une route d'API reçoit l'erreur JSON de l'API", async () => {
    const response = malformedUrlResponse(at("/api/v1/actions/%ZZ"));
    expect(response?.status).toBe(400);
    expect(await response!.json()).toEqual({ error: { status: 400, code: "bad_request", message: expect.stringContaining("Adresse invalide"), details: [] } });
  });

  it.each(["/departements/77", "/departements/2A?annee=2021", "/api/v1/actions?statut=IN_PROGRESS&page=2", "/recherche?q=100%25+s%C3%BBr", "/"])("%s passe", (url) => {
    expect(malformedUrlResponse(at(url))).toBeNull();
  });
});
