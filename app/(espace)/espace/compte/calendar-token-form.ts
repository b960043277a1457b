"use server";

import { headers } from "next/headers";
import { getViewer } from "@/lib/auth/web";
import type { FormState } from "@/lib/forms";
import { regenerateCalendarToken } from "@/lib/reports/calendar";

export async function calendarTokenForm(): Promise<FormState> {
  const result = await regenerateCalendarToken(await getViewer());
  if (!result.ok) return { status: "error", message: result.message, stamp: Date.now() };
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  return { status: "success", message: "Lien d'agenda généré.", values: { url: `${origin}/api/calendar/${result.value.token}.ics` }, stamp: Date.now() };
}
