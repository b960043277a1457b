import { respondItem } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondItem(request, "contrats", (await params).id);
}
