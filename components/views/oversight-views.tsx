import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/permissions";
import { getOversightSummary } from "@/lib/oversight/queries";
import type { OversightParams } from "@/lib/oversight/schemas";
import { listOverdueReports } from "@/lib/reports/queries";
import { OversightPage } from "../oversight/oversight-page";

// The national and the regional views for a viewer, as the workspace pages render them per request and as
// the page cache renders them once per reader (app/vues-en-cache/, lib/page-cache/).

export async function NationalView({ viewer, params }: { viewer: Viewer; params: OversightParams }) {
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

export async function RegionalView({ viewer, regionCode, params }: { viewer: Viewer; regionCode: string; params: OversightParams }) {
  // Null for an unknown region and for anyone who does not oversee it: the same 404 for both.
  const view = /^\d{2}$/.test(regionCode) ? await getOversightSummary(viewer, { kind: "region", regionCode }, params.filters) : null;
  if (!view) notFound();
  const overdue = await listOverdueReports(viewer, { regionCode });
  return (
    <OversightPage
      view={view}
      params={{ ...params, filters: view.filters }}
      basePath={`/espace/regions/${regionCode}`}
      overdueReports={overdue}
      intro="Les contrats des départements de la région : avancement, financements, comparaison avec la médiane nationale et alertes calculées."
    />
  );
}
