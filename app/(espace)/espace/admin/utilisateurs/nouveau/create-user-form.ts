"use server";

import { redirect } from "next/navigation";
import { createUser } from "@/lib/admin/users/mutations";
import { getViewer } from "@/lib/auth/web";
import { formValues, toFormState, type FormState } from "@/lib/forms";

export async function createUserForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = formValues(formData);
  const result = await createUser(await getViewer(), input);
  // What was typed comes back, except the password: it is never sent back to the browser.
  const values = Object.fromEntries(Object.entries(input).filter(([name]) => name !== "password"));
  if (!result.ok) return toFormState(result, values, { success: "" });
  redirect(`/espace/admin/utilisateurs/${result.value.id}?cree=1`);
}
