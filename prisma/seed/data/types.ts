// Shapes of the seed data: reference data (frameworks) and demo contracts.
// A sourced record (`isDemo: false`) carries its `sourceUrl`, the exact passage of the source that states
// its values (`sourceQuote`) and the day the source was read (`sourceCheckedOn`); the rest is `isDemo: true`
// ("donnée de démonstration"), possibly with the `sourceUrl` that inspired it.
import type {
  ActionStatus,
  ContractStatus,
  Funder,
  FundingParty,
  FundingStage,
  IndicatorDirection,
  IndicatorKind,
  ReportStatus,
} from "../../../lib/server/generated/prisma/enums";

/** A fact of a sourced record that no stored source states (a required text field, such as a signatory). */
export const NOT_STATED = "Non renseigné";

export type Provenance = { sourceUrl?: string; sourceQuote?: string; sourceCheckedOn?: string; isDemo: boolean };

export type IndicatorSeed = Provenance & {
  code: string; // unique within the framework, e.g. "O1-I1"
  label: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  unit: string; // "%", "jours", "nombre", "places", "€", "oui/non"
};

export type ObjectiveSeed = Provenance & {
  code: string; // unique within the framework, e.g. "O1"
  title: string;
  isMandatory: boolean;
  indicators: IndicatorSeed[]; // 1 to 3
};

export type CommitmentSeed = Provenance & {
  code: string; // "E1" … "E5"
  title: string;
  isCrossCutting?: boolean;
  objectives: ObjectiveSeed[];
};

export type FrameworkSeed = Provenance & {
  code: string; // "2020-2022"
  name: string;
  startYear: number;
  endYear: number;
  description: string;
  commitments: CommitmentSeed[];
};

/** Whole euros in seed files; stored as cents (BigInt). */
export type Euros = number;

export type ActionSeed = Provenance & {
  reference: string; // "FA-01"
  objectiveCode: string;
  title: string;
  purpose: string;
  targetPublic: string;
  lead: string;
  partners?: string;
  startDate: string; // ISO date
  endDate: string;
  status: ActionStatus;
  progress: number; // 0..100
  /** Share of the contract's money this action takes (weights are normalised across actions). */
  weight?: number;
};

export type ContextFigureSeed = Provenance & {
  year: number;
  childProtectionBudget?: Euros;
  childrenFollowedByAse?: number;
  disabilitySharePercent?: number;
  note?: string;
};

export type DemoContractSeed = Provenance & {
  departmentCode: string;
  frameworkCode: string;
  wave: number;
  status: ContractStatus;
  signedOn?: string;
  signedPlace?: string;
  periodStart: string;
  periodEnd: string;
  stateSignatory: string;
  arsSignatory: string;
  departmentSignatory: string;
  summary: string;
  /** The amounts the signed contract states for its whole period, per party. */
  amounts: (Provenance & { party: FundingParty; amount: Euros })[];
  /** Avenants whose per-funder amounts are known; other years are derived from `amounts` (demo). */
  amendments?: (Provenance & { year: number; number: number; signedOn?: string; note?: string; amounts: (Provenance & { funder: Funder; amount: Euros })[] })[];
  /** How a party's amount splits between its funders when the source does not say (demo). */
  funderSplit?: Partial<Record<Funder, number>>;
  actions: ActionSeed[];
  contextFigures: ContextFigureSeed[];
  /** Optional objectives the contract takes (the mandatory ones are always taken). */
  optionalObjectiveCodes: string[];
  /**
   * For a contract still running at the demo's date: the contract year under way. Its funding is only
   * partly committed and paid, later years are only planned, and indicators are measured for the years
   * before it only. Absent for a contract whose every year is over.
   */
  yearInProgress?: number;
  /** Signature dates (done or planned) of the demo avenants, by year: each makes an avenant deadline. */
  amendmentDates?: Partial<Record<number, string>>;
  /** Execution reports and their steps (demo); decisions are made by the named demo accounts. */
  reports?: ReportSeed[];
  /** Internal comments of demo accounts on the contract or one of its actions (demo). */
  comments?: CommentSeed[];
  /** Earlier edits of actions by demo accounts, kept in the history (demo). */
  actionHistory?: ActionHistorySeed[];
};

export type ReportSeed = {
  year: number;
  status: ReportStatus;
  highlights?: string;
  difficulties?: string;
  outlook?: string;
  /** The department's submission: its day, and its account when the demo has one for the department. */
  submitted?: { on: string; by?: string };
  /** The State's and the ARS's decisions after the submission, in order. */
  decisions?: { party: "STATE" | "ARS"; decision: "APPROVED" | "SENT_BACK"; by: string; on: string; comment?: string }[];
};

export type CommentSeed = { by: string; on: string; body: string; actionReference?: string };

export type ActionHistorySeed = {
  actionReference: string;
  by: string;
  on: string;
  before: { status: ActionStatus; progress: number };
};

export type FundingLineSeed = { actionReference: string | null; funder: Funder; year: number; stage: FundingStage; amount: Euros };
