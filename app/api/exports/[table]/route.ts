import { getViewer } from "@/lib/auth/web";
import { buildExport, tableToCsv, tableToXlsx } from "@/lib/oversight/exports";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/exports/contrats?portee=national&format=csv (or xlsx), with the view's filters. */
async function get(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") return Response.json({ error: "Format inconnu : csv ou xlsx." }, { status: 400 });
  const result = await buildExport(await getViewer(), table, url.searchParams);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status, headers: { "Cache-Control": "no-store" } });
  const headers = {
    "Content-Disposition": `attachment; filename="${result.filename}.${format}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv") return new Response(tableToCsv(result.table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await tableToXlsx(result.table);
  return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": XLSX } });
}

export const GET = answerOutage(get);
