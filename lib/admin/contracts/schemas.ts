// Administration of contracts and avenants: form schemas and DTOs (safe for the client).
// Amounts are typed in euros the French way and leave the schema as exact integer cents (bigint).
import { z } from "zod";
import { CONTRACT_STATUS_LABELS, type ContractStatus } from "../../contracts/schemas";
import { FUNDERS, FUNDER_LABELS, FUNDING_PARTIES, PARTY_LABELS, type Funder, type FundingParty } from "../../funding/schemas";
import { httpsUrlField, optionalDate, optionalText, requiredDate, requiredText, versionField, whenValid, yearField } from "../../core/fields";
import { centsToInput } from "../../core/money";
import { optionalEurosField } from "./money";

export const CONTRACT_STATUSES = ["DRAFT", "SIGNED", "ENDED"] as const satisfies readonly ContractStatus[];
export { CONTRACT_STATUS_LABELS, FUNDERS, FUNDER_LABELS, FUNDING_PARTIES, PARTY_LABELS, type ContractStatus };

/** Form field names of the amounts: one per party (contract) or per funder (avenant). */
export const partyField = (party: FundingParty) => `amount_${party}` as const;
export const funderField = (funder: Funder) => `amount_${funder}` as const;

const partyAmounts = Object.fromEntries(FUNDING_PARTIES.map((p) => [partyField(p), optionalEurosField])) as Record<
  `amount_${FundingParty}`,
  typeof optionalEurosField
>;
const funderAmounts = Object.fromEntries(FUNDERS.map((f) => [funderField(f), optionalEurosField])) as Record<`amount_${Funder}`, typeof optionalEurosField>;

/** The fields of a contract that can be edited after creation. */
const headerShape = {
  wave: yearField("Vague"),
  status: z.enum(CONTRACT_STATUSES, { error: "Choisissez un statut dans la liste." }),
  signedOn: optionalDate,
  signedPlace: optionalText(200),
  periodStart: requiredDate("Saisissez la date de début de la période."),
  periodEnd: requiredDate("Saisissez la date de fin de la période."),
  stateSignatory: requiredText("Signataire pour l'État", 200),
  arsSignatory: requiredText("Signataire pour l'ARS", 200),
  departmentSignatory: requiredText("Signataire pour le département", 200),
  summary: optionalText(4000),
  sourceUrl: httpsUrlField,
  ...partyAmounts,
};

type HeaderRuleFields = { periodStart: string; periodEnd: string; status: ContractStatus; signedOn: string | null };

function withHeaderRules<T extends z.ZodType<HeaderRuleFields>>(schema: T) {
  return schema
    .refine((v) => v.periodStart <= v.periodEnd, { path: ["periodEnd"], message: "La fin de la période doit suivre son début.", ...whenValid("periodStart", "periodEnd") })
    .refine((v) => !(v.status === "DRAFT" && v.signedOn), {
      path: ["status"],
      message: "Un contrat daté de sa signature ne peut pas être « en préparation ».",
      ...whenValid("status", "signedOn"),
    });
}

export const ContractHeaderSchema = withHeaderRules(z.object(headerShape));
export type ContractHeader = z.infer<typeof ContractHeaderSchema>;

/** Optional objectives ticked in the form: a list, or the form's comma-separated string. */
const idList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",") : v === undefined || v === null ? [] : v),
  z.array(z.string().trim()).transform((ids) => [...new Set(ids.filter(Boolean))]),
);

export const ContractCreateSchema = withHeaderRules(
  z.object({
    departmentCode: z.string({ error: "Choisissez un département." }).trim().min(1, "Choisissez un département."),
    frameworkId: z.string({ error: "Choisissez un cadre national." }).trim().min(1, "Choisissez un cadre national."),
    optionalObjectiveIds: idList,
    ...headerShape,
  }),
);
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

export const ContractVersionSchema = versionField;

export const AmendmentFieldsSchema = z.object({
  year: yearField("Année"),
  number: z.coerce
    .number({ error: "Saisissez le numéro de l'avenant." })
    .int("Saisissez un nombre entier.")
    .min(1, "Le numéro commence à 1.")
    .max(99, "Le numéro ne dépasse pas 99."),
  signedOn: optionalDate,
  note: optionalText(2000),
  sourceUrl: httpsUrlField,
  ...funderAmounts,
});
export type AmendmentFields = z.infer<typeof AmendmentFieldsSchema>;

// ───────── DTOs (JSON-safe: cents as numbers, dates as ISO strings) ─────────

export type ContractEditValues = {
  id: string;
  version: number;
  departmentCode: string;
  frameworkId: string;
  wave: number;
  status: ContractStatus;
  signedOn: string | null;
  signedPlace: string | null;
  periodStart: string;
  periodEnd: string;
  stateSignatory: string;
  arsSignatory: string;
  departmentSignatory: string;
  summary: string | null;
  sourceUrl: string | null;
  isDemo: boolean;
} & Record<`amount_${FundingParty}`, number | null>;

export type AmendmentEditValues = {
  id: string;
  contractId: string;
  version: number;
  year: number;
  number: number;
  signedOn: string | null;
  note: string | null;
  sourceUrl: string | null;
  isDemo: boolean;
} & Record<`amount_${Funder}`, number | null>;

export type AdminContractRow = {
  id: string;
  departmentCode: string;
  departmentName: string;
  frameworkCode: string;
  wave: number;
  status: ContractStatus;
  periodStart: string;
  periodEnd: string;
  totalCents: number;
  amendmentCount: number;
  isDemo: boolean;
};

export type AdminAmendmentRow = { id: string; year: number; number: number; signedOn: string | null; totalCents: number; isDemo: boolean };

export type FrameworkOption = {
  id: string;
  code: string;
  name: string;
  objectives: { id: string; code: string; title: string; isMandatory: boolean }[];
};

export type ContractFormOptions = { departments: { code: string; name: string }[]; frameworks: FrameworkOption[] };

const AMOUNT_KEY = /^amount_/;

/** Values as the form's strings: amounts in euros the French way, empty for none. */
export function toFormValues(values: Record<string, string | number | boolean | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      v === null || v === undefined ? "" : AMOUNT_KEY.test(k) && typeof v === "number" ? centsToInput(v) : String(v),
    ]),
  );
}
