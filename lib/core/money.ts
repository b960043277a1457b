// Euro amounts as people type them ("1 234,56", "1234.56", "1.234,56 €") to exact integer cents, and back
// for form inputs. THE euro parser and input formatter of the app: funding lines, contract amounts and
// context figures all go through here. Pure and client-safe: the parsing never goes through a float.

/** No single ledger line of a departmental contract comes near this (the largest contracts total tens of millions). */
export const MAX_LINE_CENTS = 100_000_000_00n; // 100 000 000 €

export type EuroAmountOptions = {
  /** Highest amount accepted, in cents (default: MAX_LINE_CENTS). */
  maxCents?: bigint;
  /** Whether 0 € is an amount (default: refused). */
  allowZero?: boolean;
  /** What to say above maxCents (default: the funding line message). */
  tooHighMessage?: string;
};

/** Why an amount was refused, for callers that word a refusal their own way. */
export type EuroAmountError = "empty" | "negative" | "format" | "decimals" | "zero" | "tooHigh";

export type ParsedAmount = { ok: true; cents: bigint } | { ok: false; reason: EuroAmountError; message: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const FORMAT_MESSAGE = "Montant attendu en euros, par exemple 1 234,56 ou 1234.56.";
const TOO_HIGH_MESSAGE = "Montant invraisemblable : 100 000 000 € au plus par ligne.";

const MESSAGES: Record<Exclude<EuroAmountError, "tooHigh">, string> = {
  empty: "Saisissez un montant.",
  negative: "Le montant ne peut pas être négatif.",
  format: FORMAT_MESSAGE,
  decimals: "Deux décimales au plus : le montant s'arrête aux centimes.",
  zero: "Saisissez un montant supérieur à 0 €.",
};

/** Grouped thousands must come in threes: "1 234 567" or "1.234.567", never "12 34". */
function integerDigits(text: string, thousands: string | null): string | null {
  if (/^\d*$/.test(text)) return text;
  const separators = thousands ? `[ ${thousands === "." ? "\\." : thousands}]` : " ";
  if (!new RegExp(`^\\d{1,3}(?:${separators}\\d{3})+$`).test(text)) return null;
  return text.replace(/[^\d]/g, "");
}

/**
 * Parses an amount in euros typed the French way (or with a dot), refusing negatives, more than two decimals,
 * a decimal mark with no decimals after it ("8 400 000,") and sums above `maxCents`; 0 € only with `allowZero`.
 */
export function parseEuroAmount(input: unknown, options: EuroAmountOptions = {}): ParsedAmount {
  const { maxCents = MAX_LINE_CENTS, allowZero = false, tooHighMessage = TOO_HIGH_MESSAGE } = options;
  const fail = (reason: EuroAmountError): ParsedAmount => ({ ok: false, reason, message: reason === "tooHigh" ? tooHighMessage : MESSAGES[reason] });

  if (typeof input !== "string" || input.trim() === "") return fail("empty");
  // Spaces of any kind are thousands separators; a single space keeps the grouping check possible.
  let text = input.trim().replace(/\s*€$/, "").replace(SPACES, " ").replace(/ +/g, " ").trim();
  if (/^[-−–]/.test(text)) return fail("negative");
  if (text.startsWith("+")) text = text.slice(1).trim();
  if (!/^[\d .,]+$/.test(text) || !/\d/.test(text)) return fail("format");

  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  let decimal: string | null = null;
  let thousands: string | null = null;
  if (commas > 0 && dots > 0) {
    // Both present: the last one marks the decimals, the other groups thousands ("1.234,56", "1,234.56").
    decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    thousands = decimal === "," ? "." : ",";
    if ((decimal === "," ? commas : dots) > 1) return fail("format");
  } else if (commas + dots === 1) {
    decimal = commas ? "," : ".";
  } else if (commas + dots > 1) {
    // "1.234.567": only thousands, no decimals.
    thousands = commas ? "," : ".";
  }

  const [rawInteger, rawFraction = ""] = decimal ? text.split(decimal) : [text];
  const integer = integerDigits(rawInteger.trim(), thousands);
  if (integer === null || /\s/.test(rawFraction)) return fail("format");
  if (!/^\d*$/.test(rawFraction)) return fail("format");
  // A decimal mark must be followed by the decimals: "8 400 000," is an unfinished entry, not a whole amount.
  if (decimal && rawFraction === "") return fail("format");
  if (rawFraction.length > 2) return fail("decimals");
  if (integer === "" && rawFraction === "") return fail("format");
  // More euro digits than the ceiling has is already above it; stop before building a huge number.
  if (integer.replace(/^0+/, "").length > (maxCents / 100n).toString().length) return fail("tooHigh");

  const cents = BigInt(integer || "0") * 100n + BigInt(rawFraction.padEnd(2, "0") || "0");
  if (cents === 0n && !allowZero) return fail("zero");
  if (cents > maxCents) return fail("tooHigh");
  return { ok: true, cents };
}

/**
 * Cents as a form shows them for editing, which parseEuroAmount reads back exactly: "8 400 000", "1 234,56",
 * "0,29" (thousands grouped with plain spaces, cents only when there are some); "" for no amount.
 */
export function centsToInput(cents: number | bigint | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const value = typeof cents === "bigint" ? cents : BigInt(Math.round(cents));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const rest = abs % 100n;
  return `${negative ? "-" : ""}${euros}${rest === 0n ? "" : `,${rest.toString().padStart(2, "0")}`}`;
}
