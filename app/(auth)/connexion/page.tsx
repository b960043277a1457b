import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { isOidcEnabled, oidcFailureMessage } from "@/lib/auth/oidc-config";
import { getViewer } from "@/lib/auth/web";
import { signInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Connexion" };

type Props = { searchParams: Promise<{ erreur?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  if ((await getViewer()).kind === "user") redirect("/espace");
  const failure = oidcFailureMessage((await searchParams).erreur);
  const proConnect = isOidcEnabled();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Connexion</h1>
      <p className="mt-2 text-slate-700">Espace réservé aux agents des départements, des ARS et de l&apos;État.</p>
      {failure ? (
        <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {failure}
        </p>
      ) : null}
      {proConnect ? (
        <section aria-labelledby="proconnect" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="proconnect" className="text-lg font-semibold">
            Avec votre compte d&apos;agent public
          </h2>
          {/* A link, not a form: the route handler redirects to the provider, and the CSP's form-action 'self'
              refuses a form whose answer leaves for another site. */}
          <a
            href="/connexion/proconnect"
            className="mt-3 block w-full rounded bg-marianne px-4 py-3 text-center font-semibold text-white hover:bg-blue-900 focus:outline-offset-4"
          >
            S&apos;identifier avec ProConnect
          </a>
          <p className="mt-2 text-sm">
            <a
              href="https://www.proconnect.gouv.fr/"
              target="_blank"
              rel="noopener noreferrer"
              title="Qu'est-ce que ProConnect ? — nouvelle fenêtre"
              className="text-marianne underline underline-offset-4"
            >
              Qu&apos;est-ce que ProConnect ?
            </a>
          </p>
        </section>
      ) : null}
      {proConnect ? (
        <p className="mt-6 text-center text-sm text-slate-700" aria-hidden="true">
          — ou —
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        {proConnect ? <h2 className="mb-4 text-lg font-semibold">Avec votre adresse et votre mot de passe</h2> : null}
        <SignInForm action={signInForm} />
      </div>
    </div>
  );
}
