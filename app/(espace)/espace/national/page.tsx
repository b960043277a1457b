import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OversightPage } from "@/components/oversight/oversight-page";
import { requirePermission } from "@/lib/auth/web";
import { getOversightSummary } from "@/lib/oversight/queries";
import { parseOversightParams } from "@/lib/oversight/schemas";
import { listOverdueReports } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Vue nationale" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NationalViewPage({ searchParams }: Props) {
  // National reach only: a department or regional role is sent back to its workspace.
  const viewer = await requirePermission("contract.read", null);
  const params = parseOversightParams(await searchParams);
  const [view, overdue] = await Promise.all([getOversightSummary(viewer, { kind: "national" }, params.filters), listOverdueReports(viewer, { regionCode: params.filters.region })]);
  if (!view) notFound();
  return (
    <OversightPage
      view={view}
      params={params}
      basePath="/espace/national"
      overdueReports={overdue}
      intro="Tous les contrats départementaux : avancement des fiches action, financements par financeur et par étape, comparaison de chaque département avec la médiane nationale et alertes calculées."
    />
  );
}
