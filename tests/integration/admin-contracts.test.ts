import { describe, expect, it } from "vitest";
import { createAmendment, updateAmendment } from "../../lib/admin/contracts/amendment-mutations";
import { createContract, updateContract } from "../../lib/admin/contracts/mutations";
import { getContractForAdmin, listAdminContracts } from "../../lib/admin/contracts/queries";
import { toFormValues, type AmendmentEditValues, type ContractEditValues } from "../../lib/admin/contracts/schemas";
import { getDepartmentDashboard } from "../../lib/contracts/queries";
import { PUBLIC_VIEWER } from "../../lib/server/authz";
import { db } from "../../lib/server/db";
import { signedInViewer } from "../factories/users";

async function framework(code = "2020-2022") {
  return db().framework.findUniqueOrThrow({ where: { code }, include: { commitments: { include: { objectives: true } } } });
}

function newContractForm(frameworkId: string, changes: Record<string, unknown> = {}) {
  return {
    departmentCode: "01",
    frameworkId,
    wave: "2021",
    status: "SIGNED",
    signedOn: "2021-06-15",
    signedPlace: "Bourg-en-Bresse",
    periodStart: "2021-01-01",
    periodEnd: "2022-12-31",
    stateSignatory: "La préfète de l'Ain",
    arsSignatory: "Le directeur général de l'ARS Auvergne-Rhône-Alpes",
    departmentSignatory: "Le président du conseil départemental de l'Ain",
    summary: "Contrat saisi par l'administration.",
    sourceUrl: "https://www.ain.gouv.fr/contrat",
    amount_STATE: "8 400 000",
    amount_ARS: "1 234,56",
    amount_DEPARTMENT: "9 000 000",
    amount_OTHER: "",
    ...changes,
  };
}

/** The edit form as the page fills it from the stored values. */
const editForm = (values: ContractEditValues, changes: Record<string, unknown> = {}) => ({ ...toFormValues(values), ...changes });
const amendmentForm = (values: AmendmentEditValues, changes: Record<string, unknown> = {}) => ({ ...toFormValues(values), ...changes });

