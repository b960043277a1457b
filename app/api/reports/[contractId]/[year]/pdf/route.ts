import { getViewer } from "@/lib/auth/web";
import { renderReportHtml } from "@/lib/reports/document";
import { htmlToPdf } from "@/lib/reports/pdf";
import { getReportViewByContract } from "@/lib/reports/queries";
import { YearSchema } from "@/lib/reports/schemas";
import { answerOutage } from "@/lib/health/outage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ contractId: string; year: string }> };

async function get(_request: Request, { params }: Ctx) {
  const { contractId, year } = await params;
  const parsed = YearSchema.safeParse(year);
  const viewer = await getViewer();
  const view = parsed.success ? await getReportViewByContract(viewer, contractId, parsed.data) : null;
  if (!view) return new Response("Rapport introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pdf = await htmlToPdf(renderReportHtml(view), `Rapport d'exécution ${view.year} — ${view.department.name} (${view.department.code})`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="rapport-execution-${view.department.code}-${view.year}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const GET = answerOutage(get);
