import { describe, expect, it } from "vitest";
import { saveIndicatorValue } from "../../lib/indicators/mutations";
import { getIndicatorBoard } from "../../lib/indicators/queries";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";
import { itDeniesEachNonEditor } from "../support/denial-matrix";

const T77 = { departmentCode: "77", regionCode: "11" };

async function contract77() {
  // The 2020-2022 contract, an earlier contract of 77 since the 2025-2027 one runs: its years are all measured.
  return db().contract.findFirstOrThrow({ where: { departmentCode: "77", wave: 2020 }, include: { objectives: true } });
}

/** An indicator of an objective the 77 contract takes, by code. */
async function indicator77(code: string) {
  const contract = await contract77();
  const indicator = await db().indicator.findFirstOrThrow({
    where: { code, objective: { contracts: { some: { contractId: contract.id } } } },
  });
  return { contract, indicator };
}

async function valueOf(contractId: string, indicatorId: string, year: number) {
  return db().indicatorValue.findUnique({ where: { contractId_indicatorId_year: { contractId, indicatorId, year } } });
}

describe("the indicator board", () => {
  it("lists every indicator of the objectives the contract takes, per contract year, editable only by an editor", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const reader = await signedInViewer("DEPARTMENT_READER", { departmentCode: "77" });
    const contract = await contract77();
    const board = await getIndicatorBoard(editor, "77", contract.id);
    expect(board!.contract!.years).toEqual([2020, 2021, 2022]);
    const objectives = board!.commitments.flatMap((c) => c.objectives);
    expect(objectives.map((o) => o.id).sort()).toEqual(contract.objectives.map((o) => o.objectiveId).sort());
    expect(objectives.some((o) => !o.isMandatory)).toBe(true);
    const indicator = objectives[0].indicators[0];
    expect(indicator.years.map((y) => y.year)).toEqual([2020, 2021, 2022]);
    expect(board!.canEdit).toBe(true);
    expect((await getIndicatorBoard(reader, "77"))!.canEdit).toBe(false);

    // Without a contract named, the board is the running one: 2025 measured, 2026 and 2027 not yet.
    const running = (await getIndicatorBoard(editor, "77"))!;
    expect(running.contract!.years).toEqual([2025, 2026, 2027]);
    const values = running.commitments.flatMap((c) => c.objectives).flatMap((o) => o.indicators).flatMap((i) => i.years);
    expect(values.filter((v) => v.year === 2025).every((v) => v.actual !== null)).toBe(true);
    expect(values.filter((v) => v.year > 2025).every((v) => v.actual === null && v.baseline !== null)).toBe(true);
    // The first year's measures have moved from their baseline (a milestone not reached yet stays at 0).
    const first = values.filter((v) => v.year === 2025 && !(v.baseline === 0 && v.target === 1));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((v) => v.actual !== v.baseline)).toBe(true);
    expect(await getIndicatorBoard(await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "63" }), "77")).toBeNull();
  });
});

