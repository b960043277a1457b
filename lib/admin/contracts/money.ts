// Euros typed the French way ("8 400 000", "1 234,56", "835 000 €") to exact integer cents, and back.
// No floating point on the way: the digits are read as a string.
import { z } from "zod";
import { emptyToNull } from "../fields";

/** One hundred billion euros: far above any contract, low enough to catch a slipped key. */
export const MAX_CENTS = 100_000_000_000n * 100n;

export type ParsedEuros = { ok: true; cents: bigint } | { ok: false; message: string };

// Spaces of any kind (typed, non-breaking, or Intl's narrow no-break space) group thousands.
const SPACES = /[\s\u00a0\u202f]/g;

export function parseEuros(input: string): ParsedEuros {
  const text = input.trim().replace(/€$/, "").trim();
  if (text === "") return { ok: false, message: "Saisissez un montant." };
  if (text.startsWith("-")) return { ok: false, message: "Le montant ne peut pas être négatif." };
  // Groups of three digits separated by spaces, or digits alone; then a comma (or a point) and one or two digits.
  const match = /^(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(text);
  if (!match) {
    return { ok: false, message: "Montant invalide : saisissez des euros, par exemple « 8 400 000 » ou « 1 234,56 »." };
  }
  const euros = BigInt(match[1].replace(SPACES, ""));
  const cents = BigInt((match[2] ?? "").padEnd(2, "0"));
  const total = euros * 100n + cents;
  if (total > MAX_CENTS) return { ok: false, message: "Montant trop élevé : vérifiez la saisie." };
  return { ok: true, cents: total };
}

/** Cents as the form shows them: "8 400 000", "1 234,56" (plain spaces, cents only when there are some). */
export function formatCentsForInput(cents: bigint | number): string {
  const value = typeof cents === "bigint" ? cents : BigInt(Math.round(cents));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const rest = abs % 100n;
  return `${negative ? "-" : ""}${euros}${rest === 0n ? "" : `,${rest.toString().padStart(2, "0")}`}`;
}

/** An optional amount field: empty → null, otherwise exact cents or a French error. */
export const optionalEurosField = z.preprocess(emptyToNull, z.string().nullable().default(null)).transform((v, ctx) => {
  if (v === null) return null;
  const parsed = parseEuros(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.cents;
});
