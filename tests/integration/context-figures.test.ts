import { describe, expect, it } from "vitest";
import { createContextFigure, updateContextFigure } from "../../lib/context-figures/mutations";
import { getContextFigureBoard } from "../../lib/context-figures/queries";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";
import { itDeniesEachNonEditor } from "../support/denial-matrix";

const T77 = { departmentCode: "77", regionCode: "11" };

const figure = (departmentCode: string, year: number) => db().departmentContextFigure.findUnique({ where: { departmentCode_year: { departmentCode, year } } });

function formOf(f: NonNullable<Awaited<ReturnType<typeof figure>>>, changes: Record<string, unknown> = {}) {
  return {
    version: String(f.version),
    childProtectionBudget: f.childProtectionBudgetCents === null ? "" : String(f.childProtectionBudgetCents / 100n),
    childrenFollowedByAse: f.childrenFollowedByAse === null ? "" : String(f.childrenFollowedByAse),
    disabilitySharePercent: f.disabilitySharePercent?.toString().replace(".", ",") ?? "",
    note: f.note ?? "",
    sourceUrl: f.sourceUrl ?? "",
    ...changes,
  };
}

describe("the context figure board", () => {
  it("shows 63's sourced figures, editable only by 63's editor", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const board = await getContextFigureBoard(editor, "63");
    // Only the 2020 budget is stated by a source; nothing else is filled in (« non renseigné »).
    expect(board!.figures.map((f) => f.year)).toEqual([2020]);
    expect(board!.figures[0]).toMatchObject({ childProtectionBudgetCents: 7_200_000_000, childrenFollowedByAse: null, disabilitySharePercent: null, isDemo: false });
    expect(board!.figures[0].sourceUrl).toMatch(/^https:\/\/www\.puy-de-dome\.fr\//);
    expect(board!.canEdit).toBe(true);
    const regional = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "84" });
    expect((await getContextFigureBoard(regional, "63"))!.canEdit).toBe(false);
    expect(await getContextFigureBoard(await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" }), "63")).toBeNull();
  });
});

describe("createContextFigure", () => {
  it("adds a year with its audit row, money in exact cents", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const result = await createContextFigure(editor, "77", {
      year: "2022", childProtectionBudget: "331 500 000,50", childrenFollowedByAse: "5 600", disabilitySharePercent: "23,5",
      note: "Budget primitif voté.", sourceUrl: "https://seine-et-marne.fr/budget",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ year: 2022, version: 1, childProtectionBudgetCents: 33_150_000_050, childrenFollowedByAse: 5600, disabilitySharePercent: 23.5, isDemo: false });
    const stored = (await figure("77", 2022))!;
    expect(stored.childProtectionBudgetCents).toBe(33_150_000_050n);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "DepartmentContextFigure", entityId: stored.id, operation: "create" } });
    expect(audit).toMatchObject({ actorEmail: editor.user.email, actorRole: "DEPARTMENT_EDITOR", scopeDepartmentCode: "77" });
    expect(audit.after).toEqual({
      year: 2022, childProtectionBudgetCents: 33_150_000_050, childrenFollowedByAse: 5600, disabilitySharePercent: 23.5,
      note: "Budget primitif voté.", sourceUrl: "https://seine-et-marne.fr/budget",
    });
  });

  it("refuses a year already filled, and invalid figures, in French and without writing", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const auditsBefore = await db().auditLog.count();
    const count = await db().departmentContextFigure.count({ where: { departmentCode: "77" } });
    const twice = await createContextFigure(editor, "77", { year: "2020", childrenFollowedByAse: "10" });
    expect(twice.ok === false && twice.code === "invalid" && twice.fieldErrors.year).toEqual(["L'année 2020 est déjà renseignée : modifiez-la dans le tableau."]);
    const wrong = await createContextFigure(editor, "77", { year: "", childProtectionBudget: "-1", childrenFollowedByAse: "2,5", disabilitySharePercent: "101", sourceUrl: "http://x.fr" });
    if (wrong.ok || wrong.code !== "invalid") throw new Error("expected invalid");
    expect(wrong.fieldErrors).toEqual({
      year: ["Saisissez l'année, par exemple 2021."],
      childProtectionBudget: ["Un budget ne peut pas être négatif."],
      childrenFollowedByAse: ["Saisissez un nombre entier d'enfants."],
      disabilitySharePercent: ["Une part est comprise entre 0 et 100 %."],
      sourceUrl: ["Saisissez une adresse web complète qui commence par https://."],
    });
    expect(await db().auditLog.count()).toBe(auditsBefore);
    expect(await db().departmentContextFigure.count({ where: { departmentCode: "77" } })).toBe(count);
  });
});

