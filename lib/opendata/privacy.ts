// Statistical confidentiality on public answers: a count of people below 11 is withheld (null, and the
// field named in `suppressedFields`); pages and CSV files show "< 11" (lib/core/format.ts). Safe for the client.
import { isBelowPublicThreshold } from "../core/format";
import type { IndicatorKind } from "../indicators/schemas";

// The schema has no "counts people" flag on indicators: it is read from the indicator's label. Counts of
// children, young people, families, measures or visits concerning them are counts of people; places,
// meetings, inspections, schools, districts and staff are not. When in doubt a label matches (withheld).
const PEOPLE = /\b(enfants?|jeunes?|familles?|mineurs?|MNA|bénéficiaires?|personnes?|femmes?|parents?|mères?|bébés?|nourrissons?|majeurs?|mesures?|parrainages?|EPP|VAD|entretiens?|visites?)\b/i;
const NOT_PEOPLE = /^Nombre\s+(de|d')\s*(places?|lieux|réunions?|contrôles?|écoles?|quartiers?|comités?|équipes?|professionnels?|assistants?|éducateurs?)\b/i;

/** Whether an indicator's values count people (and so fall under the small-count rule). */
export function indicatorCountsPeople(indicator: { kind: IndicatorKind; unit: string; label: string }): boolean {
  if (indicator.kind !== "COUNT" || indicator.unit === "places") return false;
  return PEOPLE.test(indicator.label) && !NOT_PEOPLE.test(indicator.label);
}

/**
 * Withholds the given fields of a record when they count fewer than 11 people; `linked` fields are
 * withheld with them (a share of a withheld count would reveal it). Returns the record and the names
 * of the withheld fields.
 */
export function withholdSmallCounts<T extends Record<string, unknown>>(
  record: T,
  countFields: readonly (keyof T & string)[],
  linked: readonly (keyof T & string)[] = [],
): { record: T; suppressedFields: string[] } {
  const withheld = countFields.filter((f) => isBelowPublicThreshold(record[f] as number | null));
  if (withheld.length === 0) return { record, suppressedFields: [] };
  const all = [...withheld, ...linked.filter((f) => record[f] !== null && record[f] !== undefined)];
  return { record: { ...record, ...Object.fromEntries(all.map((f) => [f, null])) }, suppressedFields: all };
}
