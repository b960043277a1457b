import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OversightPage } from "@/components/oversight/oversight-page";
import { requireUser } from "@/lib/auth/web";
import { getOversightSummary } from "@/lib/oversight/queries";
import { parseOversightParams } from "@/lib/oversight/schemas";
import { listOverdueReports } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Vue régionale" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegionalViewPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const query = parseOversightParams(await searchParams);
  // Null for an unknown region and for anyone who does not oversee it: the same 404 for both.
  const view = /^\d{2}$/.test(code) ? await getOversightSummary(viewer, { kind: "region", regionCode: code }, query.filters) : null;
  if (!view) notFound();
  const overdue = await listOverdueReports(viewer, { regionCode: code });
  return (
    <OversightPage
      view={view}
      params={{ ...query, filters: view.filters }}
      basePath={`/espace/regions/${code}`}
      overdueReports={overdue}
      intro="Les contrats des départements de la région : avancement, financements, comparaison avec la médiane nationale et alertes calculées."
    />
  );
}
