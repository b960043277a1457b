import { respondCollection } from "@/lib/opendata/http";

// Per request, from the cached public data (lib/opendata/cached.ts); never prerendered at build.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respondCollection(request, "financements");
}
