import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportDiff, ReportFigures } from "@/components/reports/report-figures";
import { DeadlineForm, DecisionForm, DueDateForm, NarrativeForm, SubmitForm } from "@/components/reports/report-forms";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { formatDate, formatParisDateTime } from "@/lib/format";
import { getReportView } from "@/lib/reports/queries";
import { DEADLINE_KIND_LABELS, DECISION_LABELS, REPORT_PARTY_LABELS, REPORT_STATUS_LABELS, YearSchema } from "@/lib/reports/schemas";
import { canEditNarrative } from "@/lib/reports/workflow";
import { addDeadlineForm, decideReportForm, saveNarrativeForm, setDueDateForm, submitReportForm } from "./report-forms";

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

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">
          <Link href={`/espace/departements/${code}/rapports`} className="text-marianne underline">Rapports d&apos;exécution</Link> › {r.year}
        </p>
        <h1 className="text-3xl font-bold">Rapport d&apos;exécution {r.year} — {r.department.name}</h1>
      </div>
      <DepartmentNav code={code} current="/rapports" />

      <section aria-labelledby="etat" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="etat" className="text-xl font-semibold">Où en est le rapport</h2>
        <p className="mt-2 text-lg font-medium">{REPORT_STATUS_LABELS[r.status]}{r.adoptedAt ? ` le ${formatDate(r.adoptedAt)}` : ""}</p>
        <p>{r.toAct.length ? `À qui d'agir : ${r.toAct.map((p) => REPORT_PARTY_LABELS[p]).join(" et ")}.` : "Plus aucune action attendue."}</p>
        <p>
          Date limite d&apos;adoption : {formatDate(r.deadline.dueOn)}
          {r.deadline.overdue ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 font-medium text-red-900">En retard</span> : null}
        </p>
        <p className="mt-2 text-sm text-slate-700">
          {r.frozen ? `Chiffres figés le ${formatParisDateTime(r.figures.takenAt)} : les modifications ultérieures des fiches et des financements ne les changent pas.` : "Chiffres provisoires, calculés à partir des données du jour ; ils seront figés à la soumission."}
        </p>
        <ul className="mt-3 flex flex-wrap gap-3 text-sm">
          <li><Link href={`/espace/departements/${code}/rapports/${r.year}/imprimer`} className="text-marianne underline">Version imprimable</Link></li>
          <li><a href={`${base}/pdf`} className="text-marianne underline">Télécharger le PDF</a></li>
          <li><a href={`${base}/csv`} className="text-marianne underline">Tableaux en CSV</a></li>
        </ul>
      </section>

      {r.status === "SUBMITTED" && (r.allowed.approveState || r.allowed.approveArs) ? (
        <section aria-labelledby="decision" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="decision" className="text-xl font-semibold">Votre décision</h2>
          {r.allowed.approveState && r.toAct.includes("STATE") ? <DecisionForm action={decideReportForm} hidden={{ ...hidden, party: "STATE" }} partyLabel="l'État" /> : null}
          {r.allowed.approveArs && r.toAct.includes("ARS") ? <DecisionForm action={decideReportForm} hidden={{ ...hidden, party: "ARS" }} partyLabel="l'ARS" /> : null}
          {!r.toAct.some((p) => (p === "STATE" && r.allowed.approveState) || (p === "ARS" && r.allowed.approveArs)) ? <p>Votre approbation est enregistrée ; l&apos;autre signataire doit encore se prononcer.</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="recit" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="recit" className="text-xl font-semibold">Texte du département</h2>
        <div className="mt-3">
          {writing && r.allowed.edit ? (
            <NarrativeForm action={saveNarrativeForm} hidden={hidden} initial={{ highlights: r.narrative.highlights ?? "", difficulties: r.narrative.difficulties ?? "", outlook: r.narrative.outlook ?? "" }} />
          ) : (
            <dl className="space-y-3">
              {([["Faits marquants", r.narrative.highlights], ["Difficultés rencontrées", r.narrative.difficulties], ["Perspectives", r.narrative.outlook]] as const).map(([label, text]) => (
                <div key={label}><dt className="font-medium">{label}</dt><dd className="whitespace-pre-line">{text ?? "Non renseigné."}</dd></div>
              ))}
            </dl>
          )}
        </div>
        {writing && r.allowed.submit ? <div className="mt-6 border-t border-slate-200 pt-4"><SubmitForm action={submitReportForm} hidden={hidden} /></div> : null}
      </section>

      <section aria-labelledby="chiffres" className="space-y-3">
        <h2 id="chiffres" className="text-xl font-semibold">Chiffres de l&apos;année {r.year}</h2>
        <ReportFigures figures={r.figures} />
      </section>

      {r.diff ? (
        <section aria-labelledby="evolution" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="evolution" className="text-xl font-semibold">Ce qui a changé depuis le rapport {r.diff.sinceYear} adopté</h2>
          <div className="mt-3"><ReportDiff diff={r.diff} /></div>
        </section>
      ) : null}

      <section aria-labelledby="validations">
        <h2 id="validations" className="text-xl font-semibold">Historique des validations</h2>
        {r.approvals.length === 0 ? <p className="mt-2">Aucune décision pour l&apos;instant.</p> : (
          <ol className="mt-2 space-y-2">
            {r.approvals.map((a, i) => (
              <li key={i} className="rounded border border-slate-200 bg-white p-3">
                <span className="font-medium">{REPORT_PARTY_LABELS[a.party]}</span> ({a.userName}), {formatParisDateTime(a.at)} : {DECISION_LABELS[a.decision]}
                {a.comment ? <p className="mt-1 whitespace-pre-line">« {a.comment} »</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="echeances" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="echeances" className="text-xl font-semibold">Échéances du contrat</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {r.deadlines.map((d) => (
            <li key={d.id ?? `${d.kind}-${d.year}`}>
              {formatDate(d.dueOn)} — {DEADLINE_KIND_LABELS[d.kind]} : {d.label}
              {d.done ? " (fait)" : d.overdue ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 font-medium text-red-900">En retard</span> : null}
            </li>
          ))}
        </ul>
        {r.allowed.admin ? (
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            <div><h3 className="font-semibold">Date limite du rapport {r.year}</h3><DueDateForm action={setDueDateForm} hidden={hidden} dueOn={r.deadline.dueOn} /></div>
            <div><h3 className="font-semibold">Nouvelle échéance</h3><DeadlineForm action={addDeadlineForm} hidden={{ contractId: r.contractId }} /></div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
