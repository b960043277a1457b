// The collections of the open data API: their record schema, CSV columns, Table Schema, query
// parameters (French names and messages) and how each filter applies. Used by the route handlers, the
// OpenAPI document and the "Données ouvertes" page. Safe for the client (no data access here).
import { z } from "zod";
import { ACTION_STATUSES } from "../actions/schemas";
import { FUNDERS, FUNDING_STAGES, type Funder } from "../funding/schemas";
import {
  PUBLIC_CONTRACT_STATUSES,
  PublicActionSchema,
  PublicContextFigureSchema,
  PublicContractSchema,
  PublicDepartmentSchema,
  PublicFundingSchema,
  PublicIndicatorValueSchema,
  type PublicAction,
  type PublicContextFigure,
  type PublicContract,
  type PublicDepartment,
  type PublicFunding,
  type PublicIndicatorValue,
} from "./schemas";
import { columnsFromSchema, tableSchema, type CsvColumn, type TableSchema } from "./table-schema";
import { DEPARTMENT_CODE_MESSAGE, isDepartmentOrSyntheticCode } from "../core/territory";

export const RESOURCE_NAMES = ["departements", "contrats", "actions", "financements", "indicateurs", "chiffres-de-contexte"] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** A query parameter: its French name, what it means, its JSON schema for the OpenAPI document, and its parser. */
export type QueryParam = {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  parse: (raw: string) => { ok: true; value: string | number } | { ok: false; message: string };
};

function param(name: string, description: string, schema: Record<string, unknown>, zodSchema: z.ZodType<string | number>): QueryParam {
  return {
    name,
    description,
    schema,
    parse: (raw) => {
      const parsed = zodSchema.safeParse(raw);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "Valeur invalide." };
    },
  };
}

const enumParam = (name: string, description: string, values: readonly string[]) =>
  param(name, description, { type: "string", enum: [...values] }, z.enum(values as [string, ...string[]], { error: `Valeurs acceptées pour « ${name} » : ${values.join(", ")}.` }));

const DEPARTMENT_MESSAGE = DEPARTMENT_CODE_MESSAGE;

export const PARAMS = {
  departement: param(
    "departement",
    "Code INSEE du département (01, 2A, 77, 971…)",
    { type: "string", pattern: "^(\\d{2}|2[ABab]|\\d{3})$" },
    z
      .string({ error: DEPARTMENT_MESSAGE })
      .trim()
      .transform((v) => v.toUpperCase())
      .refine(isDepartmentOrSyntheticCode, DEPARTMENT_MESSAGE),
  ),
  region: param("region", "Code INSEE de la région (11, 84…)", { type: "string", pattern: "^\\d{2}$" }, z.string().regex(/^\d{2}$/, "Code de région attendu : deux chiffres, par exemple 11 ou 84.")),
  contrat: param(
    "contrat",
    "Identifiant d'un contrat publié",
    { type: "string", minLength: 1, maxLength: 64 },
    z.string().min(1, "Identifiant de contrat manquant.").max(64, "Identifiant de contrat trop long."),
  ),
  annee: param(
    "annee",
    "Année, sur quatre chiffres",
    { type: "integer", minimum: 2000, maximum: 2100 },
    z
      .string()
      .regex(/^\d{4}$/, "L'année s'écrit sur quatre chiffres, par exemple 2021.")
      .transform(Number)
      .refine((y) => y >= 2000 && y <= 2100, "L'année doit être comprise entre 2000 et 2100."),
  ),
  statutContrat: enumParam("statut", "Statut du contrat", PUBLIC_CONTRACT_STATUSES),
  statutAction: enumParam("statut", "Statut de la fiche action", ACTION_STATUSES),
  financeur: enumParam("financeur", "Financeur", FUNDERS),
  etape: enumParam("etape", "Étape du financement", FUNDING_STAGES),
  indicateur: param("indicateur", "Code de l'indicateur (O1-I1…)", { type: "string", maxLength: 32 }, z.string().min(1).max(32, "Code d'indicateur trop long.")),
} as const;

export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 100;

export const COMMON_PARAMS: QueryParam[] = [
  enumParam("format", "json (par défaut) ou csv", ["json", "csv"]),
  param(
    "page",
    "Page, à partir de 1",
    { type: "integer", minimum: 1 },
    z.string().regex(/^\d+$/, "Le numéro de page est un entier à partir de 1.").transform(Number).refine((n) => n >= 1, "Le numéro de page est un entier à partir de 1."),
  ),
  param(
    "par_page",
    `Éléments par page, de 1 à ${MAX_PER_PAGE} (${DEFAULT_PER_PAGE} par défaut en JSON ; en CSV, sans pagination demandée, tout le fichier)`,
    { type: "integer", minimum: 1, maximum: MAX_PER_PAGE },
    z
      .string()
      .regex(/^\d+$/, `« par_page » est un entier de 1 à ${MAX_PER_PAGE}.`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_PER_PAGE, `« par_page » est un entier de 1 à ${MAX_PER_PAGE}.`),
  ),
];

