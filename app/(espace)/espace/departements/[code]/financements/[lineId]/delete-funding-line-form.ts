"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";
import { deleteFundingLine } from "@/lib/funding/mutations";

export async function deleteFundingLineForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await deleteFundingLine(await getViewer(), values.id ?? "", values.version);
  if (result.ok || result.code === "conflict") revalidatePath("/", "layout");
  if (!result.ok) {
    const message = result.code === "conflict" ? `${result.message} La ligne n'a pas été supprimée.` : result.message;
    return { status: result.code === "conflict" ? "conflict" : "error", message, stamp: Date.now() };
  }
  redirect(`/espace/departements/${encodeURIComponent(values.departmentCode ?? "")}/financements?supprimee=1`);
}
