import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeadlinesList } from "@/components/reports/deadlines-list";
import { ReportDiff, ReportFigures } from "@/components/reports/report-figures";
import { DeadlineForm, DecisionForm, DueDateForm, NarrativeForm } from "@/components/reports/report-forms";
import { OverdueBadge, ReportStatusBadge, ReportSteps } from "@/components/reports/report-status";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { formatDate, formatParisDateTime } from "@/lib/core/format";
import { getReportView } from "@/lib/reports/queries";
import { DECISION_LABELS, REPORT_PARTY_LABELS, REPORT_PARTY_NAMES, YearSchema, type ApprovingParty } from "@/lib/reports/schemas";
import { canEditNarrative, nextStepText, reportSteps } from "@/lib/reports/workflow";
import { addDeadlineForm } from "./add-deadline-form";
import { decideReportForm } from "./decide-report-form";
import { saveNarrativeForm } from "./save-narrative-form";
import { setDueDateForm } from "./set-due-date-form";
import { submitReportForm } from "./submit-report-form";

export const metadata: Metadata = { title: "Rapport d'exécution" };

type Props = { params: Promise<{ code: string; year: string }> };

export default async function ReportPage({ params }: Props) {
  const viewer = await requireUser();
  const { code, year: yearParam } = await params;
  const year = YearSchema.safeParse(yearParam);
  if (!year.success) notFound();
  const r = await getReportView(viewer, code, year.data);
  if (!r) notFound();
  const hidden = { contractId: r.contractId, year: String(r.year), version: String(r.version) };
  const writing = canEditNarrative(r.status);
  const base = `/api/reports/${r.contractId}/${r.year}`;
  // The approving parties this viewer speaks for, and those of them still expected to decide.
  const myParties: ApprovingParty[] = [...(r.allowed.approveState ? (["STATE"] as const) : []), ...(r.allowed.approveArs ? (["ARS"] as const) : [])];
  const myTurn = r.status === "SUBMITTED" ? myParties.filter((p) => r.toAct.includes(p)) : [];
  const departmentTurn = writing && r.allowed.edit;
  const sentBack = r.status === "SENT_BACK" ? r.approvals.findLast((a) => a.decision === "SENT_BACK") : undefined;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">
          <Link href={`/espace/departements/${code}/rapports`} className="text-marianne underline">
            Rapports d&apos;exécution
          </Link>{" "}
          › {r.year}
        </p>
        <h1 className="text-3xl font-bold">
          Rapport d&apos;exécution {r.year} — {r.department.name} ({r.department.code})
        </h1>
      </div>
      <DepartmentNav code={code} current="/rapports" />

      <section aria-labelledby="etat" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="etat" className="text-xl font-semibold">
          Où en est le rapport
        </h2>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-lg">
          <ReportStatusBadge status={r.status} large />
          {r.adoptedAt ? <span>le {formatDate(r.adoptedAt)}</span> : r.status === "SUBMITTED" && r.submittedAt ? <span className="text-base">depuis le {formatParisDateTime(r.submittedAt)}</span> : null}
        </p>
        <p className="mt-2 font-medium" data-testid="prochaine-etape">
          {nextStepText(r.status, r.toAct)}
        </p>
        {myTurn.length || departmentTurn ? (
          <p className="mt-2 rounded border-l-4 border-marianne bg-marianne-light p-3">
            <strong>À vous d&apos;agir</strong> :{" "}
            {myTurn.length ? (
              <a href="#decision" className="text-marianne underline">
                donner la décision de {myTurn.map((p) => REPORT_PARTY_NAMES[p]).join(" et de ")}
              </a>
            ) : (
              <a href="#recit" className="text-marianne underline">
                {r.allowed.submit ? "compléter le texte du rapport et le soumettre" : "compléter le texte du rapport"}
              </a>
            )}
            .
          </p>
        ) : null}
        {sentBack ? (
          <div className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
            <p className="font-medium">
              Renvoyé par {REPORT_PARTY_NAMES[sentBack.party]} ({sentBack.userName}) le {formatParisDateTime(sentBack.at)} :
            </p>
            <p className="mt-1 whitespace-pre-line">« {sentBack.comment} »</p>
          </div>
        ) : null}
        <ReportSteps steps={reportSteps(r.status, r.toAct)} />
        <p className="mt-3">
          Date limite d&apos;adoption : {formatDate(r.deadline.dueOn)}
          {r.deadline.overdue ? <OverdueBadge /> : null}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {r.frozen
            ? `Chiffres figés le ${formatParisDateTime(r.figures.takenAt)} : les modifications ultérieures des fiches action et des financements ne les changent pas.`
            : "Chiffres provisoires, calculés à partir des données du jour ; ils seront figés à la soumission."}
        </p>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm" aria-label="Sorties du rapport">
          <li>
            <Link href={`/espace/departements/${code}/rapports/${r.year}/imprimer`} className="text-marianne underline">
              Version imprimable
            </Link>
          </li>
          <li>
            <a href={`${base}/pdf`} className="text-marianne underline">
              Télécharger le PDF
            </a>
          </li>
          <li>
            <a href={`${base}/csv`} className="text-marianne underline">
              Tableaux en CSV
            </a>
          </li>
        </ul>
      </section>

      {r.status === "SUBMITTED" && myParties.length ? (
        <section id="decision" aria-labelledby="decision-titre" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="decision-titre" className="text-xl font-semibold">
            Décision de {myParties.map((p) => REPORT_PARTY_NAMES[p]).join(" et de ")}
          </h2>
          <div className="mt-3 space-y-6">
            {myTurn.map((p) => (
              <DecisionForm key={p} action={decideReportForm} hidden={{ ...hidden, party: p }} partyName={REPORT_PARTY_NAMES[p]} />
            ))}
            {myTurn.length === 0 ? <p>Votre approbation est enregistrée ; l&apos;autre signataire doit encore se prononcer.</p> : null}
          </div>
        </section>
      ) : null}

      <section id="recit" aria-labelledby="recit-titre" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="recit-titre" className="text-xl font-semibold">
          Texte du département
        </h2>
        <div className="mt-3">
          {departmentTurn ? (
            <NarrativeForm
              save={saveNarrativeForm}
              submit={r.allowed.submit ? submitReportForm : undefined}
              hidden={hidden}
              initial={{ highlights: r.narrative.highlights ?? "", difficulties: r.narrative.difficulties ?? "", outlook: r.narrative.outlook ?? "" }}
            />
          ) : (
            <dl className="space-y-3">
              {(
                [
                  ["Faits marquants", r.narrative.highlights],
                  ["Difficultés rencontrées", r.narrative.difficulties],
                  ["Perspectives", r.narrative.outlook],
                ] as const
              ).map(([label, text]) => (
                <div key={label}>
                  <dt className="font-medium">{label}</dt>
                  <dd className="whitespace-pre-line">{text ?? <em className="text-slate-700">Non renseigné.</em>}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </section>

      <section aria-labelledby="chiffres" className="space-y-3">
        <h2 id="chiffres" className="text-xl font-semibold">
          Chiffres de l&apos;année {r.year}
        </h2>
        <ReportFigures figures={r.figures} />
      </section>

      <section aria-labelledby="evolution" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="evolution" className="text-xl font-semibold">
          {r.diff ? `Ce qui a changé depuis le rapport ${r.diff.sinceYear} adopté` : "Ce qui a changé depuis le dernier rapport adopté"}
        </h2>
        <div className="mt-3">{r.diff ? <ReportDiff diff={r.diff} year={r.year} /> : <p className="text-sm">Aucun rapport d&apos;une année précédente de ce contrat n&apos;est encore adopté : pas de comparaison.</p>}</div>
      </section>

      <section aria-labelledby="validations">
        <h2 id="validations" className="text-xl font-semibold">
          Historique des décisions
        </h2>
        {r.approvals.length === 0 ? (
          <p className="mt-2">Aucune décision pour l&apos;instant.</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {r.approvals.map((a, i) => (
              <li key={i} className="rounded border border-slate-200 bg-white p-3">
                <span className="font-medium">{REPORT_PARTY_LABELS[a.party]}</span> ({a.userName}), le {formatParisDateTime(a.at)} : {DECISION_LABELS[a.decision]}
                {a.comment ? <p className="mt-1 whitespace-pre-line">« {a.comment} »</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="echeances" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="echeances" className="text-xl font-semibold">
          Échéances du contrat
        </h2>
        <DeadlinesList deadlines={r.deadlines} />
        {r.allowed.admin ? (
          <div className="mt-4 grid gap-6 border-t border-slate-200 pt-4 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">Date limite du rapport {r.year}</h3>
              <p className="text-sm text-slate-700">Par défaut le 30 juin de l&apos;année suivante ; réservé aux administrateurs.</p>
              <DueDateForm action={setDueDateForm} hidden={hidden} dueOn={r.deadline.dueOn} />
            </div>
            <div>
              <h3 className="font-semibold">Nouvelle échéance</h3>
              <DeadlineForm action={addDeadlineForm} hidden={{ contractId: r.contractId }} />
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