export type Filters = Partial<Record<string, string | number>>;

export type Resource<T> = {
  name: ResourceName;
  title: string;
  description: string;
  /** Name of the record's schema in the OpenAPI document. */
  component: string;
  itemSchema: z.ZodObject;
  columns: CsvColumn<T>[];
  primaryKey: string[];
  params: QueryParam[];
  /** Keeps the records matching the filters (the department filter is applied by the loader). */
  matches: (record: T, filters: Filters) => boolean;
  /** Documented identifiers. */
  identifiers: string;
};

const is = (value: unknown, wanted: string | number | undefined) => wanted === undefined || value === wanted;

type Sourced = { source: { quote: string | null; checkedOn: string | null } | null };

/** The JSON `source` object, flattened for CSV: its URL is the sourceUrl column, then the quote and the day read. */
function sourceColumns<T extends Sourced>(): CsvColumn<T>[] {
  return [
    { name: "sourceQuote", type: "string", description: "Passage de la source qui énonce la valeur, cité exactement (source.quote)", value: (r) => r.source?.quote ?? null },
    { name: "sourceCheckedOn", type: "date", description: "Jour où la source a été lue (source.checkedOn)", value: (r) => r.source?.checkedOn ?? null },
  ];
}

/** The columns of a record schema's fields, `source` flattened into sourceQuote and sourceCheckedOn after sourceUrl. */
function columnsWithSource<T extends Record<string, unknown> & Sourced>(schema: z.ZodObject, names: readonly (keyof T & string)[], withheld: readonly (keyof T & string)[] = []): CsvColumn<T>[] {
  const columns = columnsFromSchema<T>(schema, names.filter((n) => n !== "source"), withheld);
  const at = columns.findIndex((c) => c.name === "sourceUrl");
  return [...columns.slice(0, at + 1), ...sourceColumns<T>(), ...columns.slice(at + 1)];
}

const contractColumns: CsvColumn<PublicContract>[] = (() => {
  const base = columnsFromSchema<PublicContract>(PublicContractSchema, [
    "id",
    "slug",
    "departmentCode",
    "departmentName",
    "regionCode",
    "regionName",
    "frameworkCode",
    "frameworkName",
    "wave",
    "status",
    "statusLabel",
    "signedOn",
    "signedPlace",
    "periodStart",
    "periodEnd",
    "stateSignatory",
    "arsSignatory",
    "departmentSignatory",
    "summary",
  ]);
  const amount = (party: "STATE" | "ARS" | "DEPARTMENT" | "OTHER", name: string, label: string): CsvColumn<PublicContract> => ({
    name,
    type: "integer",
    description: `Montant inscrit au contrat pour ${label}, en centimes d'euro (vide : aucun montant)`,
    constraints: { minimum: 0 },
    value: (c) => c.amounts.find((a) => a.party === party)?.amountCents ?? null,
  });
  const tail = columnsWithSource<PublicContract>(PublicContractSchema, [
    "totalCents",
    "includesDemo",
    "demoCents",
    "actionCount",
    "doneActionCount",
    "averageProgress",
    "pageUrl",
    "updatedAt",
    "sourceUrl",
    "isDemo",
  ]);
  return [
    ...base,
    amount("STATE", "amountStateCents", "l'État"),
    amount("ARS", "amountArsCents", "l'ARS"),
    amount("DEPARTMENT", "amountDepartmentCents", "le département"),
    amount("OTHER", "amountOtherCents", "les autres financeurs"),
    ...tail,
  ];
})();

const departments: Resource<PublicDepartment> = {
  name: "departements",
  title: "Départements",
  description: "Les 101 départements, avec l'organisme chargé de la protection de l'enfance et le nombre de contrats publiés.",
  component: "Department",
  itemSchema: PublicDepartmentSchema,
  columns: columnsFromSchema<PublicDepartment>(PublicDepartmentSchema, [
    "code",
    "name",
    "regionCode",
    "regionName",
    "arsName",
    "childProtectionBody",
    "publishedContractCount",
    "currentContractId",
    "pageUrl",
    "sourceUrl",
    "isDemo",
  ]),
  primaryKey: ["code"],
  params: [PARAMS.region],
  matches: (d, f) => is(d.regionCode, f.region),
  identifiers: "Code INSEE du département, en texte (« 01 », « 2A », « 971 »).",
};

const contracts: Resource<PublicContract> = {
  name: "contrats",
  title: "Contrats",
  description: "Les contrats signés ou terminés (jamais ceux en préparation), avec leurs montants par partie et l'avancement de leurs fiches action.",
  component: "Contract",
  itemSchema: PublicContractSchema,
  columns: contractColumns,
  primaryKey: ["id"],
  params: [PARAMS.departement, PARAMS.statutContrat],
  matches: (c, f) => is(c.status, f.statut),
  identifiers: "« id » (stable, attribué à la création) ; « slug » (département-début-fin-v(vague), lisible) est accepté aussi dans /contrats/{id}.",
};

