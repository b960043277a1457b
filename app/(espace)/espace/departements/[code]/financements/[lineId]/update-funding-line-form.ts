"use server";

import { getViewer } from "@/lib/auth/web";
import { keepTypedOnCurrentVersion } from "@/lib/core/form-state";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { updateFundingLine } from "@/lib/funding/mutations";
import { fundingLineFormValues } from "@/lib/funding/schemas";
import { refreshOnConflict } from "@/lib/form-action";

export async function updateFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await updateFundingLine(await getViewer(), values.id ?? "", values));
  return toFormState(result, values, {
    success: "Ligne de financement enregistrée.",
    successValues: (line) => ({ ...fundingLineFormValues(line), departmentCode: values.departmentCode ?? "" }),
    conflict: keepTypedOnCurrentVersion,
    // A missing version has no field to show its error next to: it becomes the form's message.
    failureMessage: (failure) => (failure.code === "invalid" && failure.fieldErrors.version ? failure.fieldErrors.version.join(" ") : failure.message),
  });
}
