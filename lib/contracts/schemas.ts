// DTOs of contract views: plain JSON-safe data (money in integer cents, dates as ISO strings).
import type { ActionStatus } from "../actions/schemas";
import type { Funder, FundingParty, StageTotals } from "../funding/schemas";

export type ContractStatus = "DRAFT" | "SIGNED" | "ENDED";

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  DRAFT: "En préparation",
  SIGNED: "Signé, en cours",
  ENDED: "Terminé",
};

export type Provenance = { sourceUrl: string | null; isDemo: boolean };

export type PartyAmount = Provenance & { party: FundingParty; amountCents: number };

export type ContractSummary = Provenance & {
  id: string;
  departmentCode: string;
  departmentName: string;
  regionName: string;
  frameworkCode: string;
  frameworkName: string;
  wave: number;
  status: ContractStatus;
  signedOn: string | null;
  periodStart: string;
  periodEnd: string;
  amounts: PartyAmount[];
  totalCents: number;
  actionCount: number;
  averageProgress: number | null;
};

export type NationalTotals = {
  contractCount: number;
  departmentCount: number;
  byParty: { party: FundingParty; amountCents: number }[];
  totalCents: number;
};

export type CommitmentProgress = {
  code: string;
  title: string;
  isCrossCutting: boolean;
  actionCount: number;
  doneCount: number;
  averageProgress: number | null;
};

export type FundingByYear = { year: number } & StageTotals;
export type FundingByFunder = { funder: Funder } & StageTotals;

export type ActionRow = Provenance & {
  id: string;
  reference: string;
  title: string;
  purpose: string | null;
  objectiveCode: string | null;
  objectiveTitle: string | null;
  lead: string | null;
  partners: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ActionStatus;
  progress: number;
  isLate: boolean;
};

export type ContextFigureRow = Provenance & {
  year: number;
  childProtectionBudgetCents: number | null;
  childrenFollowedByAse: number | null;
  disabilitySharePercent: number | null;
  note: string | null;
};

export type ContractDetail = ContractSummary & {
  signedPlace: string | null;
  signatories: { state: string; ars: string; department: string };
  summary: string | null;
  commitments: CommitmentProgress[];
  fundingByYear: FundingByYear[];
  fundingByFunder: FundingByFunder[];
  fundingTotals: StageTotals;
  actions: ActionRow[];
};

export type DepartmentDashboard = {
  department: { code: string; name: string; regionCode: string; regionName: string; arsName: string; childProtectionBody: string };
  contract: ContractDetail | null;
  otherContracts: { id: string; frameworkName: string; wave: number; status: ContractStatus }[];
  contextFigures: ContextFigureRow[];
};
