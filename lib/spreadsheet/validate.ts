// Every row of a parsed file checked with the app's own zod schemas (the same rules as the forms),
// against one contract's snapshot: every problem comes back as { sheet, line, column, message }.
import { ActionFieldsSchema, type ActionFields } from "../actions/schemas";
import { fundingLineFieldsSchema, type Funder, type FundingStage } from "../funding/schemas";
import { indicatorValueFieldsSchema, type IndicatorValueFields } from "../indicators/schemas";
import { isoDay } from "../core/dates";
import { ErrorTally, type ErrorCount } from "./errors";
import type { CellValue, ImportError, ParsedFile, ParsedRow } from "./parse";
import type { ContractSnapshot } from "./snapshot";
import { SHEETS, SHEET_KEYS, readFunder, readStage, readStatus, unneutralize, type SheetKey } from "./template";

export type ActionRow = { line: number; reference: string | null; fields: ActionFields };
export type FundingRow = { line: number; id: string | null; fields: { actionId: string | null; funder: Funder; year: number; stage: FundingStage; amountCents: bigint } };
export type IndicatorRow = { line: number; indicatorId: string; year: number; fields: IndicatorValueFields };

export type ValidatedFile = { actions: ActionRow[] | null; funding: FundingRow[] | null; indicators: IndicatorRow[] | null };

/** A cell as text: numbers as written, dates as ISO days, the export's apostrophe removed. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDay(value);
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return String(value);
  return unneutralize(value.trim());
}

/** "28/09/2020" or "2020-09-28" (or a date cell) → "2020-09-28"; anything else is left for the schema to refuse. */
export function dateText(value: CellValue): string {
  if (value instanceof Date) return isoDay(value);
  const text = cellText(value);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (fr) return `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}`;
  return text;
}

class RowErrors {
  constructor(
    private readonly errors: ErrorTally,
    private readonly sheet: SheetKey,
  ) {}
  add(line: number, columnKey: string | null, message: string) {
    const column = columnKey ? (SHEETS[this.sheet].columns.find((c) => c.key === columnKey)?.header ?? columnKey) : null;
    this.errors.add({ sheet: SHEETS[this.sheet].name, line, column, message });
  }
}

/** The first problem of each cell only: "2020/09/28" is a wrong format, not also a day that does not exist. */
function zodErrors(issues: { path: PropertyKey[]; message: string }[], line: number, out: RowErrors, rename: Record<string, string> = {}) {
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    out.add(line, rename[field] ?? (field || null), issue.message);
  }
}

/** How many lines an error about another department names before "…". */
const NAMED_LINES = 5;

/**
 * The department named by the file (each row, and the "Lisez-moi" sheet) must be the one imported into:
 * one error per sheet concerned, at its first line, naming the first lines and how many there are.
 */
export function checkDepartment(file: ParsedFile, code: string): ImportError[] {
  const errors: ImportError[] = [];
  const column = SHEETS.actions.columns[0].header;
  const refusal = (others: Set<string>) => {
    const shown = [...others].map((d) => (d === "" ? "(vide)" : `« ${d.length > 12 ? `${d.slice(0, 12)}…` : d} »`)).join(", ");
    return `Ce fichier concerne un autre département (${shown}) que celui de cet espace (${code}) : rien n'a été importé.`;
  };
  if (file.readmeDepartment !== null && file.readmeDepartment !== code) {
    errors.push({ sheet: "Lisez-moi", line: file.readmeLine ?? null, column: "B", message: `${refusal(new Set([file.readmeDepartment]))} Exportez le modèle depuis l'espace du département ${code}.` });
  }
  for (const key of SHEET_KEYS) {
    const rows = file.tables[key];
    if (!rows) continue;
    const lines: number[] = [];
    const others = new Set<string>();
    for (const r of rows) {
      const named = cellText(r.cells.departement ?? null);
      if (named === code) continue;
      lines.push(r.line);
      if (others.size < NAMED_LINES) others.add(named);
    }
    if (lines.length === 0) continue;
    const first = lines.slice(0, NAMED_LINES).join(", ");
    const more = lines.length > NAMED_LINES ? ` et ${lines.length - NAMED_LINES} autre${lines.length - NAMED_LINES > 1 ? "s" : ""}` : "";
    errors.push({
      sheet: SHEETS[key].name,
      line: lines[0],
      column,
      message: `${refusal(others)} ${lines.length > 1 ? `Lignes concernées : ${first}${more}` : `Ligne concernée : ${first}`}. Chaque ligne doit indiquer le département ${code}.`,
    });
  }
  return errors;
}

