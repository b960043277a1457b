// The report as one HTML document (escaped here), shared by the printable page and the PDF, and its
// tables as CSV. Pure: works from a ReportView-like input.
import { OPEN_DATA_CSV, centsCell, writeCsv, type CsvCell } from "../core/csv";
import { ACTION_STATUS_LABELS } from "../actions/schemas";
import { FUNDER_LABELS, FUNDING_STAGES, STAGE_LABELS } from "../funding/schemas";
import { formatDate, formatEuros, formatNumber, formatPercent } from "../core/format";
import { INDICATOR_STATUS_LABELS } from "../indicators/status";
import { indicatorDisplay } from "./snapshot";
import { DECISION_LABELS, REPORT_PARTY_LABELS, REPORT_STATUS_LABELS, type ApprovingParty, type ApprovalDecision, type Narrative, type ReportSnapshot, type ReportStatus } from "./schemas";

export type ReportDocumentInput = {
  year: number;
  status: ReportStatus;
  narrative: Narrative;
  figures: ReportSnapshot;
  frozen: boolean;
  adoptedAt: string | null;
  approvals: { party: ApprovingParty; decision: ApprovalDecision; comment: string | null; userName: string; at: string }[];
};

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const para = (text: string | null) => (text ? text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("") : "<p><em>Non renseigné.</em></p>");

export const REPORT_PRINT_CSS = `
.rapport{font-family:"DejaVu Sans",Arial,sans-serif;color:#111;font-size:11pt;line-height:1.4}
.rapport h1{font-size:18pt;font-weight:700;margin:0 0 4pt}.rapport h2{font-size:13pt;font-weight:700;margin:14pt 0 6pt;border-bottom:1px solid #999}
.rapport p{margin:0 0 6pt}.rapport ul{list-style:disc;padding-left:1.5em;margin:0 0 6pt}.rapport th{font-weight:700}
.rapport table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;page-break-inside:auto}
.rapport th,.rapport td{border:1px solid #bbb;padding:3pt 5pt;text-align:left;vertical-align:top}
.rapport td.n,.rapport th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.rapport tr{page-break-inside:avoid}.rapport .meta{color:#444}
@page{size:A4;margin:15mm}
@media print{header,nav,footer,.no-print{display:none !important}body{background:#fff}}
`;

