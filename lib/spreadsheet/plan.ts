// The changes a validated file would make, row by row (created, updated, unchanged), computed against
// the contract's snapshot in memory: no query per row. Pure, so the preview and the apply step agree.
import { ACTION_STATUS_LABELS } from "../actions/schemas";
import { FUNDER_LABELS, STAGE_LABELS } from "../funding/schemas";
import { toFrenchInput } from "../core/decimal";
import { centsToInput } from "../core/money";
import type { ContractSnapshot, ExistingAction, ExistingFundingLine, ExistingIndicatorValue } from "./snapshot";
import { SHEETS, type SheetKey } from "./template";
import type { ActionRow, FundingRow, IndicatorRow, ValidatedFile } from "./validate";

export type FieldChange = { column: string; before: string; after: string };
/** A row saved in Tripartite after the file was exported: applying the file would replace that save. */
export type SavedSinceExport = { at: string; by: string | null };
export type PlannedChange = { sheet: string; line: number; kind: "create" | "update"; label: string; fields: FieldChange[]; savedSinceExport?: SavedSinceExport };
/** The records a plan would update although they were saved after the file's export (who saved them is looked up by the caller). */
export type SavedRow = { entity: "Action" | "FundingLine" | "IndicatorValue"; id: string; change: PlannedChange };
export type Counts = { created: number; updated: number; unchanged: number };

export type Plan = {
  actions: { creates: ActionRow[]; updates: { row: ActionRow; existing: ExistingAction }[] };
  funding: { creates: FundingRow[]; updates: { row: FundingRow; existing: ExistingFundingLine }[] };
  indicators: { creates: IndicatorRow[]; updates: { row: IndicatorRow; existing: ExistingIndicatorValue }[] };
  counts: Record<SheetKey, Counts>;
  totals: Counts;
  changes: PlannedChange[];
  savedSinceExport: SavedRow[];
};

/** A stored day as the file writes it. */
export const frenchDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");
const money = (cents: bigint) => `${centsToInput(cents)} €`;

function diff(sheet: SheetKey, before: Record<string, string> | null, after: Record<string, string>): FieldChange[] {
  return SHEETS[sheet].columns.flatMap((c) => {
    if (!(c.key in after)) return [];
    const b = before?.[c.key] ?? "";
    const a = after[c.key];
    return a === b && before !== null ? [] : before === null && a === "" ? [] : [{ column: c.header, before: before ? b : "", after: a }];
  });
}

function actionDisplay(a: Omit<ExistingAction, "id" | "reference" | "version" | "archived" | "updatedAt">, objectiveCodes: Map<string, string>): Record<string, string> {
  return {
    title: a.title,
    objective: a.objectiveId ? (objectiveCodes.get(a.objectiveId) ?? "") : "",
    purpose: a.purpose ?? "",
    targetPublic: a.targetPublic ?? "",
    lead: a.lead ?? "",
    partners: a.partners ?? "",
    startDate: frenchDate(a.startDate),
    endDate: frenchDate(a.endDate),
    status: ACTION_STATUS_LABELS[a.status],
    progress: String(a.progress),
  };
}

function fundingDisplay(l: Omit<ExistingFundingLine, "id" | "version" | "updatedAt">, references: Map<string, string>): Record<string, string> {
  return {
    action: l.actionId ? (references.get(l.actionId) ?? "") : "",
    funder: FUNDER_LABELS[l.funder],
    year: String(l.year),
    stage: STAGE_LABELS[l.stage],
    amount: money(l.amountCents),
  };
}

const valueDisplay = (v: { baseline: string | null; target: string | null; actual: string | null }) => ({
  baseline: toFrenchInput(v.baseline),
  target: toFrenchInput(v.target),
  actual: toFrenchInput(v.actual),
});

const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((k) => a[k] === b[k]);

/**
 * `exportedAt`: when the file was exported from Tripartite, when the file says so (the workbook's creation
 * date); an update to a row saved after that instant is flagged, since the file would replace that save.
 */
