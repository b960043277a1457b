// What the database holds for one contract, as plain values: read once per table (context.ts), then
// used by validation and the plan without further queries. Client-safe types only.
import type { ActionEditValues } from "../actions/schemas";
import type { Funder, FundingStage } from "../funding/schemas";
import type { IndicatorKind } from "../indicators/schemas";

/** An action as the edit form knows it, with a flag for archived ones instead of the date (`updatedAt`: ISO instant of its last save). */
export type ExistingAction = Omit<ActionEditValues, "archivedAt"> & { archived: boolean };

export type ExistingFundingLine = { id: string; actionId: string | null; funder: Funder; year: number; stage: FundingStage; amountCents: bigint; version: number; updatedAt: string };

/** Decimal values as canonical text ("12.5"), as parseIndicatorNumber returns them. */
export type ExistingIndicatorValue = {
  id: string;
  indicatorId: string;
  year: number;
  baseline: string | null;
  target: string | null;
  actual: string | null;
  version: number;
  updatedAt: string;
};

export type ContractSnapshot = {
  contract: { id: string; departmentCode: string; regionCode: string; departmentName: string; label: string; years: number[] };
  objectives: { id: string; code: string }[];
  actions: ExistingAction[];
  fundingLines: ExistingFundingLine[];
  indicators: { id: string; code: string; label: string; unit: string; kind: IndicatorKind }[];
  indicatorValues: ExistingIndicatorValue[];
};
