import { getViewer } from "@/lib/auth/web";
import { exportSpreadsheet } from "@/lib/spreadsheet/service";
import { SHEET_KEYS, type SheetKey } from "@/lib/spreadsheet/template";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

/** GET /api/spreadsheet/77?format=xlsx (every table) or ?format=csv&table=actions|funding|indicators. */
async function get(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "xlsx";
  const table = url.searchParams.get("table") ?? "actions";
  if (format !== "csv" && format !== "xlsx") return Response.json({ error: "Format inconnu : xlsx ou csv." }, { status: 400 });
  if (!SHEET_KEYS.includes(table as SheetKey)) return Response.json({ error: "Table inconnue." }, { status: 400 });
  const result = await exportSpreadsheet(await getViewer(), code, format, table as SheetKey);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status, headers: { "Cache-Control": "no-store" } });
  return new Response(result.body as BodyInit, {
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const GET = answerOutage(get);
