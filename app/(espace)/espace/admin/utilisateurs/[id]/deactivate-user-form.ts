"use server";

import { revalidatePath } from "next/cache";
import { deactivateUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function deactivateUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await deactivateUser(await getViewer(), values.userId ?? "");
  const stamp = Date.now();
  if (!result.ok) return { status: "error", message: result.message, stamp };
  revalidatePath("/", "layout");
  const n = result.value.revokedSessions;
  return { status: "success", message: `Compte désactivé. ${n} session${n > 1 ? "s fermées" : " fermée"}.`, stamp };
}
