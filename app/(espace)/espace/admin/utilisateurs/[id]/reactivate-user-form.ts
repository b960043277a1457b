"use server";

import { revalidatePath } from "next/cache";
import { reactivateUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function reactivateUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await reactivateUser(await getViewer(), values.userId ?? "");
  const stamp = Date.now();
  if (!result.ok) return { status: "error", message: result.message, stamp };
  revalidatePath("/", "layout");
  return { status: "success", message: "Compte réactivé.", stamp };
}
