// The proxy's side of the page cache of the signed-in views (lib/page-cache/), on a real database: who
// gets which cached copy, and who gets none (the page is then rendered per request, as before).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createSession } from "../../lib/auth/sessions";
import { CACHED_VIEW_HEADER, decodeEntry } from "../../lib/page-cache/entry";
import { MAX_CACHED_PAGE, cachedViewHeaders } from "../../lib/page-cache/rewrite";
import { viewerRolesFromToken } from "../../lib/page-cache/session-reader";
import type { Role } from "../../lib/server/authz";
import { db } from "../../lib/server/db";
import { createUser } from "../factories/users";

async function sessionOf(role: Role, scope: { departmentCode?: string; regionCode?: string } = {}) {
  const user = await createUser(role, scope);
  return { user, token: (await createSession(user.id)).token };
}

const load = (path: string, token: string | null, headers: Record<string, string> = {}, method = "GET") =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method, headers: { ...(token ? { cookie: `tripartite_session=${token}` } : {}), ...headers } });

/** The cached copy the proxy names for this request, or null when it names none. */
async function entryFor(request: NextRequest) {
  const result = await cachedViewHeaders(request);
  if (!result?.cached) return null;
  return decodeEntry(result.headers.get(CACHED_VIEW_HEADER)!);
}

