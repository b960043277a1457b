import { respondCollection } from "@/lib/opendata/http";
import { answerOutage } from "@/lib/health/outage";

// Per request, from the cached public data (lib/opendata/cached.ts); never prerendered at build.
export const dynamic = "force-dynamic";

async function get(request: Request) {
  return respondCollection(request, "indicateurs");
}

export const GET = answerOutage(get);
