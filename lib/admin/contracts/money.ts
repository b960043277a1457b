// What is specific to contract amounts: their ceiling and the optional form field. Parsing and formatting
// euros is lib/core/money.ts's job (exact cents, no floating point).
import { z } from "zod";
import { parseEuroAmount } from "../../core/money";
import { emptyToNull } from "../../core/fields";

/** One hundred billion euros: far above any contract, low enough to catch a slipped key. */
export const MAX_CENTS = 100_000_000_000n * 100n;

export const CONTRACT_AMOUNT_OPTIONS = { maxCents: MAX_CENTS, allowZero: true, tooHighMessage: "Montant trop élevé : vérifiez la saisie." } as const;

/** The contract forms' own wording for what is not an amount at all. */
const FORMAT_MESSAGE = "Montant invalide : saisissez des euros, par exemple « 8 400 000 » ou « 1 234,56 ».";

/** An optional amount field: empty → null, otherwise exact cents or a French error. */
export const optionalEurosField = z.preprocess(emptyToNull, z.string().nullable().default(null)).transform((v, ctx) => {
  if (v === null) return null;
  const parsed = parseEuroAmount(v, CONTRACT_AMOUNT_OPTIONS);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.reason === "format" ? FORMAT_MESSAGE : parsed.message });
    return z.NEVER;
  }
  return parsed.cents;
});