describe("the proxy's session lookup", () => {
  it("gives the roles of a live session, and nothing for a session that no longer opens the workspace", async () => {
    const { user, token } = await sessionOf("REGIONAL_OFFICIAL", { regionCode: "84" });
    expect(await viewerRolesFromToken(token)).toMatchObject({ kind: "user", user: { email: "", roles: [{ role: "REGIONAL_OFFICIAL", departmentCode: null, regionCode: "84" }] } });
    expect(await viewerRolesFromToken(undefined)).toBeNull();
    expect(await viewerRolesFromToken("an-unknown-token")).toBeNull();
    expect(await viewerRolesFromToken(token, new Date(Date.now() + 13 * 3600_000))).toBeNull(); // past its 12 hours

    await db().user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() + 1000) } });
    expect(await viewerRolesFromToken(token)).toBeNull();

    const other = await sessionOf("NATIONAL_OFFICIAL");
    await db().session.updateMany({ where: { userId: other.user.id }, data: { revokedAt: new Date() } });
    expect(await viewerRolesFromToken(other.token)).toBeNull();

    const inactive = await sessionOf("NATIONAL_OFFICIAL");
    await db().user.update({ where: { id: inactive.user.id }, data: { isActive: false } });
    expect(await viewerRolesFromToken(inactive.token)).toBeNull();
  });

  it("reads the session's dates as the app does, whatever the server's time zone", async () => {
    const { user, token } = await sessionOf("NATIONAL_OFFICIAL");
    const zone = process.env.TZ;
    try {
      for (const tz of ["America/Cayenne", "Pacific/Noumea", "UTC"]) {
        process.env.TZ = tz;
        // Expired a minute ago: refused everywhere, not taken for a local time hours away.
        await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
        expect(await viewerRolesFromToken(token), tz).toBeNull();
        await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
        expect(await viewerRolesFromToken(token), tz).not.toBeNull();
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("which cached copy a page load gets", () => {
  it("a national official: the national view and any region's, with the filters read as the page reads them", async () => {
    const { token } = await sessionOf("NATIONAL_OFFICIAL");
    // Far pages are rendered per request: each copy takes memory the public pages share.
    expect(await entryFor(load(`/espace/national?page=${MAX_CACHED_PAGE}`, token))).not.toBeNull();
    for (const name of ["page", "page_departements", "page_rapports"]) expect(await entryFor(load(`/espace/national?${name}=${MAX_CACHED_PAGE + 1}`, token)), name).toBeNull();
    expect(await entryFor(load("/espace/national?tri=taux&inconnu=1&tri=region&page=0", token))).toEqual({ view: { kind: "national" }, key: "NATIONAL_OFFICIAL::", query: "?tri=taux" });
    expect(await entryFor(load("/espace/regions/84?region=11", token))).toEqual({ view: { kind: "region", regionCode: "84" }, key: "NATIONAL_OFFICIAL::", query: "" });
  });

  it("two readers of the same reach share a copy; readers of different reach never do", async () => {
    const a = await sessionOf("REGIONAL_OFFICIAL", { regionCode: "84" });
    const b = await sessionOf("REGIONAL_OFFICIAL", { regionCode: "84" });
    const national = await sessionOf("ADMIN");
    const copyA = (await cachedViewHeaders(load("/espace/regions/84", a.token)))!.headers.get(CACHED_VIEW_HEADER);
    const copyB = (await cachedViewHeaders(load("/espace/regions/84", b.token)))!.headers.get(CACHED_VIEW_HEADER);
    const copyNational = (await cachedViewHeaders(load("/espace/regions/84", national.token)))!.headers.get(CACHED_VIEW_HEADER);
    expect(copyA).toBe(copyB);
    expect(copyNational).not.toBe(copyA);
    expect(decodeEntry(copyA!)?.key).toBe("REGIONAL_OFFICIAL::84");
  });

  it("no copy for a view the reader may not open: the page answers for itself (redirect or 404)", async () => {
    const regional = await sessionOf("REGIONAL_OFFICIAL", { regionCode: "84" });
    const editor = await sessionOf("DEPARTMENT_EDITOR", { departmentCode: "63" });
    expect(await entryFor(load("/espace/national", regional.token))).toBeNull();
    expect(await entryFor(load("/espace/regions/11", regional.token))).toBeNull();
    expect(await entryFor(load("/espace/national", editor.token))).toBeNull();
    expect(await entryFor(load("/espace/regions/84", editor.token))).toBeNull();
    expect(await entryFor(load("/espace/national", null))).toBeNull();
    expect(await entryFor(load("/espace/national", "not-a-session"))).toBeNull();
  });

  it("a department's workspace: one copy per set of roles, none with a query (a one-time message)", async () => {
    const editor = await sessionOf("DEPARTMENT_EDITOR", { departmentCode: "93" });
    const otherEditor = await sessionOf("DEPARTMENT_EDITOR", { departmentCode: "93" });
    const reader = await sessionOf("DEPARTMENT_READER", { departmentCode: "93" });
    const copy = await entryFor(load("/espace/departements/93", editor.token));
    expect(copy).toEqual({ view: { kind: "department", departmentCode: "93" }, key: "DEPARTMENT_EDITOR:93:", query: "" });
    expect(await entryFor(load("/espace/departements/93", otherEditor.token))).toEqual(copy);
    // A reader sees the same figures without the editing buttons: another copy.
    expect((await entryFor(load("/espace/departements/93", reader.token)))?.key).toBe("DEPARTMENT_READER:93:");
    expect(await entryFor(load("/espace/departements/93?archivee=FA-03", editor.token))).toBeNull();
    expect(await entryFor(load("/espace/departements/93", null))).toBeNull();
  });

  it("the same copy for a client navigation; none for prefetches, server actions, other methods and other pages", async () => {
    const { token } = await sessionOf("NATIONAL_OFFICIAL");
    expect(await entryFor(load("/espace/national?tri=taux", token, { rsc: "1" }))).toEqual(await entryFor(load("/espace/national?tri=taux", token)));
    expect(await entryFor(load("/espace/national", token, { rsc: "1", "next-router-prefetch": "1" }))).toBeNull();
    expect(await entryFor(load("/espace/national", token, { rsc: "1", "next-router-segment-prefetch": "/_tree" }))).toBeNull();
    expect(await entryFor(load("/espace/national", token, { "next-action": "abc" }, "POST"))).toBeNull();
    expect(await entryFor(load("/espace/national", token, {}, "POST"))).toBeNull();
    expect(await entryFor(load("/espace/departements/93/actions/nouvelle", token))).toBeNull();
    expect(await entryFor(load("/espace", token))).toBeNull();
  });

  it("the header naming a copy, sent by a visitor, is dropped; only the proxy's own goes on", async () => {
    const { token } = await sessionOf("NATIONAL_OFFICIAL");
    const own = (await cachedViewHeaders(load("/espace/national", token)))!.headers.get(CACHED_VIEW_HEADER)!;
    const replayed = await cachedViewHeaders(load("/espace/national", null, { [CACHED_VIEW_HEADER]: own }));
    expect(replayed).toEqual({ cached: false, headers: expect.any(Headers) });
    expect(replayed!.headers.has(CACHED_VIEW_HEADER)).toBe(false);
    const elsewhere = await cachedViewHeaders(load("/departements/93", null, { [CACHED_VIEW_HEADER]: own }));
    expect(elsewhere!.headers.has(CACHED_VIEW_HEADER)).toBe(false);
    const regional = await sessionOf("REGIONAL_OFFICIAL", { regionCode: "84" });
    const swapped = await cachedViewHeaders(load("/espace/regions/84", regional.token, { [CACHED_VIEW_HEADER]: own }));
    expect(decodeEntry(swapped!.headers.get(CACHED_VIEW_HEADER)!)?.key).toBe("REGIONAL_OFFICIAL::84");
    expect(await cachedViewHeaders(load("/departements/93", null))).toBeNull();
  });
});
