import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFundingLineButton } from "@/components/funding/delete-funding-line-button";
import { FundingLineForm } from "@/components/funding/funding-line-form";
import { HistoryList } from "@/components/history/history-list";
import { requireUser } from "@/lib/auth/web";
import { getFundingLineForEdit } from "@/lib/funding/queries";
import { FUNDER_LABELS, STAGE_LABELS, fundingLineFormValues } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";
import { listEntityHistory } from "@/lib/history/queries";
import { deleteFundingLineForm } from "./delete-funding-line-form";
import { updateFundingLineForm } from "./update-funding-line-form";

export const metadata: Metadata = { title: "Ligne de financement" };

type Props = { params: Promise<{ code: string; lineId: string }> };

export default async function FundingLinePage({ params }: Props) {
  const viewer = await requireUser();
  const { code, lineId } = await params;
  const line = await getFundingLineForEdit(viewer, lineId);
  if (!line || line.department.code !== code) notFound();
  const history = await listEntityHistory(viewer, line.territory, "FundingLine", lineId);
  const { values } = line;
  const actionLabel = line.actions.find((a) => a.id === values.actionId)?.label ?? "Niveau du contrat";
  const ledger = `/espace/departements/${code}/financements`;

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href={`/espace/departements/${code}`} className="text-marianne underline">
          Espace {line.department.name}
        </Link>{" "}
        ›{" "}
        <Link href={ledger} className="text-marianne underline">
          Financements
        </Link>{" "}
        › Ligne de financement
      </nav>
      <h1 className="text-3xl font-bold">
        Ligne de financement — {FUNDER_LABELS[values.funder]}, {values.year}, {STAGE_LABELS[values.stage].toLowerCase()}
      </h1>
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="modifier" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="modifier" className="text-xl font-semibold">
            {line.canEdit ? "Modifier la ligne" : "Ligne"}
          </h2>
          <div className="mt-4">
            {line.canEdit ? (
              <FundingLineForm
                action={updateFundingLineForm}
                initial={{ ...fundingLineFormValues(values), departmentCode: code }}
                actions={line.actions}
                years={line.years}
                submitLabel="Enregistrer"
              />
            ) : (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
                <dt className="text-sm text-slate-700">Fiche action</dt>
                <dd>{actionLabel}</dd>
                <dt className="text-sm text-slate-700">Financeur</dt>
                <dd>{FUNDER_LABELS[values.funder]}</dd>
                <dt className="text-sm text-slate-700">Année</dt>
                <dd>{values.year}</dd>
                <dt className="text-sm text-slate-700">Étape</dt>
                <dd>{STAGE_LABELS[values.stage]}</dd>
                <dt className="text-sm text-slate-700">Montant</dt>
                <dd className="tabular">{formatEuros(values.amountCents)}</dd>
              </dl>
            )}
          </div>
          {line.canEdit ? (
            <div className="mt-8 border-t border-slate-200 pt-4">
              <DeleteFundingLineButton action={deleteFundingLineForm} id={values.id} version={String(values.version)} departmentCode={code} />
            </div>
          ) : null}
          <p className="mt-6">
            <Link href={`${ledger}?annee=${values.year}`} className="text-marianne underline">
              Retour aux lignes de {values.year}
            </Link>
          </p>
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
