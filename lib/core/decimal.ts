// Numbers as French users type them ("12,5", "1 234,56", "72 %"), read as text so that nothing passes
// through floating point on its way to a Decimal. Safe for the client. Euro amounts in cents: money.ts.

const SPACE = "[ \\u00a0\\u202f]";
const INTEGER = new RegExp(`^(?:\\d+|\\d{1,3}(?:${SPACE}\\d{3})+)$`);

export type ParsedDecimal =
  | { ok: true; text: string; value: number; negative: boolean; decimals: number; integerDigits: number }
  | { ok: false };

/**
 * "12,5" → "12.5"; "1 234,50 €" → "1234.5"; "12.5" also accepted (a dot typed as the decimal mark).
 * Thousands may be separated by spaces (groups of three); the decimal mark is a comma or a dot.
 */
export function parseFrenchDecimal(input: string): ParsedDecimal {
  const trimmed = input.trim().replace(new RegExp(`${SPACE}*(?:€|%)$`), "");
  const match = /^([+-]?)(.*?)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return { ok: false };
  const [, sign, rawInteger, rawFraction = ""] = match;
  if (rawInteger === "" && rawFraction === "") return { ok: false };
  if (rawInteger !== "" && !INTEGER.test(rawInteger)) return { ok: false };
  const integer = rawInteger.replace(new RegExp(SPACE, "g"), "").replace(/^0+(?=\d)/, "") || "0";
  const fraction = rawFraction.replace(/0+$/, "");
  const isZero = /^0$/.test(integer) && fraction === "";
  const negative = sign === "-" && !isZero;
  const text = `${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}`;
  return { ok: true, text, value: Number(text), negative, decimals: fraction.length, integerDigits: integer.replace(/^0$/, "").length };
}

/** A stored number as the form shows it: 12.5 → "12,5"; null → "". */
export function toFrenchInput(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(".", ",");
}
