import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FundingLineForm } from "@/components/funding/funding-line-form";
import { LedgerLinesTable } from "@/components/funding/ledger-lines-table";
import { ReconciliationPanel } from "@/components/funding/reconciliation-panel";
import { StageTotalsTable } from "@/components/funding/stage-totals-table";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { getFundingLedger } from "@/lib/funding/queries";
import { FUNDERS, FUNDER_LABELS, type Funder } from "@/lib/funding/schemas";
import { formatDate } from "@/lib/core/format";
import { addFundingLineForm } from "./add-funding-line-form";

export const metadata: Metadata = { title: "Financements" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ annee?: string; financeur?: string; supprimee?: string }> };

export default async function FundingLedgerPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const { annee, financeur, supprimee } = await searchParams;
  const year = annee && /^\d{4}$/.test(annee) ? Number(annee) : null;
  const funder = FUNDERS.includes(financeur as Funder) ? (financeur as Funder) : null;
  let ledger = await getFundingLedger(viewer, code, { year, funder });
  if (!ledger) notFound();
  // Hundreds of lines over a whole contract: open on its last year unless "Toutes" was chosen.
  const lastYear = ledger.contract?.years.at(-1);
  if (annee === undefined && lastYear && ledger.contract!.years.length > 1) {
    ledger = (await getFundingLedger(viewer, code, { year: lastYear, funder }))!;
  }
  const { contract, totals, canEdit } = ledger;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          {ledger.department.name} ({ledger.department.code}) — financements
        </h1>
      </div>
      <DepartmentNav code={code} current="/financements" />
      {supprimee ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Ligne de financement supprimée.
        </p>
      ) : null}
      {!contract ? (
        <p className="rounded bg-white p-4">Aucun contrat pour ce département.</p>
      ) : (
        <>
          <p className="text-slate-700">
            Plan de financement du contrat {contract.frameworkCode}, du {formatDate(contract.periodStart)} au {formatDate(contract.periodEnd)}. Montants en euros,
            par étape : prévu, notifié, engagé, versé.
            {canEdit ? null : " Consultation seule : seuls les éditeurs du département modifient ces lignes."}
          </p>
          <ReconciliationPanel reconciliation={ledger.reconciliation} />
          <section aria-labelledby="totaux" className="space-y-4">
            <h2 id="totaux" className="text-xl font-semibold">
              Totaux par étape
            </h2>
            <div className="grid gap-4">
              <StageTotalsTable
                caption="Par année"
                firstColumn="Année"
                rows={totals.byYear.map((y) => ({ ...y, key: String(y.year), label: String(y.year) }))}
                total={totals.totals}
              />
              <StageTotalsTable
                caption="Par financeur"
                firstColumn="Financeur"
                rows={totals.byFunder.map((f) => ({ ...f, key: f.funder, label: FUNDER_LABELS[f.funder] }))}
                total={totals.totals}
              />
            </div>
          </section>
          {canEdit ? (
            <section aria-labelledby="ajouter" className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="ajouter" className="text-xl font-semibold">
                Ajouter une ligne
              </h2>
              <div className="mt-4">
                <FundingLineForm
                  action={addFundingLineForm}
                  initial={{ contractId: contract.id, departmentCode: code, year: year ? String(year) : "", funder: funder ?? "" }}
                  actions={ledger.actions}
                  years={contract.years}
                  submitLabel="Ajouter la ligne"
                />
              </div>
            </section>
          ) : null}
          <LedgerLinesTable code={code} lines={ledger.lines} years={contract.years} filter={ledger.filter} canEdit={canEdit} />
        </>
      )}
    </div>
  );
}
