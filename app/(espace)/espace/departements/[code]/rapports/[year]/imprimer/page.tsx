import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/reports/print-button";
import { requireUser } from "@/lib/auth/web";
import { REPORT_PRINT_CSS, renderReportBody } from "@/lib/reports/document";
import { getReportView } from "@/lib/reports/queries";
import { YearSchema } from "@/lib/reports/schemas";

export const metadata: Metadata = { title: "Rapport d'exécution — version imprimable" };

type Props = { params: Promise<{ code: string; year: string }> };

/** The same markup as the PDF (every value escaped in renderReportBody), with print CSS. */
export default async function PrintReportPage({ params }: Props) {
  const viewer = await requireUser();
  const { code, year: yearParam } = await params;
  const year = YearSchema.safeParse(yearParam);
  if (!year.success) notFound();
  const r = await getReportView(viewer, code, year.data);
  if (!r) notFound();
  // The page's CSP admits a <style> element only with the request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <div className="bg-white p-6">
      <style nonce={nonce}>{REPORT_PRINT_CSS}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-4 border-b border-slate-200 pb-4">
        <Link href={`/espace/departements/${code}/rapports/${r.year}`} className="text-marianne underline">
          Retour au rapport
        </Link>
        <PrintButton />
        <p className="text-sm text-slate-700">L&apos;en-tête et le pied du site ne sont pas imprimés.</p>
      </div>
      <div dangerouslySetInnerHTML={{ __html: renderReportBody(r) }} />
    </div>
  );
}