/** The body of the report (no <html>): the same markup for the print page and the PDF. */
export function renderReportBody(r: ReportDocumentInput): string {
  const f = r.figures;
  const h: string[] = [];
  h.push(`<article class="rapport">`);
  h.push(`<h1>Rapport d'exécution ${r.year} — ${escapeHtml(f.department.name)} (${escapeHtml(f.department.code)})</h1>`);
  h.push(
    `<p class="meta">Contrat ${escapeHtml(f.contract.frameworkCode)}, vague ${f.contract.wave}, du ${formatDate(f.contract.periodStart)} au ${formatDate(f.contract.periodEnd)} · ${escapeHtml(REPORT_STATUS_LABELS[r.status])}${r.adoptedAt ? ` le ${formatDate(r.adoptedAt)}` : ""} · ${r.frozen ? `chiffres arrêtés le ${formatDate(f.takenAt)}` : "chiffres provisoires (données du jour)"}</p>`,
  );
  // The department's text first, as a report reads; the figures follow.
  h.push(`<h2>Faits marquants</h2>${para(r.narrative.highlights)}<h2>Difficultés rencontrées</h2>${para(r.narrative.difficulties)}<h2>Perspectives</h2>${para(r.narrative.outlook)}`);
  h.push(`<h2>Fiches action</h2><table><thead><tr><th>Fiche</th><th>Statut</th><th class="n">Avancement</th></tr></thead><tbody>`);
  for (const a of f.actions) h.push(`<tr><td>${escapeHtml(a.reference)} — ${escapeHtml(a.title)}</td><td>${ACTION_STATUS_LABELS[a.status]}${a.isLate ? " (en retard)" : ""}</td><td class="n">${a.progress} %</td></tr>`);
  h.push(`</tbody></table>`);
  h.push(`<h2>Financements ${r.year}</h2><table><thead><tr><th>Financeur</th>${FUNDING_STAGES.map((s) => `<th class="n">${STAGE_LABELS[s]}</th>`).join("")}</tr></thead><tbody>`);
  for (const row of f.funding) h.push(`<tr><td>${escapeHtml(FUNDER_LABELS[row.funder])}</td>${FUNDING_STAGES.map((s) => `<td class="n">${formatEuros(row[s])}</td>`).join("")}</tr>`);
  h.push(`<tr><th>Total</th>${FUNDING_STAGES.map((s) => `<th class="n">${formatEuros(f.fundingTotals[s])}</th>`).join("")}</tr></tbody></table>`);
  h.push(`<h2>Indicateurs ${r.year}</h2>`);
  if (f.indicators.length === 0) h.push(`<p><em>Aucune valeur saisie pour ${r.year}.</em></p>`);
  else {
    h.push(`<table><thead><tr><th>Indicateur</th><th class="n">Référence</th><th class="n">Cible</th><th class="n">Réalisé</th><th>Atteinte</th></tr></thead><tbody>`);
    for (const i of f.indicators) {
      const d = indicatorDisplay(i);
      h.push(`<tr><td>${escapeHtml(i.code)} — ${escapeHtml(i.label)}</td><td class="n">${escapeHtml(d.format(i.baseline))}</td><td class="n">${escapeHtml(d.format(i.target))}</td><td class="n">${escapeHtml(d.format(i.actual))}</td><td>${d.status ? INDICATOR_STATUS_LABELS[d.status] : "—"}</td></tr>`);
    }
    h.push(`</tbody></table>`);
  }
  h.push(`<h2>Chiffres de contexte ${r.year}</h2>`);
  h.push(
    f.context
      ? `<ul><li>Budget protection de l'enfance : ${f.context.childProtectionBudgetCents === null ? "—" : formatEuros(f.context.childProtectionBudgetCents)}</li><li>Enfants suivis par l'ASE : ${f.context.childrenFollowedByAse === null ? "—" : formatNumber(f.context.childrenFollowedByAse)}</li><li>Part en situation de handicap : ${f.context.disabilitySharePercent === null ? "—" : formatPercent(f.context.disabilitySharePercent)}</li></ul>`
      : `<p><em>Non renseignés.</em></p>`,
  );
  if (r.approvals.length) {
    h.push(`<h2>Décisions de l'État et de l'ARS</h2><ul>`);
    for (const a of r.approvals) h.push(`<li>${REPORT_PARTY_LABELS[a.party]} (${escapeHtml(a.userName)}), le ${formatDate(a.at)} : ${DECISION_LABELS[a.decision]}${a.comment ? ` — « ${escapeHtml(a.comment)} »` : ""}</li>`);
    h.push(`</ul>`);
  }
  h.push(`</article>`);
  return h.join("\n");
}

export function renderReportHtml(r: ReportDocumentInput): string {
  const title = `Rapport d'exécution ${r.year} — ${r.figures.department.name}`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_PRINT_CSS}</style></head><body>${renderReportBody(r)}</body></html>`;
}

/** Long format, one figure per row (RFC 4180, comma, amounts in euros with a dot, formula-like text defused): easy to pivot. */
export function reportCsv(f: ReportSnapshot): string {
  const rows: CsvCell[][] = [["tableau", "code", "libelle", "mesure", "valeur"]];
  for (const a of f.actions) {
    rows.push(["actions", a.reference, a.title, "statut", a.status], ["actions", a.reference, a.title, "avancement_pct", a.progress]);
  }
  for (const row of f.funding) for (const s of FUNDING_STAGES) rows.push(["financements", row.funder, FUNDER_LABELS[row.funder], s, centsCell(row[s])]);
  for (const s of FUNDING_STAGES) rows.push(["financements", "TOTAL", "Total", s, centsCell(f.fundingTotals[s])]);
  for (const i of f.indicators) {
    rows.push(["indicateurs", i.code, i.label, "cible", i.target], ["indicateurs", i.code, i.label, "realise", i.actual]);
  }
  if (f.context) {
    rows.push(
      ["contexte", "budget", "Budget protection de l'enfance", "euros", f.context.childProtectionBudgetCents === null ? null : centsCell(f.context.childProtectionBudgetCents)],
      ["contexte", "ase", "Enfants suivis par l'ASE", "nombre", f.context.childrenFollowedByAse],
      ["contexte", "handicap", "Part en situation de handicap", "pct", f.context.disabilitySharePercent],
    );
  }
  return writeCsv(rows, OPEN_DATA_CSV);
}
