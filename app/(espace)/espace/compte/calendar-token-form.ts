"use server";

import { headers } from "next/headers";
import { getViewer } from "@/lib/auth/web";
import { toFormState, type FormState } from "@/lib/forms";
import { regenerateCalendarToken } from "@/lib/reports/calendar";

export async function calendarTokenForm(): Promise<FormState> {
  const result = await regenerateCalendarToken(await getViewer());
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  // The link is shown once, in the form's values.
  return { ...toFormState(result, {}, { success: "Lien d'agenda généré.", successValues: ({ token }) => ({ url: `${origin}/api/calendar/${token}.ics` }) }), ...(result.ok ? {} : { values: undefined }) };
}
