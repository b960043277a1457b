import { OUTAGE_MESSAGE } from "@/lib/health/outage-messages";
import { isDatabaseReachable } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await isDatabaseReachable();
  return Response.json(
    database ? { status: "ok", database } : { status: "degraded", database, message: OUTAGE_MESSAGE },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
