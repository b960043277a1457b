import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { getViewer } from "@/lib/auth/web";
import { signInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage() {
  if ((await getViewer()).kind === "user") redirect("/espace");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Connexion</h1>
      <p className="mt-2 text-slate-700">Espace réservé aux agents des départements, des ARS et de l&apos;État.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <SignInForm action={signInForm} />
      </div>
    </div>
  );
}
