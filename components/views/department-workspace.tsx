import Link from "next/link";
import { notFound } from "next/navigation";
import { Comments } from "@/components/comments/comments";
import { AlertsList } from "@/components/oversight/alerts-list";
import { ExportLinks } from "@/components/oversight/export-links";
import { ActionScheduleHeaders, actionScheduleText } from "@/components/actions/action-schedule-cells";
import { CompactRows, type CompactColumn, type CompactRow } from "@/components/ui/compact-rows";
import { HistoryList } from "@/components/history/history-list";
import { ContractSection, WorkspaceHeader } from "@/components/workspace/workspace-header";
import type { Viewer } from "@/lib/auth/permissions";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";
import { formatDate, formatEurosCompact } from "@/lib/core/format";
import { listContractComments } from "@/lib/comments/queries";
import { summarizeAlerts } from "@/lib/oversight/alerts";
import { ALERTS_SHOWN, listDepartmentAlerts } from "@/lib/oversight/queries";
import { countOverdueReports } from "@/lib/reports/queries";
import { getWorkspaceDepartment } from "@/lib/workspace/queries";
import { addCommentForm } from "../../app/(espace)/espace/departements/[code]/add-comment-form";
import { DATA_TABLE } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

/** Title (a link whose id names the row's progress bar), calendar, status badges, progress. */
const ACTION_COLUMNS = [["ai", "font-medium"], ["t", "nw"], ["st"], ["pb"]] as const satisfies readonly CompactColumn[];

/** Entries of « Activité récente » on the dashboard; the history page lists the rest. */
const ACTIVITY_ON_DASHBOARD = 5;

/**
 * A department's workspace for a viewer: rendered per request by the page, and once per set of roles by
 * the page cache (app/vues-en-cache/, lib/page-cache/), which gives it a stand-in viewer with the same
 * roles and no identity. Nothing here may depend on who the viewer is beyond their roles.
 */
export async function DepartmentWorkspace({ viewer, code, archivee }: { viewer: Viewer; code: string; archivee?: string }) {
  // One more than shown: whether the full history has more to say.
  const workspace = await getWorkspaceDepartment(viewer, code, undefined, ACTIVITY_ON_DASHBOARD + 1);
  if (!workspace) notFound();
  const { dashboard, permissions } = workspace;
  const contract = dashboard.contract;
  const [comments, alerts, overdueReports] = await Promise.all([
    contract ? listContractComments(viewer, workspace.territory, contract.id) : [],
    listDepartmentAlerts(viewer, code),
    countOverdueReports(viewer, code),
  ]);

  return (
    <div className="space-y-6">
      <WorkspaceHeader department={dashboard.department} current="" />
      {overdueReports ? <p role="status" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900"><Link href={`/espace/departements/${code}/rapports`} className="underline">{overdueReports} rapport{overdueReports > 1 ? "s" : ""} d&apos;exécution en retard</Link></p> : null}
      {archivee ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Fiche action {archivee} archivée.
        </p>
      ) : null}
      {!contract ? (
        <p className="rounded bg-white p-4">Aucun contrat pour ce département.</p>
      ) : (
        <>
          <ContractSection contract={contract}>
            <p className="mt-1 text-slate-700">
              {CONTRACT_STATUS_LABELS[contract.status]} · du {formatDate(contract.periodStart)} au {formatDate(contract.periodEnd)} ·{" "}
              {contract.amounts.map((a) => `${a.party === "STATE" ? "État" : a.party === "ARS" ? "ARS" : a.party === "DEPARTMENT" ? "Département" : "Autres"} ${formatEurosCompact(a.amountCents)}`).join(" · ")}
            </p>
          </ContractSection>
          <section aria-labelledby="fiches" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="fiches" className="text-xl font-semibold">
                Fiches action ({contract.actions.length})
              </h2>
              {permissions.editActions ? (
                <Link href={`/espace/departements/${code}/actions/nouvelle`} className="rounded bg-marianne px-4 py-2 text-white hover:bg-blue-900">
                  Ajouter une fiche action
                </Link>
              ) : null}
            </div>
            <TableScroll label="Fiches action" className="rounded-lg border border-slate-200 bg-white">
              <table className={DATA_TABLE}>
                <caption className="sr-only">Fiches action du contrat, à mettre à jour</caption>
                <thead>
                  <tr>
                    <th scope="col">Fiche action</th>
                    <ActionScheduleHeaders />
                  </tr>
                </thead>
                {/* Each row as the texts it shows, drawn by a client component: sent once (props), not twice (HTML and RSC tree). */}
                <CompactRows
                  base={`/espace/departements/${code}/actions/`}
                  columns={ACTION_COLUMNS}
                  rows={contract.actions.map((a): CompactRow<typeof ACTION_COLUMNS> => [[`${a.reference} — ${a.title}`, a.id], actionScheduleText(a), [a.status, a.isLate ? 1 : 0], a.progress])}
                />
              </table>
            </TableScroll>
          </section>
        </>
      )}
      {contract && alerts ? (
        <section aria-labelledby="alertes" className="space-y-3">
          <h2 id="alertes" className="text-xl font-semibold">
            Alertes ({alerts.alerts.length})
          </h2>
          <p className="text-sm text-slate-700">
            Calculées à partir des données, jamais saisies : fiche en retard, sans mise à jour depuis 90 jours, engagé non versé depuis plus de 12 mois,
            taux de versement (versé ÷ notifié) à plus de 10 points sous la médiane nationale, indicateur en deçà de sa cible.
          </p>
          <AlertsList summary={summarizeAlerts(alerts.alerts, ALERTS_SHOWN)} caption={`Alertes de ${dashboard.department.name}`} />
          <ExportLinks table="alertes" scope={{ kind: "department", departmentCode: code }} />
        </section>
      ) : null}
      {contract ? (
        <section aria-labelledby="commentaires">
          <h2 id="commentaires" className="text-xl font-semibold">
            Commentaires internes
          </h2>
          <p className="text-sm text-slate-700">Échanges entre le département, l&apos;ARS et l&apos;État ; jamais publiés.</p>
          <div className="mt-3">
            <Comments comments={comments} contractId={contract.id} canComment={workspace.permissions.comment} action={addCommentForm} />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="activite">
        <h2 id="activite" className="text-xl font-semibold">
          Activité récente
        </h2>
        <div className="mt-3">
          <HistoryList items={workspace.activity.slice(0, ACTIVITY_ON_DASHBOARD)} showEntity compact />
        </div>
        {workspace.activity.length > ACTIVITY_ON_DASHBOARD ? (
          <p className="mt-2 text-sm">
            <Link href={`/espace/departements/${code}/historique`} className="text-marianne underline">
              Tout l&apos;historique du département
            </Link>{" "}
            (les {ACTIVITY_ON_DASHBOARD} modifications les plus récentes sont ci-dessus)
          </p>
        ) : null}
      </section>
    </div>
  );
}
