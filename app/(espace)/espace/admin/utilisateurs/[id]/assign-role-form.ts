"use server";

import { revalidatePath } from "next/cache";
import { assignRole } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function assignRoleForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await assignRole(await getViewer(), values.userId ?? "", values);
  const stamp = Date.now();
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp };
  revalidatePath("/", "layout");
  return { status: "success", message: "Rôle attribué.", stamp };
}
