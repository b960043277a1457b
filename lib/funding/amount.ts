// Euro amounts as people type them ("1 234,56", "1234.56", "1.234,56 €") to exact integer cents.
// Pure and client-safe: the parsing never goes through a float.

/** No single ledger line of a departmental contract comes near this (the largest contracts total tens of millions). */
export const MAX_LINE_CENTS = 100_000_000_00n; // 100 000 000 €

export type ParsedAmount = { ok: true; cents: bigint } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const FORMAT_MESSAGE = "Montant attendu en euros, par exemple 1 234,56 ou 1234.56.";

const fail = (message: string): ParsedAmount => ({ ok: false, message });

/** Grouped thousands must come in threes: "1 234 567" or "1.234.567", never "12 34". */
function integerDigits(text: string, thousands: string | null): string | null {
  if (/^\d*$/.test(text)) return text;
  const separators = thousands ? `[ ${thousands === "." ? "\\." : thousands}]` : " ";
  if (!new RegExp(`^\\d{1,3}(?:${separators}\\d{3})+$`).test(text)) return null;
  return text.replace(/[^\d]/g, "");
}

/** Parses an amount in euros typed the French way (or with a dot), refusing negatives, more than two decimals and absurd sums. */
export function parseEuroAmount(input: unknown): ParsedAmount {
  if (typeof input !== "string" || input.trim() === "") return fail("Saisissez un montant.");
  // Spaces of any kind are thousands separators; a single space keeps the grouping check possible.
  let text = input.trim().replace(/\s*€$/, "").replace(SPACES, " ").replace(/ +/g, " ").trim();
  if (/^[-−–]/.test(text)) return fail("Le montant ne peut pas être négatif.");
  if (text.startsWith("+")) text = text.slice(1).trim();
  if (!/^[\d .,]+$/.test(text) || !/\d/.test(text)) return fail(FORMAT_MESSAGE);

  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  let decimal: string | null = null;
  let thousands: string | null = null;
  if (commas > 0 && dots > 0) {
    // Both present: the last one marks the decimals, the other groups thousands ("1.234,56", "1,234.56").
    decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    thousands = decimal === "," ? "." : ",";
    if ((decimal === "," ? commas : dots) > 1) return fail(FORMAT_MESSAGE);
  } else if (commas + dots === 1) {
    decimal = commas ? "," : ".";
  } else if (commas + dots > 1) {
    // "1.234.567": only thousands, no decimals.
    thousands = commas ? "," : ".";
  }

  const [rawInteger, rawFraction = ""] = decimal ? text.split(decimal) : [text];
  const integer = integerDigits(rawInteger.trim(), thousands);
  if (integer === null || /\s/.test(rawFraction)) return fail(FORMAT_MESSAGE);
  if (!/^\d*$/.test(rawFraction)) return fail(FORMAT_MESSAGE);
  if (rawFraction.length > 2) return fail("Deux décimales au plus : le montant s'arrête aux centimes.");
  if (integer === "" && rawFraction === "") return fail(FORMAT_MESSAGE);
  // More than 12 digits is already above the ceiling; stop before building a huge number.
  if (integer.replace(/^0+/, "").length > 12) return fail(tooHigh());

  const cents = BigInt(integer || "0") * 100n + BigInt(rawFraction.padEnd(2, "0") || "0");
  if (cents === 0n) return fail("Saisissez un montant supérieur à 0 €.");
  if (cents > MAX_LINE_CENTS) return fail(tooHigh());
  return { ok: true, cents };
}

function tooHigh() {
  return "Montant invraisemblable : 100 000 000 € au plus par ligne.";
}

/** Cents as a form shows them for editing: "1234,56", or "1234" for whole euros. */
export function centsToInput(cents: number | bigint): string {
  const value = BigInt(cents);
  const euros = value / 100n;
  const rest = value % 100n;
  return rest === 0n ? euros.toString() : `${euros},${rest.toString().padStart(2, "0")}`;
}