function validateActions(rows: ParsedRow[], snapshot: ContractSnapshot, out: RowErrors): ActionRow[] {
  const objectives = new Map(snapshot.objectives.map((o) => [o.code.toUpperCase(), o.id]));
  const actions = new Map(snapshot.actions.map((a) => [a.reference.toUpperCase(), a]));
  const seen = new Map<string, number>();
  const result: ActionRow[] = [];
  for (const row of rows) {
    const c = row.cells;
    const startDate = dateText(c.startDate ?? null);
    const endDate = dateText(c.endDate ?? null);
    const reference = cellText(c.reference ?? null).toUpperCase() || null;
    // Days outside the plausible range are refused by the fiche action's schema (lib/core/fields.ts), as in the form.
    let ok = true;
    if (reference) {
      const existing = actions.get(reference);
      if (seen.has(reference)) {
        out.add(row.line, "reference", `Référence en double (déjà à la ligne ${seen.get(reference)}).`);
        ok = false;
      } else if (!existing) {
        out.add(row.line, "reference", `Référence inconnue dans ce contrat : laissez la colonne vide pour créer une nouvelle fiche.`);
        ok = false;
      } else if (existing.archived) {
        out.add(row.line, "reference", "Cette fiche action est archivée : elle ne peut plus être modifiée.");
        ok = false;
      }
      seen.set(reference, row.line);
    }
    const objectiveCode = cellText(c.objective ?? null).toUpperCase();
    const objectiveId = objectiveCode ? (objectives.get(objectiveCode) ?? null) : null;
    if (objectiveCode && !objectiveId) {
      out.add(row.line, "objective", `Objectif « ${objectiveCode} » non retenu par le contrat.`);
      ok = false;
    }
    const statusText = cellText(c.status ?? null);
    const parsed = ActionFieldsSchema.safeParse({
      title: cellText(c.title ?? null),
      objectiveId,
      purpose: cellText(c.purpose ?? null),
      targetPublic: cellText(c.targetPublic ?? null),
      lead: cellText(c.lead ?? null),
      partners: cellText(c.partners ?? null),
      startDate,
      endDate,
      status: readStatus(statusText) ?? statusText,
      progress: cellText(c.progress ?? null) === "" ? undefined : cellText(c.progress ?? null).replace(",", "."),
    });
    if (!parsed.success) {
      zodErrors(parsed.error.issues, row.line, out, { objectiveId: "objective" });
      continue;
    }
    if (ok) result.push({ line: row.line, reference, fields: parsed.data });
  }
  return result;
}

