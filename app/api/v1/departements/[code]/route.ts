import { respondItem } from "@/lib/opendata/http";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

async function get(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return respondItem(request, "departements", (await params).code);
}

export const GET = answerOutage(get);
