"use server";

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";
import { deleteFundingLine } from "@/lib/funding/mutations";
import { refreshOnConflict } from "@/lib/form-action";

export async function deleteFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = refreshOnConflict(await deleteFundingLine(await getViewer(), values.id ?? "", values.version));
  if (!result.ok) {
    const state = toFormState(result, values, { success: "", conflict: () => ({ message: `${result.message} La ligne n'a pas été supprimée.` }) });
    return { status: state.status, message: state.message, stamp: state.stamp };
  }
  redirect(`/espace/departements/${encodeURIComponent(values.departmentCode ?? "")}/financements?supprimee=1`);
}
