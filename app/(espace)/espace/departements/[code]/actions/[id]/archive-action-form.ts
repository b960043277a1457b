"use server";

import { redirect } from "next/navigation";
import { archiveAction } from "@/lib/actions/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function archiveActionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await archiveAction(await getViewer(), values.id ?? "", values.version);
  if (!result.ok) return { status: result.code === "conflict" ? "conflict" : "error", message: result.message, stamp: Date.now() };
  redirect(`/espace/departements/${encodeURIComponent(values.departmentCode ?? "")}?archivee=${encodeURIComponent(result.value.reference)}`);
}
