// With no database at all, what people get: route handlers answer a French 503 (JSON for the API) instead
// of a 500, and the proxy then answers every page at once with the French 503 page.
import net from "node:net";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCalendar } from "../../app/api/calendar/[token]/route";
import { GET as getContracts } from "../../app/api/v1/contrats/route";
import { proxy } from "../../proxy";

/** A loopback port nobody listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  // This file's data layer points at nothing (db() reads DATABASE_URL on first use).
  process.env.DATABASE_URL = `postgresql://postgres:x@127.0.0.1:${await closedPort()}/tripartite`;
});

const ORIGIN = "http://tripartite.test";

describe("base de données injoignable", () => {
  it("l'API publique répond 503 avec un message en français et Retry-After", async () => {
    const response = await getContracts(new Request(`${ORIGIN}/api/v1/contrats`));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: {
        status: 503,
        code: "service_unavailable",
        message: expect.stringContaining("Service momentanément indisponible"),
        details: [],
      },
    });
  });

  it("le flux d'agenda répond 503 aussi, pas 500", async () => {
    const token = "a".repeat(43); // well-formed, so that it is looked up
    const response = await getCalendar(new Request(`${ORIGIN}/api/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("service_unavailable");
  });

  it("le proxy répond ensuite à chaque page par la page 503 en français", async () => {
    const response = await proxy(new NextRequest(`${ORIGIN}/departements/77`));
    expect(response?.status).toBe(503);
    expect(response?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response!.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<h1>Service momentanément indisponible<\/h1>/);
    expect(html).toContain("rien n'est enregistré à moitié");
    expect(html).toContain('<a href="/departements/77">Réessayer</a>');

    // A form sent during the outage gets the same page, its "Réessayer" leading back to the page.
    const post = await proxy(new NextRequest(`${ORIGIN}/espace/departements/77/actions/x?y=1`, { method: "POST", body: "a=1" }));
    expect(post?.status).toBe(503);
    expect(await post!.text()).toContain('<a href="/espace/departements/77/actions/x">Réessayer</a>');
  });
});
