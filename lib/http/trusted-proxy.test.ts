import { describe, expect, it } from "vitest";
import { isSameOrigin, requestHost, TRUSTED_PROXY_HOPS_MESSAGE, trustedProxyHops, TrustedProxyHops, trustedValue, withTrustedForwarding } from "./trusted-proxy";

const ATTACK = { origin: "http://attaquant.example", host: "tripartite.example", "x-forwarded-host": "attaquant.example" };

describe("TRUSTED_PROXY_HOPS", () => {
  it("vaut 0 sans réglage, et refuse ce qui n'est pas un nombre de mandataires", () => {
    expect(TrustedProxyHops.parse(undefined)).toBe(0);
    expect(TrustedProxyHops.parse("")).toBe(0);
    expect(TrustedProxyHops.parse(" 2 ")).toBe(2);
    for (const bad of ["oui", "-1", "1.5", "11", "true"]) {
      const parsed = TrustedProxyHops.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(TRUSTED_PROXY_HOPS_MESSAGE);
    }
    // The proxy never trusts on an invalid value (the environment check stops the app instead).
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "oui" })).toBe(0);
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
  });
});

describe("en-têtes transmis par un mandataire inverse", () => {
  it("sans mandataire de confiance, aucun n'est cru (sauf le schéma, qui ne sert qu'au visiteur lui-même) : l'origine est comparée à Host", () => {
    expect(requestHost(new Headers(ATTACK), 0)).toBe("tripartite.example");
    expect(isSameOrigin(new Headers(ATTACK), 0)).toBe(false);
    expect(isSameOrigin(new Headers({ ...ATTACK, origin: "http://tripartite.example" }), 0)).toBe(true);
    const cleaned = withTrustedForwarding(new Headers({ ...ATTACK, "x-forwarded-proto": "https", "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4", forwarded: "for=1.2.3.4", "x-forwarded-port": "443" }), 0);
    expect([...cleaned.keys()].sort()).toEqual(["host", "origin", "x-forwarded-proto"]);
  });

  it("avec un mandataire, seule la valeur qu'il a écrite compte (la plus à droite), pas celle du visiteur", () => {
    expect(trustedValue("attaquant.example, tripartite.example", 1)).toBe("tripartite.example");
    expect(trustedValue("attaquant.example, cdn.example, tripartite.example", 2)).toBe("cdn.example");
    // A proxy that overwrites leaves one value, whatever the count.
    expect(trustedValue("tripartite.example", 2)).toBe("tripartite.example");
    expect(trustedValue(" , ", 1)).toBeNull();
    const behind = { origin: "https://tripartite.example", host: "10.0.0.5:3000", "x-forwarded-host": "attaquant.example, tripartite.example" };
    expect(isSameOrigin(new Headers(behind), 1)).toBe(true);
    expect(isSameOrigin(new Headers({ ...behind, origin: "https://attaquant.example" }), 1)).toBe(false);
    const cleaned = withTrustedForwarding(new Headers({ ...behind, "x-forwarded-for": "6.6.6.6, 192.0.2.7", "x-forwarded-proto": "https" }), 1);
    expect(cleaned.get("x-forwarded-host")).toBe("tripartite.example");
    expect(cleaned.get("x-forwarded-for")).toBe("192.0.2.7");
    expect(cleaned.get("x-forwarded-proto")).toBe("https");
  });

  it("refuse une requête intersite, une origine « null » ou illisible ; accepte une requête sans origine (hors navigateur)", () => {
    const host = { host: "tripartite.example" };
    expect(isSameOrigin(new Headers({ ...host, origin: "http://tripartite.example", "sec-fetch-site": "cross-site" }), 0)).toBe(false);
    expect(isSameOrigin(new Headers({ ...host, origin: "null" }), 0)).toBe(false);
    expect(isSameOrigin(new Headers({ ...host, origin: "pas une url" }), 0)).toBe(false);
    expect(isSameOrigin(new Headers(host), 0)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://tripartite.example" }), 0)).toBe(false);
  });
});
