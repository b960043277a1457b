import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history/history-list";
import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { requireUser } from "@/lib/auth/web";
import { formatNumber } from "@/lib/core/format";
import { getWorkspaceDepartment } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Historique du département" };

/** Changes listed here; the dashboard shows the first few and links here. */
const HISTORY_PAGE_SIZE = 100;

type Props = { params: Promise<{ code: string }> };

/** A department's recent changes, newest first: the dashboard's « Activité récente » in full. */
export default async function DepartmentHistoryPage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const workspace = await getWorkspaceDepartment(viewer, code, undefined, HISTORY_PAGE_SIZE);
  if (!workspace) notFound();
  const { activity, dashboard } = workspace;
  return (
    <div className="space-y-6">
      <WorkspaceHeader department={dashboard.department} current="/historique" title="Historique" />
      <section aria-labelledby="historique">
        <h2 id="historique" className="text-xl font-semibold">
          {activity.length < HISTORY_PAGE_SIZE ? `Toutes les modifications (${formatNumber(activity.length)})` : `Les ${formatNumber(HISTORY_PAGE_SIZE)} dernières modifications`}
        </h2>
        <p className="text-sm text-slate-700">
          Fiches action, financements, indicateurs, rapports et commentaires du département, la plus récente d&apos;abord. Chaque fiche action et chaque ligne de
          financement garde aussi son propre historique complet, sur sa page.
        </p>
        <div className="mt-3">
          <HistoryList items={activity} showEntity />
        </div>
      </section>
    </div>
  );
}
