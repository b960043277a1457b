// Territory codes as INSEE writes them, as text ("01", "2A", "971"): one pattern for every check.

/** A department: two digits but "00", Corsica's 2A and 2B, the overseas departments 971 to 976. */
export const DEPARTMENT_CODE = /^(?:(?!00)\d{2}|2A|2B|97[1-6])$/;

/**
 * A department or one of the load bench's synthetic territories (three digits no department uses: 000 to 999
 * but 971 to 976), as one pattern. Accepted only where the bench reads them back (the open-data API and the
 * oversight exports), never by a form or a page. The API publishes it in its OpenAPI document and its Table
 * Schemas, so that outside tools check the same rule.
 */
export const DEPARTMENT_OR_SYNTHETIC_CODE = /^(?:(?!00)\d{2}|2A|2B|97[1-6]|(?!97[1-6]$)\d{3})$/;

/** A region: two digits. */
export const REGION_CODE = /^\d{2}$/;

export const DEPARTMENT_CODE_MESSAGE = "Code de département attendu : le code INSEE, par exemple 01, 2A, 77 ou 971.";

export function isDepartmentCode(code: string): boolean {
  return DEPARTMENT_CODE.test(code);
}

/** A department code or one of the bench's synthetic codes. */
export function isDepartmentOrSyntheticCode(code: string): boolean {
  return DEPARTMENT_OR_SYNTHETIC_CODE.test(code);
}

/** A code as typed or in a URL ("2a", " 77 ", "%32A") to its INSEE form, or null when it is no department. */
export function normalizeDepartmentCode(raw: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(raw).trim().toUpperCase();
  } catch {
    return null;
  }
  return isDepartmentCode(code) ? code : null;
}
