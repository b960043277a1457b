import type { Metadata } from "next";
import { PasswordForm } from "@/components/forms/password-form";
import { requireUser } from "@/lib/auth/web";
import { CalendarTokenForm } from "@/components/reports/report-forms";
import { hasCalendarToken } from "@/lib/reports/calendar";
import { calendarTokenForm } from "./calendar-token-form";
import { changePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const viewer = await requireUser();
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Mon compte</h1>
      <p>
        {viewer.user.displayName} — {viewer.user.email}
      </p>
      <section aria-labelledby="mdp" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="mdp" className="text-xl font-semibold">
          Changer de mot de passe
        </h2>
        <p className="mt-1 text-sm text-slate-700">Toutes vos autres sessions seront fermées.</p>
        <div className="mt-4">
          <PasswordForm action={changePasswordForm} />
        </div>
      </section>
      <section aria-labelledby="agenda" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="agenda" className="text-xl font-semibold">
          Échéances dans votre agenda
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Un lien secret et personnel (format iCalendar) : rapports d&apos;exécution, avenants et échéances des contrats que vous suivez. Ne le partagez pas ; générez-en un
          nouveau s&apos;il a circulé.
        </p>
        <div className="mt-4">
          <CalendarTokenForm action={calendarTokenForm} hasToken={await hasCalendarToken(viewer)} />
        </div>
      </section>
    </div>
  );
}
