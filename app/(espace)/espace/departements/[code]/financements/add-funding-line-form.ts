"use server";

import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { createFundingLine } from "@/lib/funding/mutations";
import { FUNDER_LABELS, STAGE_LABELS } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";

export async function addFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await createFundingLine(await getViewer(), values.contractId ?? "", values);
  return toFormState(result, values, {
    success: (line) => `Ligne ajoutée : ${FUNDER_LABELS[line.funder]}, ${line.year}, ${STAGE_LABELS[line.stage].toLowerCase()}, ${formatEuros(line.amountCents)}.`,
    // Ready for the next line of the same action, funder and year: only the amount is cleared.
    successValues: () => ({ ...values, amount: "" }),
  });
}
