import { respondItem } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return respondItem(request, "departements", (await params).code);
}