async function newContract() {
  const admin = await signedInViewer("ADMIN");
  const fw = await framework();
  const created = await createContract(admin, newContractForm(fw.id, { departmentCode: "05", signedPlace: "Gap" }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { admin, contract: created.value };
}

describe("createContract", () => {
  it("creates a real contract with exact amounts, every mandatory objective and the ticked optional ones", async () => {
    const admin = await signedInViewer("ADMIN");
    const fw = await framework();
    const objectives = fw.commitments.flatMap((c) => c.objectives);
    const mandatory = objectives.filter((o) => o.isMandatory);
    const optional = objectives.filter((o) => !o.isMandatory).slice(0, 2);
    const result = await createContract(admin, newContractForm(fw.id, { optionalObjectiveIds: optional.map((o) => o.id).join(",") }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const id = result.value.id;

    const stored = await db().contract.findUniqueOrThrow({ where: { id }, include: { amounts: true, objectives: true } });
    expect(stored).toMatchObject({ departmentCode: "01", wave: 2021, status: "SIGNED", isDemo: false, sourceUrl: "https://www.ain.gouv.fr/contrat", version: 1 });
    expect(Object.fromEntries(stored.amounts.map((a) => [a.party, a.amountCents]))).toEqual({ STATE: 840_000_000n, ARS: 123_456n, DEPARTMENT: 900_000_000n });
    expect(stored.amounts.every((a) => !a.isDemo)).toBe(true);
    expect(new Set(stored.objectives.map((o) => o.objectiveId))).toEqual(new Set([...mandatory, ...optional].map((o) => o.id)));
    expect(mandatory.length).toBeGreaterThan(0);

    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Contract", entityId: id, operation: "create" } });
    expect(audit).toMatchObject({ actorId: admin.user.id, actorRole: "ADMIN", scopeDepartmentCode: "01", scopeRegionCode: "84" });
    expect(audit.after).toMatchObject({ amount_STATE: 840_000_000, amount_ARS: 123_456, framework: "2020-2022" });

    const publicPage = await getDepartmentDashboard(PUBLIC_VIEWER, "01");
    expect(publicPage?.contract?.id).toBe(id);
    expect((await listAdminContracts(admin)).find((c) => c.id === id)?.totalCents).toBe(840_000_000 + 123_456 + 900_000_000);
  });

  it("returns French field errors for invalid input and writes nothing", async () => {
    const admin = await signedInViewer("ADMIN");
    const fw = await framework();
    const contracts = await db().contract.count();
    const audits = await db().auditLog.count();
    const result = await createContract(
      admin,
      newContractForm(fw.id, { periodStart: "2023-01-01", periodEnd: "2022-12-31", amount_STATE: "8,4 M", status: "", sourceUrl: "ftp://exemple.fr", departmentCode: "" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.periodEnd).toEqual(["La fin de la période doit suivre son début."]);
    expect(result.fieldErrors.amount_STATE?.[0]).toMatch(/^Montant invalide/);
    expect(result.fieldErrors.status).toEqual(["Choisissez un statut dans la liste."]);
    expect(result.fieldErrors.sourceUrl).toEqual(["Saisissez une adresse web complète qui commence par https://."]);
    expect(result.fieldErrors.departmentCode).toEqual(["Choisissez un département."]);
    expect(await db().contract.count()).toBe(contracts);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("refuses an unknown department and an objective of another framework", async () => {
    const admin = await signedInViewer("ADMIN");
    const fw = await framework();
    const other = (await framework("2025-2027")).commitments.flatMap((c) => c.objectives).find((o) => !o.isMandatory)!;
    const contracts = await db().contract.count();
    const unknown = await createContract(admin, newContractForm(fw.id, { departmentCode: "00" }));
    expect(unknown.ok === false && unknown.code === "invalid" && unknown.fieldErrors.departmentCode).toEqual(["Ce département n'existe pas."]);
    const foreign = await createContract(admin, newContractForm(fw.id, { optionalObjectiveIds: other.id }));
    expect(foreign.ok === false && foreign.code === "invalid" && foreign.fieldErrors.optionalObjectiveIds?.[0]).toMatch(/n'appartient pas au cadre/);
    expect(await db().contract.count()).toBe(contracts);
  });
});

describe("updateContract", () => {
  it("saves header fields and amounts, auditing only what changed", async () => {
    const { admin, contract } = await newContract();
    const result = await updateContract(admin, contract.id, editForm(contract, { signedPlace: "Briançon", amount_STATE: "8 500 000,50", amount_ARS: "", amount_OTHER: "10 000" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ version: 2, signedPlace: "Briançon", amount_STATE: 850_000_050, amount_ARS: null, amount_OTHER: 1_000_000 });
    const amounts = await db().contractAmount.findMany({ where: { contractId: contract.id } });
    expect(Object.fromEntries(amounts.map((a) => [a.party, a.amountCents]))).toEqual({ STATE: 850_000_050n, DEPARTMENT: 900_000_000n, OTHER: 1_000_000n });

    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Contract", entityId: contract.id, operation: "update" } });
    expect(audit.before).toEqual({ signedPlace: "Gap", amount_STATE: 840_000_000, amount_ARS: 123_456, amount_OTHER: null });
    expect(audit.after).toEqual({ signedPlace: "Briançon", amount_STATE: 850_000_050, amount_ARS: null, amount_OTHER: 1_000_000 });
    expect(audit.scopeDepartmentCode).toBe("05");
  });

  it("refuses a stale version and returns the current values, overwriting nothing", async () => {
    const { admin, contract } = await newContract();
    const other = await signedInViewer("ADMIN");
    const first = await updateContract(admin, contract.id, editForm(contract, { summary: "Première modification.", amount_DEPARTMENT: "9 100 000" }));
    expect(first.ok).toBe(true);
    const audits = await db().auditLog.count();
    const stale = await updateContract(other, contract.id, editForm(contract, { summary: "Écrasement.", amount_DEPARTMENT: "1" }));
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.code !== "conflict") throw new Error("expected a conflict");
    expect(stale.current).toMatchObject({ summary: "Première modification.", amount_DEPARTMENT: 910_000_000, version: 2 });
    const now = await db().contract.findUniqueOrThrow({ where: { id: contract.id }, include: { amounts: true } });
    expect(now.summary).toBe("Première modification.");
    expect(now.amounts.find((a) => a.party === "DEPARTMENT")?.amountCents).toBe(910_000_000n);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("edits a demo contract too: typed amounts become real data", async () => {
    const admin = await signedInViewer("ADMIN");
    const demo = await db().contract.findFirstOrThrow({ where: { departmentCode: "71" } });
    const detail = await getContractForAdmin(admin, demo.id);
    const result = await updateContract(admin, demo.id, editForm(detail!.values, { amount_OTHER: "50 000" }));
    expect(result.ok).toBe(true);
    const other = await db().contractAmount.findUniqueOrThrow({ where: { contractId_party: { contractId: demo.id, party: "OTHER" } } });
    expect(other).toMatchObject({ amountCents: 5_000_000n, isDemo: false });
  });

  it("keeps the period around the existing avenants", async () => {
    const { admin, contract } = await newContract();
    expect((await createAmendment(admin, contract.id, { year: "2022", number: "1" })).ok).toBe(true);
    const result = await updateContract(admin, contract.id, editForm(contract, { periodEnd: "2021-12-31" }));
    expect(result.ok === false && result.code === "invalid" && result.fieldErrors.periodEnd?.[0]).toMatch(/couvrir les avenants existants \(2022\)/);
  });
});

describe("avenants", () => {
  it("creates an avenant with its amounts per funder, and refuses a second one for the same year", async () => {
    const { admin, contract } = await newContract();
    const result = await createAmendment(admin, contract.id, {
      year: "2021",
      number: "1",
      signedOn: "2021-07-01",
      note: "Montants 2021.",
      sourceUrl: "https://www.ain.gouv.fr/avenant-2021",
      amount_STATE_P304: "835 000",
      amount_ARS_FIR: "246 000",
      amount_ARS_ONDAM_MS: "",
      amount_DEPARTMENT: "1 269 103,50",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db().amendment.findUniqueOrThrow({ where: { id: result.value.id }, include: { amounts: true } });
    expect(stored).toMatchObject({ year: 2021, number: 1, isDemo: false, note: "Montants 2021.", version: 1 });
    expect(Object.fromEntries(stored.amounts.map((a) => [a.funder, a.amountCents]))).toEqual({
      STATE_P304: 83_500_000n,
      ARS_FIR: 24_600_000n,
      DEPARTMENT: 126_910_350n,
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Amendment", entityId: result.value.id, operation: "create" } });
    expect(audit.scopeDepartmentCode).toBe("05");

    const amendments = await db().amendment.count();
    const audits = await db().auditLog.count();
    const duplicate = await createAmendment(admin, contract.id, { year: "2021", number: "2" });
    expect(duplicate.ok === false && duplicate.code === "invalid" && duplicate.fieldErrors.year).toEqual(["Ce contrat a déjà un avenant pour 2021."]);
    const outside = await createAmendment(admin, contract.id, { year: "2024", number: "2" });
    expect(outside.ok === false && outside.code === "invalid" && outside.fieldErrors.year).toEqual([
      "L'année doit être comprise dans la période du contrat (2021 à 2022).",
    ]);
    expect(await db().amendment.count()).toBe(amendments);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("edits an avenant with optimistic locking, and refuses moving it onto a taken year", async () => {
    const { admin, contract } = await newContract();
    const a2021 = await createAmendment(admin, contract.id, { year: "2021", number: "1", amount_STATE_P304: "100 000" });
    const a2022 = await createAmendment(admin, contract.id, { year: "2022", number: "2" });
    if (!a2021.ok || !a2022.ok) throw new Error("setup");

    const saved = await updateAmendment(admin, a2021.value.id, amendmentForm(a2021.value, { amount_STATE_P304: "120 000", amount_ARS_FIR: "5 000" }));
    expect(saved.ok && saved.value).toMatchObject({ version: 2, amount_STATE_P304: 12_000_000, amount_ARS_FIR: 500_000 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "Amendment", entityId: a2021.value.id, operation: "update" } });
    expect(audit.before).toEqual({ amount_STATE_P304: 10_000_000, amount_ARS_FIR: null });
    expect(audit.after).toEqual({ amount_STATE_P304: 12_000_000, amount_ARS_FIR: 500_000 });

    const stale = await updateAmendment(admin, a2021.value.id, amendmentForm(a2021.value, { note: "Trop tard" }));
    expect(stale.ok === false && stale.code === "conflict" && stale.current).toMatchObject({ version: 2, amount_STATE_P304: 12_000_000, note: null });

    const moved = await updateAmendment(admin, a2022.value.id, amendmentForm(a2022.value, { year: "2021" }));
    expect(moved.ok === false && moved.code === "invalid" && moved.fieldErrors.year).toEqual(["Ce contrat a déjà un avenant pour 2021."]);
  });
});

describe("non-administrators", () => {
  for (const [label, role, scope] of [
    ["a department editor", "DEPARTMENT_EDITOR", { departmentCode: "05" }],
    ["a national official", "NATIONAL_OFFICIAL", {}],
    ["a regional official", "REGIONAL_OFFICIAL", { regionCode: "93" }],
  ] as const) {
    it(`denies ${label} every contract mutation, with a denied audit row each and nothing written`, async () => {
      const { contract } = await newContract();
      const admin = await signedInViewer("ADMIN");
      const amendment = await createAmendment(admin, contract.id, { year: "2021", number: "1" });
      if (!amendment.ok) throw new Error("setup");
      const viewer = await signedInViewer(role, scope);
      const fw = await framework();
      const contracts = await db().contract.count();
      const amendments = await db().amendment.count();

      const attempts = [
        await createContract(viewer, newContractForm(fw.id)),
        await updateContract(viewer, contract.id, editForm(contract, { summary: "Interdit" })),
        await createAmendment(viewer, contract.id, { year: "2022", number: "2" }),
        await updateAmendment(viewer, amendment.value.id, amendmentForm(amendment.value, { note: "Interdit" })),
      ];
      for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, code: "forbidden" });

      const denied = await db().auditLog.findMany({ where: { actorId: viewer.user.id }, orderBy: { id: "asc" } });
      expect(denied.map((d) => [d.operation, d.entity])).toEqual([
        ["denied", "Contract"],
        ["denied", "Contract"],
        ["denied", "Contract"],
        ["denied", "Amendment"],
      ]);
      expect(denied.every((d) => (d.after as { permission: string }).permission === "admin.contracts")).toBe(true);
      expect(await db().contract.count()).toBe(contracts);
      expect(await db().amendment.count()).toBe(amendments);
      const now = await db().contract.findUniqueOrThrow({ where: { id: contract.id } });
      expect(now).toMatchObject({ summary: contract.summary, version: contract.version });
      expect((await db().amendment.findUniqueOrThrow({ where: { id: amendment.value.id } })).note).toBeNull();
      await expect(listAdminContracts(viewer)).rejects.toThrow(/droits/);
    });
  }
});
