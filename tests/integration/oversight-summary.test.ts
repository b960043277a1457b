import { describe, expect, it } from "vitest";
import { ALERT_KINDS } from "../../lib/oversight/alerts";
import { ALERTS_SHOWN, getOversightSummary, getOversightView } from "../../lib/oversight/queries";
import { NO_FILTERS } from "../../lib/oversight/schemas";
import { PUBLIC_VIEWER } from "../../lib/server/authz";
import { db } from "../../lib/server/db";
import { createContract } from "../factories/contracts";
import { signedInViewer } from "../factories/users";

// What the national and regional pages show (and cache): the view's figures, with its alerts counted per
// rule and only the first ones listed; the same permission checks as the full view.
describe("oversight summary", () => {
  it("carries the view's figures, every alert counted and the first ones listed", async () => {
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    const today = new Date();
    const view = (await getOversightView(national, { kind: "national" }, NO_FILTERS, today))!;
    const summary = (await getOversightSummary(national, { kind: "national" }, NO_FILTERS, today))!;
    const { alerts, ...figures } = view;
    expect(summary).toMatchObject(figures);
    expect(summary.alerts.total).toBe(alerts.length);
    expect(summary.alerts.first).toEqual(alerts.slice(0, ALERTS_SHOWN));
    for (const kind of ALERT_KINDS) expect(summary.alerts.byKind[kind]).toBe(alerts.filter((a) => a.kind === kind).length);
  });

  it("is built from what the reader may read: a regional official's own drafts, nobody else's", async () => {
    const regional = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const draft93 = await createContract(db(), { departmentCode: "93", status: "DRAFT", summary: "Brouillon pour la synthèse." });
    const draft63 = await createContract(db(), { departmentCode: "63", status: "DRAFT", summary: "Brouillon hors région." });
    const summary = (await getOversightSummary(regional, { kind: "region", regionCode: "11" }, { ...NO_FILTERS, region: "84" }))!;
    expect(summary.filters.region).toBeNull();
    expect(summary.contracts.map((c) => c.contractId)).toContain(draft93.id);
    expect(summary.contracts.map((c) => c.contractId)).not.toContain(draft63.id);
    const published = await db().contract.findMany({ where: { OR: [{ status: { not: "DRAFT" } }, { department: { regionCode: "11" } }] }, select: { departmentCode: true } });
    expect(summary.medians.departmentCount).toBe(new Set(published.map((c) => c.departmentCode)).size);
  });

  it("is refused to whoever may not oversee the scope", async () => {
    const regional = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    expect(await getOversightSummary(regional, { kind: "national" }, NO_FILTERS)).toBeNull();
    expect(await getOversightSummary(regional, { kind: "region", regionCode: "84" }, NO_FILTERS)).toBeNull();
    expect(await getOversightSummary(editor, { kind: "region", regionCode: "11" }, NO_FILTERS)).toBeNull();
    expect(await getOversightSummary(PUBLIC_VIEWER, { kind: "national" }, NO_FILTERS)).toBeNull();
    const national = await signedInViewer("NATIONAL_OFFICIAL");
    expect(await getOversightSummary(national, { kind: "region", regionCode: "99" }, NO_FILTERS)).toBeNull();
  });
});
