"use server";

import { revalidatePath } from "next/cache";
import { removeRole } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function removeRoleForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await removeRole(await getViewer(), values.assignmentId ?? "");
  const stamp = Date.now();
  if (!result.ok) return { status: "error", message: result.message, stamp };
  revalidatePath("/", "layout");
  return { status: "success", message: "Rôle retiré.", stamp };
}