describe("updateContextFigure", () => {
  it("saves a change, drops the demo mark and audits only what changed", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const before = (await figure("77", 2021))!;
    expect(before.isDemo).toBe(true);
    const result = await updateContextFigure(editor, before.id, formOf(before, { childrenFollowedByAse: "5 450", sourceUrl: "https://seine-et-marne.fr/ase" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ childrenFollowedByAse: 5450, isDemo: false, sourceUrl: "https://seine-et-marne.fr/ase", version: before.version + 1 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "DepartmentContextFigure", entityId: before.id, operation: "update" } });
    expect(audit.before).toEqual({ childrenFollowedByAse: 6500, sourceUrl: null, isDemo: true });
    expect(audit.after).toEqual({ childrenFollowedByAse: 5450, sourceUrl: "https://seine-et-marne.fr/ase", isDemo: false });
  });

  it("refuses a stale version and returns the current values, overwriting nothing", async () => {
    const first = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const second = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const loaded = (await figure("63", 2020))!;
    const a = await updateContextFigure(first, loaded.id, formOf(loaded, { childrenFollowedByAse: "1 250" }));
    expect(a.ok).toBe(true);
    const auditsBefore = await db().auditLog.count();
    const b = await updateContextFigure(second, loaded.id, formOf(loaded, { childrenFollowedByAse: "900", note: "Écrasé" }));
    if (b.ok || b.code !== "conflict") throw new Error("expected a conflict");
    expect(b.current).toMatchObject({ childrenFollowedByAse: 1250, note: loaded.note, version: loaded.version + 1 });
    const now = (await figure("63", 2020))!;
    expect(now.childrenFollowedByAse).toBe(1250);
    expect(now.note).toBe(loaded.note);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("returns French errors next to each field and writes nothing", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" });
    const loaded = (await figure("63", 2020))!;
    const auditsBefore = await db().auditLog.count();
    const result = await updateContextFigure(editor, loaded.id, formOf(loaded, { childProtectionBudget: "62 000 000,123", disabilitySharePercent: "-4", sourceUrl: "rcf.fr" }));
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors).toEqual({
      childProtectionBudget: ["Un montant a au plus deux décimales (les centimes)."],
      disabilitySharePercent: ["Une part est comprise entre 0 et 100 %."],
      sourceUrl: ["Saisissez une adresse web complète qui commence par https://."],
    });
    expect(await db().auditLog.count()).toBe(auditsBefore);
    expect((await figure("63", 2020))!.version).toBe(loaded.version);
  });

  itDeniesEachNonEditor(T77, " on 77's figures, with a denied audit row and nothing changed", async ({ viewer, refusal }) => {
      const loaded = (await figure("77", 2020))!;
      const updated = await updateContextFigure(viewer, loaded.id, formOf(loaded, { childrenFollowedByAse: "1" }));
      expect(updated.ok === false && updated.code).toBe(refusal);
      const created = await createContextFigure(viewer, "77", { year: "2019", childrenFollowedByAse: "1" });
      expect(created.ok === false && created.code).toBe(refusal);
      const denied = await db().auditLog.findMany({ where: { operation: "denied", actorId: viewer.user.id }, orderBy: { id: "asc" } });
      expect(denied.map((d) => [d.entity, d.entityId, d.scopeDepartmentCode])).toEqual([
        ["DepartmentContextFigure", loaded.id, "77"],
        ["DepartmentContextFigure", "77", "77"],
      ]);
      const now = (await figure("77", 2020))!;
      expect(now.version).toBe(loaded.version);
      expect(now.childrenFollowedByAse).toBe(loaded.childrenFollowedByAse);
      expect(await figure("77", 2019)).toBeNull();
  });
});
