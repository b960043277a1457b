import { respondItem } from "@/lib/opendata/http";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

async function get(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondItem(request, "contrats", (await params).id);
}

export const GET = answerOutage(get);
