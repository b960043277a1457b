"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { createFundingLine } from "@/lib/funding/mutations";
import { FUNDER_LABELS, STAGE_LABELS } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";

export async function addFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await createFundingLine(await getViewer(), values.contractId ?? "", values);
  const stamp = Date.now();
  if (!result.ok) {
    return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
  }
  // The totals and the reconciliation on the page are drawn again.
  revalidatePath("/", "layout");
  const line = result.value;
  return {
    status: "success",
    message: `Ligne ajoutée : ${FUNDER_LABELS[line.funder]}, ${line.year}, ${STAGE_LABELS[line.stage].toLowerCase()}, ${formatEuros(line.amountCents)}.`,
    // Ready for the next line of the same action, funder and year: only the amount is cleared.
    values: { ...values, amount: "" },
    stamp,
  };
}
