import { getViewer } from "@/lib/auth/web";
import { reportCsv } from "@/lib/reports/document";
import { getReportViewByContract } from "@/lib/reports/queries";
import { YearSchema } from "@/lib/reports/schemas";
import { answerOutage } from "@/lib/health/outage";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ contractId: string; year: string }> };

async function get(_request: Request, { params }: Ctx) {
  const { contractId, year } = await params;
  const parsed = YearSchema.safeParse(year);
  const viewer = await getViewer();
  const view = parsed.success ? await getReportViewByContract(viewer, contractId, parsed.data) : null;
  if (!view) return new Response("Rapport introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(reportCsv(view.figures), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rapport-execution-${view.department.code}-${view.year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const GET = answerOutage(get);
