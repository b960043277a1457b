import { respondDocument } from "@/lib/opendata/http";
import { openApiDocument } from "@/lib/opendata/openapi";

// Generated from the zod schemas; no data, so it is computed once per request cheaply and cached by clients.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respondDocument(request, openApiDocument());
}
