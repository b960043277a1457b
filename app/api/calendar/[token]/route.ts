import { calendarFeed } from "@/lib/reports/calendar";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

/** The personal deadlines feed; the token (".ics" suffix allowed) is the only credential. */
async function get(request: Request, { params }: Ctx) {
  const { token } = await params;
  // Behind a proxy, APP_URL says where the links of the events must point.
  const origin = process.env.APP_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const ics = await calendarFeed(token.replace(/\.ics$/, ""), origin);
  if (!ics) return new Response("Lien d'agenda inconnu.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="echeances.ics"', "Cache-Control": "private, no-store" },
  });
}

export const GET = answerOutage(get);
