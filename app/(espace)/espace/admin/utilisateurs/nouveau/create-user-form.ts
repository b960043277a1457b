"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, type FormState } from "@/lib/forms";

export async function createUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = formValues(formData);
  const result = await createUser(await getViewer(), input);
  if (!result.ok) {
    // What was typed comes back, except the password: it is never sent back to the browser.
    const values = { ...input };
    delete values.password;
    return { status: "error", message: result.message, fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined, values, stamp: Date.now() };
  }
  revalidatePath("/", "layout");
  redirect(`/espace/admin/utilisateurs/${result.value.id}?cree=1`);
}
