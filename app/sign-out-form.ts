"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/mutations";
import { clearSessionCookie, getViewer } from "@/lib/auth/web";

export async function signOutForm() {
  await signOut(await getViewer());
  await clearSessionCookie();
  redirect("/");
}