const actions: Resource<PublicAction> = {
  name: "actions",
  title: "Fiches action",
  description: "Les fiches action des contrats publiés (hors fiches archivées) : objectif, pilote, calendrier, statut, avancement.",
  component: "Action",
  itemSchema: PublicActionSchema,
  columns: columnsWithSource<PublicAction>(PublicActionSchema, Object.keys(PublicActionSchema.shape) as (keyof PublicAction & string)[]),
  primaryKey: ["id"],
  params: [PARAMS.departement, PARAMS.contrat, PARAMS.statutAction],
  matches: (a, f) => is(a.contractId, f.contrat) && is(a.status, f.statut),
  identifiers: "« id » (stable) ou « key » = {identifiant du contrat}:{référence} (« …:FA-01 ») ; les deux sont acceptés dans /actions/{id}.",
};

const funding: Resource<PublicFunding> = {
  name: "financements",
  title: "Financements",
  description: "Le plan de financement des contrats publiés, sommé par financeur, année et étape (prévu, notifié, engagé, versé).",
  component: "Funding",
  itemSchema: PublicFundingSchema,
  columns: columnsWithSource<PublicFunding>(PublicFundingSchema, Object.keys(PublicFundingSchema.shape) as (keyof PublicFunding & string)[]),
  primaryKey: ["key"],
  params: [PARAMS.departement, PARAMS.contrat, PARAMS.annee, PARAMS.financeur, PARAMS.etape],
  matches: (r, f) => is(r.contractId, f.contrat) && is(r.year, f.annee) && is(r.funder, f.financeur as Funder | undefined) && is(r.stage, f.etape),
  identifiers: "« key » = {identifiant du contrat}:{année}:{financeur}:{étape}.",
};

const indicatorNames = (Object.keys(PublicIndicatorValueSchema.shape) as (keyof PublicIndicatorValue & string)[]).filter((k) => k !== "suppressedFields");
const indicators: Resource<PublicIndicatorValue> = {
  name: "indicateurs",
  title: "Indicateurs",
  description: "Valeur de référence, cible et valeur constatée de chaque indicateur, par contrat publié et par année, avec le statut calculé.",
  component: "IndicatorValue",
  itemSchema: PublicIndicatorValueSchema,
  columns: columnsWithSource<PublicIndicatorValue>(PublicIndicatorValueSchema, indicatorNames, ["baseline", "target", "actual"]),
  primaryKey: ["key"],
  params: [PARAMS.departement, PARAMS.contrat, PARAMS.annee, PARAMS.indicateur],
  matches: (v, f) => is(v.contractId, f.contrat) && is(v.year, f.annee) && is(v.indicatorCode, f.indicateur),
  identifiers: "« key » = {identifiant du contrat}:{code de l'indicateur}:{année}.",
};

const contextNames = (Object.keys(PublicContextFigureSchema.shape) as (keyof PublicContextFigure & string)[]).filter((k) => k !== "suppressedFields");
const contextFigures: Resource<PublicContextFigure> = {
  name: "chiffres-de-contexte",
  title: "Chiffres de contexte",
  description: "Chiffres agrégés des départements par année : budget de la protection de l'enfance, enfants suivis par l'ASE (secret statistique sous 11).",
  component: "ContextFigure",
  itemSchema: PublicContextFigureSchema,
  columns: columnsWithSource<PublicContextFigure>(PublicContextFigureSchema, contextNames, ["childrenFollowedByAse", "disabilitySharePercent"]),
  primaryKey: ["key"],
  params: [PARAMS.departement, PARAMS.annee],
  matches: (r, f) => is(r.year, f.annee),
  identifiers: "« key » = {département}:{année}.",
};

/**
 * Date-times go to CSV without fractional seconds ("2026-12-05T20:00:00Z"), the Table Schema default
 * datetime format that Frictionless tools read; JSON keeps the milliseconds.
 */
function wholeSeconds<T>(resource: Resource<T>): Resource<T> {
  const columns = resource.columns.map((c) =>
    c.type === "datetime"
      ? {
          ...c,
          value: (r: T) => {
            const v = c.value(r);
            return typeof v === "string" ? v.replace(/\.\d+(?=Z$|[+-]\d{2}:\d{2}$)/, "") : v;
          },
        }
      : c,
  );
  return { ...resource, columns };
}

export const RESOURCES = {
  departements: wholeSeconds(departments),
  contrats: wholeSeconds(contracts),
  actions: wholeSeconds(actions),
  financements: wholeSeconds(funding),
  indicateurs: wholeSeconds(indicators),
  "chiffres-de-contexte": wholeSeconds(contextFigures),
} satisfies Record<ResourceName, Resource<never>>;

export function resourceTableSchema(name: ResourceName): TableSchema {
  const resource = RESOURCES[name] as Resource<unknown>;
  return tableSchema(resource.columns, resource.primaryKey);
}

export const tableSchemaPath = (name: ResourceName) => `/api/v1/schemas/${name}.json`;
