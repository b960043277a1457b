// The ledger against what was granted: each year's avenant (per funder) and the signed contract
// (per party). Pure: sums arrive already grouped by SQL, in integer cents; messages are French.
import { formatEuros } from "../core/format";
import {
  FUNDERS,
  FUNDER_LABELS,
  FUNDER_PARTY,
  FUNDING_PARTIES,
  PARTY_LABELS,
  STAGE_LABELS_LOWER,
  emptyStageTotals,
  type Funder,
  type FundingParty,
  type FundingStage,
  type StageTotals,
} from "./schemas";

export type LedgerSum = { year: number; funder: Funder; stage: FundingStage; amountCents: number };
export type ActionLedgerSum = LedgerSum & { actionId: string };

export type ReconciliationInput = {
  /** Ledger sums per year × funder × stage (every line of the contract). */
  byYearFunder: LedgerSum[];
  /** Ledger sums per action × year × funder × stage (lines attached to an action). */
  byAction?: ActionLedgerSum[];
  /** The avenants: one amount per year × funder; a year absent here has no avenant. */
  amendments: { year: number; funder: Funder; amountCents: number }[];
  /** Years that have an avenant, even one without any amount. */
  amendmentYears?: number[];
  /** The signed contract's amounts per party. */
  contractAmounts: { party: FundingParty; amountCents: number }[];
  actionLabels?: Record<string, string>;
};

export type WarningKind = "above_amendment" | "no_amendment" | "above_contract" | "paid_above_committed";

export type ReconciliationWarning = {
  kind: WarningKind;
  year: number | null;
  funder: Funder | null;
  party: FundingParty | null;
  actionId: string | null;
  stage: FundingStage;
  amountCents: number;
  limitCents: number;
  message: string;
};

export type YearFunderRow = StageTotals & { year: number; funder: Funder; grantedCents: number | null };
export type PartyRow = StageTotals & { party: FundingParty; contractCents: number | null };

export type Reconciliation = { byYearFunder: YearFunderRow[]; byParty: PartyRow[]; warnings: ReconciliationWarning[] };

/** Stages checked against what was granted: planned and notified amounts must stay within it. */
const GRANT_STAGES = ["PLANNED", "NOTIFIED"] as const;

const key = (...parts: (string | number)[]) => parts.join("|");

