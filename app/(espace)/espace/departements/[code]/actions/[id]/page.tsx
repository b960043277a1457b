import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionEditor } from "@/components/actions/action-editor";
import { ArchiveButton } from "@/components/actions/archive-button";
import { HistoryList } from "@/components/history/history-list";
import { getActionForEdit } from "@/lib/actions/queries";
import { ACTION_STATUS_LABELS, actionFormValues } from "@/lib/actions/schemas";
import { requireUser } from "@/lib/auth/web";
import { listActionHistory } from "@/lib/history/queries";
import { archiveActionForm } from "./archive-action-form";
import { updateActionForm } from "./update-action-form";

export const metadata: Metadata = { title: "Fiche action" };

type Props = { params: Promise<{ code: string; id: string }>; searchParams: Promise<{ creee?: string }> };

export default async function ActionPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { code, id } = await params;
  const { creee } = await searchParams;
  const action = await getActionForEdit(viewer, id);
  if (!action || action.departmentCode !== code) notFound();
  const history = await listActionHistory(viewer, id);
  const initial = actionFormValues(action.values, action.contractId);

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href={`/espace/departements/${code}`} className="text-marianne underline">
          Espace {action.departmentName}
        </Link>{" "}
        › {action.values.reference}
      </nav>
      <h1 className="text-3xl font-bold">
        {action.values.reference} — {action.values.title}
      </h1>
      {creee ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Fiche action créée.
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="modifier" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="modifier" className="text-xl font-semibold">
            {action.canEdit && !action.values.archivedAt ? "Modifier la fiche action" : "Fiche action"}
          </h2>
          <div className="mt-4">
            {action.values.archivedAt ? <p className="mb-4 rounded bg-slate-100 p-3">Cette fiche action est archivée.</p> : null}
            {action.canEdit && !action.values.archivedAt ? (
              <ActionEditor action={updateActionForm} initial={initial} objectives={action.objectives} submitLabel="Enregistrer" />
            ) : (
              <dl className="space-y-2">
                <div>
                  <dt className="text-sm text-slate-700">Statut</dt>
                  <dd>{ACTION_STATUS_LABELS[action.values.status]}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">Avancement</dt>
                  <dd>{action.values.progress} %</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">Finalité</dt>
                  <dd>{action.values.purpose ?? "—"}</dd>
                </div>
              </dl>
            )}
          </div>
          {action.canEdit && !action.values.archivedAt ? (
            <div className="mt-8 border-t border-slate-200 pt-4">
              <ArchiveButton action={archiveActionForm} id={action.values.id} version={String(action.values.version)} departmentCode={code} />
            </div>
          ) : null}
        </section>
        <section aria-labelledby="historique">
          <h2 id="historique" className="text-xl font-semibold">
            Historique
          </h2>
          <div className="mt-4">
            <HistoryList items={history} />
          </div>
        </section>
      </div>
    </div>
  );
}
