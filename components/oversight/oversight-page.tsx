import { DepartmentMap } from "@/components/map/department-map";
import { formatNumber, formatPercent } from "@/lib/core/format";
import { exportHref, type ExportScope } from "@/lib/oversight/export-tables";
import { MAP_MEASURE_LABELS, measureValue, oversightQuery, type OversightParams, type OversightSummary } from "@/lib/oversight/schemas";
import type { OverdueReportRow } from "@/lib/reports/schemas";
import { AlertsList } from "./alerts-list";
import { ContractsTable } from "./contracts-table";
import { ExportLinks } from "./export-links";
import { FiltersForm, MeasureForm } from "./filters-form";
import { OverdueReports } from "./overdue-reports";
import { PeersTable } from "./peers-table";
import { CommitmentsTable, FundersTable, TotalsCards } from "./summary-tables";

/** Alerts listed on the view (the counts per rule cover them all, the export lists them all). */
const ALERTS_ON_VIEW = 25;

function Section({ id, title, children, intro }: { id: string; title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

/** The national and the regional views: the same page over a different scope. */
export function OversightPage({ view, params, basePath, intro, overdueReports }: { view: OversightSummary; params: OversightParams; basePath: string; intro: React.ReactNode; overdueReports: OverdueReportRow[] }) {
  const scope: ExportScope = view.scope;
  const measureLabel = MAP_MEASURE_LABELS[params.measure];
  const names = Object.fromEntries(view.departments.map((d) => [d.code, d.name]));
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-700">Pilotage</p>
        <h1 className="text-3xl font-bold">{view.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{intro}</p>
        <p className="mt-1 text-sm text-slate-700">
          Taux de versement = montants versés ÷ montants notifiés (accordés), en pourcentage. Une fiche action est en retard quand sa date de fin est passée
          sans qu&apos;elle soit réalisée (ni abandonnée). Données calculées au {view.today.split("-").reverse().join("/")}.
        </p>
      </div>
      <FiltersForm action={basePath} params={params} options={view.options} showRegion={view.scope.kind === "national"} />
      <Section id="synthese" title="Synthèse">
        <TotalsCards totals={view.totals} alertCount={view.alerts.total} />
      </Section>
      <Section id="carte" title="Carte">
        <MeasureForm action={basePath} params={params} />
        <DepartmentMap
          departments={view.departments.map((d) => ({
            code: d.code,
            name: d.name,
            regionName: d.regionName,
            value: measureValue(d, params.measure),
            href: `/espace/departements/${d.code}`,
          }))}
          measureLabel={measureLabel}
          kind={params.measure === "alertes" ? "count" : "percent"}
          format={params.measure === "alertes" ? (v) => `${formatNumber(v)} alerte${v > 1 ? "s" : ""}` : (v) => formatPercent(v)}
          outOfScopeLabel={view.scope.kind === "region" ? "Hors de la région (non affiché)" : undefined}
          zoomToScope={view.scope.kind === "region"}
          tablePage={params.mapPage}
          tablePageHref={(p) => `${basePath}${oversightQuery(params, { mapPage: p })}#carte-tableau`}
          exportNote={
            <>
              Les valeurs des cinq mesures pour tous les départements :{" "}
              <a href={exportHref("departements", scope, "csv", params)} className="text-marianne underline" download>
                export CSV de la comparaison avec la médiane nationale
              </a>
              .
            </>
          }
        />
      </Section>
      <Section
        id="pairs"
        title="Comparaison avec la médiane nationale"
        intro="Médiane calculée sur les départements sous contrat de tout le pays (contrats publiés, et ceux de votre périmètre), avec les mêmes filtres de cadre, de vague et d'année."
      >
        <PeersTable departments={view.departments} medians={view.medians} page={params.departmentPage} pageHref={(p) => `${basePath}${oversightQuery(params, { departmentPage: p })}#pairs`} />
        <ExportLinks table="departements" scope={scope} params={params} />
      </Section>
      <Section id="alertes" title={`Alertes (${formatNumber(view.alerts.total)})`} intro="Calculées à partir des données, jamais saisies.">
        <AlertsList summary={{ ...view.alerts, first: view.alerts.first.slice(0, ALERTS_ON_VIEW) }} departmentNames={names} caption="Alertes de la sélection, par département" />
        <ExportLinks table="alertes" scope={scope} params={params} />
      </Section>
      <OverdueReports rows={overdueReports} page={params.reportPage} pageHref={(p) => `${basePath}${oversightQuery(params, { reportPage: p })}#rapports-en-retard`} />
      <Section id="contrats" title="Contrats">
        <ContractsTable rows={view.contracts} params={params} basePath={basePath} />
        <ExportLinks table="contrats" scope={scope} params={params} />
      </Section>
      <Section id="engagements" title="Avancement par engagement">
        <CommitmentsTable rows={view.commitments} />
        <ExportLinks table="engagements" scope={scope} params={params} />
      </Section>
      <Section id="financeurs" title="Financements par financeur">
        <FundersTable rows={view.funders} />
        <ExportLinks table="financeurs" scope={scope} params={params} />
      </Section>
    </div>
  );
}