export function reconcileFunding(input: ReconciliationInput): Reconciliation {
  const warnings: ReconciliationWarning[] = [];
  const granted = new Map(input.amendments.map((a) => [key(a.year, a.funder), a.amountCents]));
  const amendmentYears = new Set([...(input.amendmentYears ?? []), ...input.amendments.map((a) => a.year)]);

  // Year × funder: the ledger's stages beside the avenant's amount.
  const cells = new Map<string, YearFunderRow>();
  const cell = (year: number, funder: Funder) => {
    const k = key(year, funder);
    if (!cells.has(k)) cells.set(k, { year, funder, grantedCents: granted.get(k) ?? null, ...emptyStageTotals() });
    return cells.get(k)!;
  };
  for (const a of input.amendments) cell(a.year, a.funder);
  for (const s of input.byYearFunder) cell(s.year, s.funder)[s.stage] += s.amountCents;
  const byYearFunder = [...cells.values()].sort((a, b) => a.year - b.year || FUNDERS.indexOf(a.funder) - FUNDERS.indexOf(b.funder));

  for (const row of byYearFunder) {
    const funder = FUNDER_LABELS[row.funder];
    for (const stage of GRANT_STAGES) {
      const amount = row[stage];
      if (amount <= 0) continue;
      const what = `Les lignes ${STAGE_LABELS_LOWER[stage].plural} en ${row.year} pour ${funder} (${formatEuros(amount)})`;
      const base = { year: row.year, funder: row.funder, party: null, actionId: null, stage, amountCents: amount };
      if (!amendmentYears.has(row.year)) {
        warnings.push({ ...base, kind: "no_amendment", limitCents: 0, message: `${what} ne reposent sur aucun avenant pour ${row.year}.` });
      } else if (amount > (row.grantedCents ?? 0)) {
        const limit = row.grantedCents ?? 0;
        const message =
          row.grantedCents === null
            ? `${what} dépassent le montant de l'avenant : l'avenant ${row.year} ne prévoit rien pour ce financeur.`
            : `${what} dépassent le montant de l'avenant (${formatEuros(limit)}).`;
        warnings.push({ ...base, kind: "above_amendment", limitCents: limit, message });
      }
    }
    if (row.PAID > row.COMMITTED) warnings.push(paidAboveCommitted(row, null, input.actionLabels));
  }

  // Party: the whole period's ledger against the signed contract.
  const contract = new Map(input.contractAmounts.map((a) => [a.party, a.amountCents]));
  const parties = new Map<FundingParty, PartyRow>();
  for (const row of byYearFunder) {
    const party = FUNDER_PARTY[row.funder];
    if (!parties.has(party)) parties.set(party, { party, contractCents: contract.get(party) ?? null, ...emptyStageTotals() });
    const p = parties.get(party)!;
    for (const stage of ["PLANNED", "NOTIFIED", "COMMITTED", "PAID"] as const) p[stage] += row[stage];
  }
  for (const [party, amountCents] of contract) if (!parties.has(party)) parties.set(party, { party, contractCents: amountCents, ...emptyStageTotals() });
  const byParty = FUNDING_PARTIES.flatMap((p) => (parties.has(p) ? [parties.get(p)!] : []));
  for (const row of byParty) {
    for (const stage of GRANT_STAGES) {
      const amount = row[stage];
      const limit = row.contractCents ?? 0;
      if (amount <= limit) continue;
      const what = `Les lignes ${STAGE_LABELS_LOWER[stage].plural} pour ${PARTY_LABELS[row.party]} sur la durée du contrat (${formatEuros(amount)})`;
      warnings.push({
        kind: "above_contract",
        year: null,
        funder: null,
        party: row.party,
        actionId: null,
        stage,
        amountCents: amount,
        limitCents: limit,
        message:
          row.contractCents === null
            ? `${what} dépassent le contrat, qui ne prévoit aucun montant pour cette partie.`
            : `${what} dépassent le montant du contrat (${formatEuros(limit)}).`,
      });
    }
  }

  // Action × year × funder: what is paid cannot exceed what is committed.
  const actionCells = new Map<string, StageTotals & { actionId: string; year: number; funder: Funder }>();
  for (const s of input.byAction ?? []) {
    const k = key(s.actionId, s.year, s.funder);
    if (!actionCells.has(k)) actionCells.set(k, { actionId: s.actionId, year: s.year, funder: s.funder, ...emptyStageTotals() });
    actionCells.get(k)![s.stage] += s.amountCents;
  }
  const actionRows = [...actionCells.values()].sort(
    (a, b) => (input.actionLabels?.[a.actionId] ?? a.actionId).localeCompare(input.actionLabels?.[b.actionId] ?? b.actionId) || a.year - b.year || FUNDERS.indexOf(a.funder) - FUNDERS.indexOf(b.funder),
  );
  for (const row of actionRows) if (row.PAID > row.COMMITTED) warnings.push(paidAboveCommitted(row, row.actionId, input.actionLabels));

  return { byYearFunder, byParty, warnings };
}

function paidAboveCommitted(row: StageTotals & { year: number; funder: Funder }, actionId: string | null, labels?: Record<string, string>): ReconciliationWarning {
  const who = actionId ? `${labels?.[actionId] ?? "Fiche action"} : en ${row.year}` : `En ${row.year}`;
  return {
    kind: "paid_above_committed",
    year: row.year,
    funder: row.funder,
    party: null,
    actionId,
    stage: "PAID",
    amountCents: row.PAID,
    limitCents: row.COMMITTED,
    message: `${who}, le versé pour ${FUNDER_LABELS[row.funder]} (${formatEuros(row.PAID)}) dépasse l'engagé (${formatEuros(row.COMMITTED)}).`,
  };
}