function validateFunding(rows: ParsedRow[], snapshot: ContractSnapshot, out: RowErrors): FundingRow[] {
  const years = snapshot.contract.years;
  const schema = fundingLineFieldsSchema({ firstYear: years[0], lastYear: years[years.length - 1] });
  const actions = new Map(snapshot.actions.map((a) => [a.reference.toUpperCase(), a]));
  const lines = new Map(snapshot.fundingLines.map((l) => [l.id, l]));
  const seen = new Map<string, number>();
  const result: FundingRow[] = [];
  for (const row of rows) {
    const c = row.cells;
    let ok = true;
    const id = cellText(c.id ?? null) || null;
    const existing = id ? lines.get(id) : undefined;
    if (id && seen.has(id)) {
      out.add(row.line, "id", `Identifiant en double (déjà à la ligne ${seen.get(id)}).`);
      ok = false;
    } else if (id && !existing) {
      out.add(row.line, "id", "Identifiant inconnu dans ce contrat : laissez la colonne vide pour ajouter une ligne.");
      ok = false;
    }
    if (id) seen.set(id, row.line);
    const reference = cellText(c.action ?? null).toUpperCase();
    const action = reference ? actions.get(reference) : undefined;
    if (reference && !action) {
      out.add(row.line, "action", `Fiche action « ${reference} » inconnue dans ce contrat.`);
      ok = false;
    } else if (action?.archived && existing?.actionId !== action.id) {
      out.add(row.line, "action", "Cette fiche action est archivée : choisissez-en une autre.");
      ok = false;
    }
    const funderText = cellText(c.funder ?? null);
    const stageText = cellText(c.stage ?? null);
    const parsed = schema.safeParse({
      actionId: action?.id ?? null,
      funder: readFunder(funderText) ?? funderText,
      year: cellText(c.year ?? null),
      stage: readStage(stageText) ?? stageText,
      amount: cellText(c.amount ?? null),
    });
    if (!parsed.success) {
      zodErrors(parsed.error.issues, row.line, out, { actionId: "action" });
      continue;
    }
    const f = parsed.data;
    if (ok) result.push({ line: row.line, id, fields: { actionId: f.actionId, funder: f.funder, year: f.year, stage: f.stage, amountCents: f.amount } });
  }
  return result;
}

function validateIndicators(rows: ParsedRow[], snapshot: ContractSnapshot, out: RowErrors): IndicatorRow[] {
  const indicators = new Map(snapshot.indicators.map((i) => [i.code.toUpperCase(), i]));
  const years = snapshot.contract.years;
  const seen = new Map<string, number>();
  const result: IndicatorRow[] = [];
  for (const row of rows) {
    const c = row.cells;
    let ok = true;
    const code = cellText(c.indicator ?? null).toUpperCase();
    const indicator = indicators.get(code);
    if (!code) {
      out.add(row.line, "indicator", "Indiquez le code de l'indicateur.");
      ok = false;
    } else if (!indicator) {
      out.add(row.line, "indicator", `Indicateur « ${code} » inconnu pour les objectifs du contrat.`);
      ok = false;
    }
    const yearText = cellText(c.year ?? null);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || !years.includes(year)) {
      out.add(row.line, "year", `L'année doit être comprise dans la période du contrat (${years[0]} à ${years[years.length - 1]}).`);
      ok = false;
    }
    if (indicator && year !== null) {
      const key = `${indicator.id}:${year}`;
      if (seen.has(key)) {
        out.add(row.line, "indicator", `Indicateur et année en double (déjà à la ligne ${seen.get(key)}).`);
        ok = false;
      }
      seen.set(key, row.line);
    }
    if (!indicator) continue;
    const parsed = indicatorValueFieldsSchema(indicator.kind).safeParse({
      baseline: cellText(c.baseline ?? null),
      target: cellText(c.target ?? null),
      actual: cellText(c.actual ?? null),
    });
    if (!parsed.success) {
      zodErrors(parsed.error.issues, row.line, out);
      continue;
    }
    if (ok && year !== null) result.push({ line: row.line, indicatorId: indicator.id, year, fields: parsed.data });
  }
  return result;
}

/**
 * Every row of every table in the file, or the errors: the first MAX_LISTED_ERRORS and the complete counts.
 * Tables are checked in the order of their sheets' names, rows in line order: the first errors listed are
 * the first of the file.
 */
export function validateFile(file: ParsedFile, snapshot: ContractSnapshot): { ok: true; rows: ValidatedFile } | { ok: false; errors: ImportError[]; errorCount: ErrorCount } {
  const errors = new ErrorTally();
  const rows: ValidatedFile = {
    actions: file.tables.actions ? validateActions(file.tables.actions, snapshot, new RowErrors(errors, "actions")) : null,
    funding: file.tables.funding ? validateFunding(file.tables.funding, snapshot, new RowErrors(errors, "funding")) : null,
    indicators: file.tables.indicators ? validateIndicators(file.tables.indicators, snapshot, new RowErrors(errors, "indicators")) : null,
  };
  return errors.total > 0 ? { ok: false, ...errors.result() } : { ok: true, rows };
}
