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
} from "../../../lib/server/generated/prisma/enums";

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
};

export type FundingLineSeed = { actionReference: string | null; funder: Funder; year: number; stage: FundingStage; amount: Euros };