export function planImport(rows: ValidatedFile, snapshot: ContractSnapshot, exportedAt: string | null = null): Plan {
  const objectiveCodes = new Map(snapshot.objectives.map((o) => [o.id, o.code]));
  const references = new Map(snapshot.actions.map((a) => [a.id, a.reference]));
  const actionsByRef = new Map(snapshot.actions.map((a) => [a.reference.toUpperCase(), a]));
  const lines = new Map(snapshot.fundingLines.map((l) => [l.id, l]));
  const values = new Map(snapshot.indicatorValues.map((v) => [`${v.indicatorId}:${v.year}`, v]));
  const indicatorCodes = new Map(snapshot.indicators.map((i) => [i.id, i.code]));
  const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
  const plan: Plan = {
    actions: { creates: [], updates: [] },
    funding: { creates: [], updates: [] },
    indicators: { creates: [], updates: [] },
    counts: { actions: zero(), funding: zero(), indicators: zero() },
    totals: zero(),
    changes: [],
    savedSinceExport: [],
  };
  const record = (sheet: SheetKey, line: number, kind: "create" | "update" | "unchanged", label: string, fields: FieldChange[] = []) => {
    plan.counts[sheet][kind === "create" ? "created" : kind === "update" ? "updated" : "unchanged"] += 1;
    if (kind === "unchanged") return;
    const change: PlannedChange = { sheet: SHEETS[sheet].name, line, kind, label, fields };
    plan.changes.push(change);
    return change;
  };
  /** An update, flagged when its row was saved after the export. */
  const flag = (entity: SavedRow["entity"], existing: { id: string; updatedAt: string }, change: PlannedChange | undefined) => {
    if (!change || exportedAt === null || !(existing.updatedAt > exportedAt)) return;
    change.savedSinceExport = { at: existing.updatedAt, by: null };
    plan.savedSinceExport.push({ entity, id: existing.id, change });
  };

  for (const row of rows.actions ?? []) {
    const after = actionDisplay({ ...row.fields }, objectiveCodes);
    const existing = row.reference ? actionsByRef.get(row.reference) : undefined;
    if (!existing) {
      plan.actions.creates.push(row);
      record("actions", row.line, "create", `Nouvelle fiche « ${row.fields.title} »`, diff("actions", null, after));
      continue;
    }
    const before = actionDisplay(existing, objectiveCodes);
    if (same(before, after)) record("actions", row.line, "unchanged", existing.reference);
    else {
      plan.actions.updates.push({ row, existing });
      flag("Action", existing, record("actions", row.line, "update", `${existing.reference} — ${existing.title}`, diff("actions", before, after)));
    }
  }

  for (const row of rows.funding ?? []) {
    const after = fundingDisplay(row.fields, references);
    const existing = row.id ? lines.get(row.id) : undefined;
    const label = `${after.funder}, ${after.year}, ${after.stage.toLowerCase()}${after.action ? ` (${after.action})` : ""}`;
    if (!existing) {
      plan.funding.creates.push(row);
      record("funding", row.line, "create", `Nouvelle ligne : ${label}`, diff("funding", null, after));
      continue;
    }
    const before = fundingDisplay(existing, references);
    if (same(before, after)) record("funding", row.line, "unchanged", label);
    else {
      plan.funding.updates.push({ row, existing });
      flag("FundingLine", existing, record("funding", row.line, "update", label, diff("funding", before, after)));
    }
  }

  for (const row of rows.indicators ?? []) {
    const after = valueDisplay(row.fields);
    const existing = values.get(`${row.indicatorId}:${row.year}`);
    const label = `${indicatorCodes.get(row.indicatorId)} — ${row.year}`;
    const empty = !after.baseline && !after.target && !after.actual;
    if (!existing) {
      // An empty (indicator, year) row of the template is no value, not a creation.
      if (empty) record("indicators", row.line, "unchanged", label);
      else {
        plan.indicators.creates.push(row);
        record("indicators", row.line, "create", label, diff("indicators", null, after));
      }
      continue;
    }
    const before = valueDisplay(existing);
    if (same(before, after)) record("indicators", row.line, "unchanged", label);
    else {
      plan.indicators.updates.push({ row, existing });
      flag("IndicatorValue", existing, record("indicators", row.line, "update", label, diff("indicators", before, after)));
    }
  }

  for (const c of Object.values(plan.counts)) {
    plan.totals.created += c.created;
    plan.totals.updated += c.updated;
    plan.totals.unchanged += c.unchanged;
  }
  return plan;
}