describe("saveIndicatorValue", () => {
  it("creates a missing (indicator, year) with its audit row, French decimals stored exactly", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I1");
    await db().indicatorValue.delete({ where: { contractId_indicatorId_year: { contractId: contract.id, indicatorId: indicator.id, year: 2021 } } });
    const result = await saveIndicatorValue(editor, contract.id, { indicatorId: indicator.id, year: "2021", version: "", baseline: "45,5", target: "65,25", actual: "" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ year: 2021, version: 1, baseline: 45.5, target: 65.25, actual: null, isDemo: false });
    const stored = await valueOf(contract.id, indicator.id, 2021);
    expect(stored!.target!.toString()).toBe("65.25");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "IndicatorValue", entityId: stored!.id, operation: "create" } });
    expect(audit.actorEmail).toBe(editor.user.email);
    expect(audit.actorRole).toBe("DEPARTMENT_EDITOR");
    expect(audit.scopeDepartmentCode).toBe("77");
    expect(audit.before).toBeNull();
    expect(audit.after).toEqual({ year: 2021, baseline: 45.5, target: 65.25 });
  });

  it("updates an existing row, auditing only the fields that changed", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I2");
    const before = (await valueOf(contract.id, indicator.id, 2022))!;
    const result = await saveIndicatorValue(editor, contract.id, {
      indicatorId: indicator.id,
      year: "2022",
      version: String(before.version),
      baseline: before.baseline!.toString(),
      target: before.target!.toString(),
      actual: "1 234",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.actual).toBe(1234);
    expect(result.value.version).toBe(before.version + 1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "IndicatorValue", entityId: before.id, operation: "update" } });
    expect(audit.before).toEqual({ actual: before.actual!.toNumber(), isDemo: true });
    expect(audit.after).toEqual({ actual: 1234, isDemo: false });
  });

  it("reports a row created meanwhile as a conflict instead of overwriting it", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I1");
    const existing = (await valueOf(contract.id, indicator.id, 2020))!;
    const result = await saveIndicatorValue(editor, contract.id, { indicatorId: indicator.id, year: "2020", version: "", actual: "99" });
    if (result.ok || result.code !== "conflict") throw new Error("expected a conflict");
    expect(result.current).toMatchObject({ id: existing.id, version: existing.version });
    expect((await valueOf(contract.id, indicator.id, 2020))!.actual!.toString()).toBe(existing.actual!.toString());
  });

  it("refuses a stale version and returns the current values, overwriting nothing", async () => {
    const first = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const second = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I1");
    const loaded = (await valueOf(contract.id, indicator.id, 2022))!;
    const form = { indicatorId: indicator.id, year: "2022", version: String(loaded.version), baseline: "50", target: "70" };
    const a = await saveIndicatorValue(first, contract.id, { ...form, actual: "66,6" });
    expect(a.ok).toBe(true);
    const auditsBefore = await db().auditLog.count();
    const b = await saveIndicatorValue(second, contract.id, { ...form, actual: "10" });
    if (b.ok || b.code !== "conflict") throw new Error("expected a conflict");
    expect(b.current).toMatchObject({ actual: 66.6, baseline: 50, target: 70, version: loaded.version + 1 });
    const now = (await valueOf(contract.id, indicator.id, 2022))!;
    expect(now.actual!.toString()).toBe("66.6");
    expect(now.version).toBe(loaded.version + 1);
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("returns French errors next to each field and writes nothing", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I1");
    const loaded = (await valueOf(contract.id, indicator.id, 2021))!;
    const auditsBefore = await db().auditLog.count();
    const result = await saveIndicatorValue(editor, contract.id, {
      indicatorId: indicator.id, year: "2021", version: String(loaded.version), baseline: "-2", target: "120", actual: "douze",
    });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors).toEqual({
      baseline: ["Un taux est compris entre 0 et 100 %."],
      target: ["Un taux est compris entre 0 et 100 %."],
      actual: ["Saisissez un nombre, par exemple 12,5."],
    });
    expect(await db().auditLog.count()).toBe(auditsBefore);
    expect((await valueOf(contract.id, indicator.id, 2021))!.version).toBe(loaded.version);
  });

  it("checks each kind: a count is whole, a delay is not negative", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I2");
    const result = await saveIndicatorValue(editor, contract.id, { indicatorId: indicator.id, year: "2021", version: "1", actual: "12,5" });
    expect(result.ok === false && result.code === "invalid" && result.fieldErrors.actual).toEqual(["Saisissez un nombre entier."]);
    const delay = await db().indicator.findFirstOrThrow({ where: { kind: "DELAY_DAYS", objective: { contracts: { some: { contractId: contract.id } } } } });
    const refused = await saveIndicatorValue(editor, contract.id, { indicatorId: delay.id, year: "2021", version: "1", actual: "-3" });
    expect(refused.ok === false && refused.code === "invalid" && refused.fieldErrors.actual).toEqual(["Un délai ne peut pas être négatif."]);
  });

  it("refuses a year outside the contract period", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const { contract, indicator } = await indicator77("O1-I1");
    const count = await db().indicatorValue.count({ where: { contractId: contract.id } });
    const result = await saveIndicatorValue(editor, contract.id, { indicatorId: indicator.id, year: "2023", version: "", actual: "50" });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.year).toEqual(["L'année doit être comprise dans la période du contrat (2020 à 2022)."]);
    expect(await db().indicatorValue.count({ where: { contractId: contract.id } })).toBe(count);
  });

  it("refuses an indicator of an objective the contract does not take", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const contract = await contract77();
    const foreign = await db().indicator.findFirstOrThrow({ where: { objective: { contracts: { none: { contractId: contract.id } } } } });
    const count = await db().indicatorValue.count({ where: { contractId: contract.id } });
    const result = await saveIndicatorValue(editor, contract.id, { indicatorId: foreign.id, year: "2021", version: "", actual: "1" });
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.indicatorId).toEqual(["Cet indicateur ne relève d'aucun objectif retenu par le contrat."]);
    expect(await db().indicatorValue.count({ where: { contractId: contract.id } })).toBe(count);
  });

  itDeniesEachNonEditor(T77, ", with a denied audit row and nothing changed", async ({ viewer, refusal }) => {
      const { contract, indicator } = await indicator77("O1-I1");
      const loaded = (await valueOf(contract.id, indicator.id, 2020))!;
      const result = await saveIndicatorValue(viewer, contract.id, { indicatorId: indicator.id, year: "2020", version: String(loaded.version), actual: "1" });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(refusal);
      const denied = await db().auditLog.findFirstOrThrow({ where: { operation: "denied", actorId: viewer.user.id } });
      expect(denied).toMatchObject({ entity: "IndicatorValue", entityId: loaded.id, scopeDepartmentCode: "77", after: { permission: "indicator.edit" } });
      const now = (await valueOf(contract.id, indicator.id, 2020))!;
      expect(now.version).toBe(loaded.version);
      expect(now.actual!.toString()).toBe(loaded.actual!.toString());
  });
});
