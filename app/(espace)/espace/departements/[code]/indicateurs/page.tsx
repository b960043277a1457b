import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IndicatorBoardEditor } from "@/components/indicators/indicator-board-editor";
import { IndicatorTables } from "@/components/indicators/indicator-tables";
import { ContractSection, WorkspaceHeader } from "@/components/workspace/workspace-header";
import { requireUser } from "@/lib/auth/web";
import { formatDate, formatNumber } from "@/lib/core/format";
import { getIndicatorBoard } from "@/lib/indicators/queries";
import type { CommitmentIndicators } from "@/lib/indicators/schemas";
import { indicatorStatus } from "@/lib/indicators/status";
import { saveIndicatorValueForm } from "./save-indicator-value-form";

export const metadata: Metadata = { title: "Indicateurs du contrat" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ contrat?: string }> };

/** Of the indicators with a target and an actual value for the year, how many reached it. */
function yearSummary(commitments: CommitmentIndicators[], year: number) {
  const statuses = commitments
    .flatMap((c) => c.objectives.flatMap((o) => o.indicators))
    .flatMap((i) => i.years.filter((y) => y.year === year).map((y) => indicatorStatus({ ...y, kind: i.kind, direction: i.direction })));
  const judged = statuses.filter((s) => s === "met" || s === "improving" || s === "behind");
  return { indicators: statuses.length, judged: judged.length, met: judged.filter((s) => s === "met").length };
}

export default async function IndicatorsPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const { contrat } = await searchParams;
  const board = await getIndicatorBoard(viewer, code, contrat);
  if (!board) notFound();
  const { contract } = board;
  const lastYear = contract?.years[contract.years.length - 1];
  const summary = contract && lastYear ? yearSummary(board.commitments, lastYear) : null;

  return (
    <div className="space-y-6">
      <WorkspaceHeader department={board.department} current="/indicateurs" title="indicateurs" />
      {!contract ? (
        <p className="rounded bg-white p-4">Aucun contrat pour ce département.</p>
      ) : (
        <>
          <ContractSection contract={contract}>
            <p className="mt-1 text-slate-700">
              Du {formatDate(contract.periodStart)} au {formatDate(contract.periodEnd)} : valeur de référence, cible et réalisé de chaque indicateur des
              objectifs retenus, année par année.
            </p>
            {summary && lastYear ? (
              <p className="mt-2">
                En {lastYear} : {formatNumber(summary.met)} cible{summary.met > 1 ? "s" : ""} atteinte{summary.met > 1 ? "s" : ""} sur{" "}
                {formatNumber(summary.judged)} indicateur{summary.judged > 1 ? "s" : ""} ayant une cible et un réalisé ({formatNumber(summary.indicators)} suivis).
              </p>
            ) : null}
            {board.canEdit ? (
              <p className="mt-2 text-sm text-slate-700">
                Choisissez « Saisir » ou « Modifier » sur la ligne d&apos;une année pour enregistrer ses valeurs. Une valeur que vous enregistrez n&apos;est plus
                marquée « donnée de démonstration ».
              </p>
            ) : null}
            {board.otherContracts.length ? (
              <ul className="mt-2 text-sm">
                {board.otherContracts.map((c) => (
                  <li key={c.id}>
                    <Link href={`/espace/departements/${code}/indicateurs?contrat=${c.id}`} className="text-marianne underline">
                      Voir le contrat {c.frameworkCode} — vague {c.wave}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </ContractSection>
          {board.canEdit ? (
            <IndicatorBoardEditor commitments={board.commitments} contractId={contract.id} action={saveIndicatorValueForm} />
          ) : (
            <IndicatorTables commitments={board.commitments} />
          )}
        </>
      )}
    </div>
  );
}
