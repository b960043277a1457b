// The public records: explicit allow-lists of what the public pages and the open data API may carry.
// Every public answer is parsed through these (strict objects: an unexpected field is an error, never
// passed along). The OpenAPI document and the Table Schemas are generated from them. Safe for the client.
import { z } from "zod";
import { ACTION_STATUSES } from "../actions/schemas";
import { FUNDERS, FUNDING_PARTIES, FUNDING_STAGES } from "../funding/schemas";
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS } from "../indicators/schemas";
import { DEPARTMENT_OR_SYNTHETIC_CODE } from "../core/territory";

export const API_VERSION = "1";
export const API_BASE = "/api/v1";

export const LICENCE = {
  id: "etalab-2.0",
  name: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

export const SMALL_COUNT_RULE =
  "Les effectifs de personnes inférieurs à 11 ne sont pas publiés : ils valent null en JSON (le champ est alors cité dans suppressedFields) et « < 11 » dans les fichiers CSV et sur le site.";

export const PUBLIC_CONTRACT_STATUSES = ["SIGNED", "ENDED"] as const;
export const INDICATOR_STATUSES = ["met", "improving", "behind", "no_target", "no_actual", "monitored"] as const;

// ───────────────────────── Building blocks ─────────────────────────

const text = (description: string) => z.string().meta({ description });
const optionalText = (description: string) => z.string().nullable().meta({ description });
const int = (description: string) => z.number().int().meta({ description });
const cents = (description: string) => z.number().int().min(0).meta({ description: `${description}, en centimes d'euro (entier exact)` });
const isoDate = (description: string) => z.iso.date().meta({ description: `${description} (AAAA-MM-JJ)` });
const isoDateTime = (description: string) => z.iso.datetime({ offset: true }).meta({ description: `${description} (ISO 8601)` });
const departmentCode = () => z.string().regex(DEPARTMENT_OR_SYNTHETIC_CODE).meta({ description: "Code INSEE du département (texte : « 01 », « 2A », « 971 »)" });

export const SourceSchema = z
  .strictObject({
    url: text("Lien vers la source publique"),
    quote: optionalText("Passage de la source qui énonce la valeur, cité exactement"),
    checkedOn: isoDate("Jour où la source a été lue").nullable(),
  })
  .meta({ description: "La source de la donnée : son lien, le passage qui l'énonce et le jour où elle a été lue" });

const provenance = {
  sourceUrl: optionalText("Lien vers la source publique de la donnée, s'il y en a une (repris dans source.url)"),
  source: SourceSchema.nullable(),
  isDemo: z.boolean().meta({ description: "Donnée de démonstration : valeur plausible mais fictive" }),
};

/** The `source` of a public record, from its stored provenance columns. */
export function publicSource(row: { sourceUrl: string | null; sourceQuote?: string | null; sourceCheckedOn?: Date | null }): z.infer<typeof SourceSchema> | null {
  if (!row.sourceUrl) return null;
  return { url: row.sourceUrl, quote: row.sourceQuote ?? null, checkedOn: row.sourceCheckedOn ? row.sourceCheckedOn.toISOString().slice(0, 10) : null };
}

const includesDemo = {
  includesDemo: z.boolean().meta({ description: "Le total additionne au moins un montant de démonstration" }),
  demoCents: cents("Part du total qui vient de montants de démonstration"),
};

const suppressedFields = z
  .array(z.string())
  .meta({ description: "Champs dont la valeur est retenue (null) parce qu'elle compte moins de 11 personnes (secret statistique)" });

// ───────────────────────── Public records ─────────────────────────

export const PublicDepartmentSchema = z.strictObject({
  code: departmentCode(),
  name: text("Nom du département"),
  regionCode: text("Code INSEE de la région"),
  regionName: text("Nom de la région"),
  arsName: text("Agence régionale de santé compétente"),
  childProtectionBody: text("Collectivité chargée de la protection de l'enfance"),
  publishedContractCount: int("Nombre de contrats publiés (signés ou terminés)").min(0),
  currentContractId: z.string().nullable().meta({ description: "Identifiant du contrat publié le plus récent" }),
  pageUrl: text("Chemin de la page publique du département"),
  ...provenance,
});

export const PartyAmountSchema = z.strictObject({
  party: z.enum(FUNDING_PARTIES).meta({ description: "Partie : STATE (État), ARS, DEPARTMENT (département), OTHER (autres)" }),
  partyLabel: text("Libellé de la partie"),
  amountCents: cents("Montant inscrit au contrat pour toute sa durée"),
  ...provenance,
});

export const PublicContractSchema = z.strictObject({
  id: text("Identifiant stable du contrat"),
  slug: text("Identifiant lisible et stable : département-début-fin-v(vague), par exemple 77-2020-2022-v2020"),
  departmentCode: departmentCode(),
  departmentName: text("Nom du département"),
  regionCode: text("Code INSEE de la région"),
  regionName: text("Nom de la région"),
  frameworkCode: text("Code du cadre national (« 2020-2022 », « 2025-2027 »)"),
  frameworkName: text("Nom du cadre national"),
  wave: int("Année de la vague de contractualisation"),
  status: z.enum(PUBLIC_CONTRACT_STATUSES).meta({ description: "SIGNED (signé, en cours) ou ENDED (terminé) ; les contrats en préparation ne sont jamais publiés" }),
  statusLabel: text("Libellé du statut"),
  signedOn: isoDate("Date de signature").nullable(),
  signedPlace: optionalText("Lieu de signature"),
  periodStart: isoDate("Début de la période couverte"),
  periodEnd: isoDate("Fin de la période couverte"),
  stateSignatory: text("Signataire pour l'État (une fonction, jamais une personne privée)"),
  arsSignatory: text("Signataire pour l'ARS (une fonction)"),
  departmentSignatory: text("Signataire pour le département (une fonction)"),
  summary: optionalText("Présentation du contrat"),
  amounts: z.array(PartyAmountSchema).meta({ description: "Montants inscrits au contrat, par partie" }),
  totalCents: cents("Total inscrit au contrat"),
  ...includesDemo,
  actionCount: int("Nombre de fiches action").min(0),
  doneActionCount: int("Nombre de fiches action réalisées").min(0),
  averageProgress: z.number().min(0).max(100).nullable().meta({ description: "Avancement moyen des fiches action, en % (fiches abandonnées exclues)" }),
  pageUrl: text("Chemin de la page publique du contrat"),
  updatedAt: isoDateTime("Dernière modification de l'en-tête du contrat"),
  ...provenance,
});

export const CommitmentProgressSchema = z.strictObject({
  code: text("Code de l'engagement dans le cadre national (« E1 »)"),
  title: text("Intitulé de l'engagement"),
  isCrossCutting: z.boolean().meta({ description: "Engagement transversal (gouvernance, formation)" }),
  actionCount: int("Nombre de fiches action rattachées").min(0),
  doneCount: int("Nombre de fiches action réalisées").min(0),
  averageProgress: z.number().min(0).max(100).nullable().meta({ description: "Avancement moyen, en %" }),
});

export const ContractObjectiveSchema = z.strictObject({
  commitmentCode: text("Code de l'engagement"),
  code: text("Code de l'objectif (« O1 »)"),
  title: text("Intitulé de l'objectif"),
  isMandatory: z.boolean().meta({ description: "Objectif fondamental (obligatoire)" }),
});

export const StageAmountsSchema = z.strictObject({
  plannedCents: cents("Prévu"),
  notifiedCents: cents("Notifié (accordé)"),
  committedCents: cents("Engagé"),
  paidCents: cents("Versé"),
});

export const PublicContractDetailSchema = PublicContractSchema.extend({
  objectives: z.array(ContractObjectiveSchema).meta({ description: "Objectifs retenus par le contrat" }),
  commitments: z.array(CommitmentProgressSchema).meta({ description: "Avancement par engagement du cadre national" }),
  fundingByYear: z.array(StageAmountsSchema.extend({ year: int("Année") })).meta({ description: "Financements par année et par étape" }),
  fundingByFunder: z
    .array(StageAmountsSchema.extend({ funder: z.enum(FUNDERS), funderLabel: text("Libellé du financeur") }))
    .meta({ description: "Financements par financeur et par étape" }),
  fundingTotals: StageAmountsSchema,
});

export const PublicActionSchema = z.strictObject({
  id: text("Identifiant stable de la fiche action"),
  key: text("Clé lisible et stable : {identifiant du contrat}:{référence}"),
  contractId: text("Identifiant du contrat"),
  departmentCode: departmentCode(),
  reference: text("Référence dans le contrat (« FA-01 »)"),
  title: text("Intitulé"),
  purpose: optionalText("Finalité"),
  targetPublic: optionalText("Public visé (une population, jamais une personne)"),
  lead: optionalText("Pilote (un organisme ou un service)"),
  partners: optionalText("Partenaires"),
  commitmentCode: optionalText("Code de l'engagement"),
  objectiveCode: optionalText("Code de l'objectif"),
  objectiveTitle: optionalText("Intitulé de l'objectif"),
  startDate: isoDate("Début prévu").nullable(),
  endDate: isoDate("Fin prévue").nullable(),
  status: z.enum(ACTION_STATUSES).meta({ description: "NOT_STARTED, IN_PROGRESS, DONE, POSTPONED, ABANDONED" }),
  statusLabel: text("Libellé du statut"),
  progress: int("Avancement, en %").min(0).max(100),
  isLate: z.boolean().meta({ description: "En retard : date de fin passée, ni réalisée ni abandonnée (calculé)" }),
  updatedAt: isoDateTime("Dernière modification"),
  ...provenance,
});

export const PublicFundingSchema = z.strictObject({
  key: text("Clé stable : {identifiant du contrat}:{année}:{financeur}:{étape}"),
  contractId: text("Identifiant du contrat"),
  departmentCode: departmentCode(),
  year: int("Année"),
  funder: z.enum(FUNDERS).meta({ description: "STATE_P304 (État, programme 304), ARS_FIR, ARS_ONDAM_MS, DEPARTMENT, OTHER" }),
  funderLabel: text("Libellé du financeur"),
  party: z.enum(FUNDING_PARTIES).meta({ description: "Partie à laquelle appartient le financeur" }),
  stage: z.enum(FUNDING_STAGES).meta({ description: "PLANNED (prévu), NOTIFIED (notifié), COMMITTED (engagé), PAID (versé)" }),
  stageLabel: text("Libellé de l'étape"),
  amountCents: cents("Somme des lignes du plan de financement"),
  ...provenance,
});

export const PublicIndicatorValueSchema = z.strictObject({
  key: text("Clé stable : {identifiant du contrat}:{code de l'indicateur}:{année}"),
  contractId: text("Identifiant du contrat"),
  departmentCode: departmentCode(),
  frameworkCode: text("Code du cadre national"),
  commitmentCode: text("Code de l'engagement"),
  objectiveCode: text("Code de l'objectif"),
  indicatorCode: text("Code de l'indicateur, stable dans le cadre national (« O1-I1 »)"),
  indicatorLabel: text("Libellé de l'indicateur"),
  kind: z.enum(INDICATOR_KINDS).meta({ description: "RATE (taux en %), COUNT (nombre), DELAY_DAYS (délai en jours), MILESTONE (jalon 1 = oui, 0 = non), AMOUNT (euros)" }),
  direction: z.enum(INDICATOR_DIRECTIONS).meta({ description: "Sens attendu" }),
  unit: text("Unité"),
  countsPeople: z.boolean().meta({ description: "Compte des personnes : soumis au secret statistique (moins de 11)" }),
  year: int("Année"),
  baseline: z.number().nullable().meta({ description: "Valeur de référence" }),
  target: z.number().nullable().meta({ description: "Cible de l'année" }),
  actual: z.number().nullable().meta({ description: "Valeur constatée" }),
  status: z.enum(INDICATOR_STATUSES).meta({ description: "met (cible atteinte), improving, behind, no_target, no_actual, monitored" }),
  statusLabel: text("Libellé du statut"),
  suppressedFields,
  updatedAt: isoDateTime("Dernière modification"),
  ...provenance,
});

export const PublicContextFigureSchema = z.strictObject({
  key: text("Clé stable : {département}:{année}"),
  departmentCode: departmentCode(),
  year: int("Année"),
  childProtectionBudgetCents: z.number().int().min(0).nullable().meta({ description: "Budget du département pour la protection de l'enfance, en centimes d'euro" }),
  childrenFollowedByAse: z.number().int().min(0).nullable().meta({ description: "Nombre d'enfants suivis par l'ASE (null si moins de 11)" }),
  disabilitySharePercent: z.number().min(0).max(100).nullable().meta({ description: "Part de ces enfants en situation de handicap reconnue, en % (retenue avec le nombre d'enfants)" }),
  note: optionalText("Précision sur les chiffres"),
  suppressedFields,
  updatedAt: isoDateTime("Dernière modification"),
  ...provenance,
});

export type PublicDepartment = z.infer<typeof PublicDepartmentSchema>;
export type PartyAmount = z.infer<typeof PartyAmountSchema>;
export type PublicContract = z.infer<typeof PublicContractSchema>;
export type PublicContractDetail = z.infer<typeof PublicContractDetailSchema>;
export type CommitmentProgress = z.infer<typeof CommitmentProgressSchema>;
export type StageAmounts = z.infer<typeof StageAmountsSchema>;
export type PublicAction = z.infer<typeof PublicActionSchema>;
export type PublicFunding = z.infer<typeof PublicFundingSchema>;
export type PublicIndicatorValue = z.infer<typeof PublicIndicatorValueSchema>;
export type PublicContextFigure = z.infer<typeof PublicContextFigureSchema>;

// ───────────────────────── Envelopes ─────────────────────────

export const ResponseMetaSchema = z.strictObject({
  licence: z.strictObject({ id: z.literal(LICENCE.id), name: z.literal(LICENCE.name), url: z.literal(LICENCE.url) }),
  publisher: text("Producteur des données"),
  apiVersion: z.literal(API_VERSION),
  documentation: text("Document OpenAPI de l'API"),
  tableSchema: optionalText("Table Schema (frictionless) de la forme CSV de cette ressource"),
  dataUpdatedAt: isoDateTime("Dernière modification des données publiées couvertes par la réponse").nullable(),
  smallCountRule: text("Règle de secret statistique appliquée"),
});

export const PaginationSchema = z.strictObject({
  page: int("Page courante (à partir de 1)").min(1),
  perPage: int("Éléments par page").min(1),
  totalItems: int("Nombre total d'éléments").min(0),
  totalPages: int("Nombre total de pages").min(0),
});

export const LinksSchema = z.strictObject({
  self: z.string(),
  first: z.string(),
  last: z.string(),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ meta: ResponseMetaSchema, pagination: PaginationSchema, links: LinksSchema, data: z.array(item) });
}

export function itemResponseSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ meta: ResponseMetaSchema, data: item });
}

export const ERROR_CODES = ["bad_request", "not_found", "not_acceptable", "service_unavailable", "service_busy"] as const;

export const ErrorResponseSchema = z.strictObject({
  error: z.strictObject({
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    message: text("Message en français"),
    details: z.array(z.strictObject({ parameter: z.string(), message: z.string() })).meta({ description: "Paramètres en cause" }),
  }),
});

export type ResponseMeta = z.infer<typeof ResponseMetaSchema>;
export type Pagination = z.infer<typeof PaginationSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

// ───────────────────────── The public pages ─────────────────────────

export const NationalTotalsSchema = z.strictObject({
  contractCount: int("Contrats publiés").min(0),
  departmentCount: int("Départements sous contrat").min(0),
  byParty: z.array(z.strictObject({ party: z.enum(FUNDING_PARTIES), partyLabel: z.string(), amountCents: z.number().int().min(0), ...includesDemo })),
  totalCents: z.number().int().min(0),
  ...includesDemo,
});

export const PublicNationalPageSchema = z.strictObject({
  totals: NationalTotalsSchema,
  contracts: z.array(PublicContractSchema),
  updatedAt: isoDateTime("Dernière modification des données publiées").nullable(),
});

export const PublicDepartmentPageSchema = z.strictObject({
  department: PublicDepartmentSchema,
  contract: PublicContractDetailSchema.nullable(),
  actions: z.array(PublicActionSchema),
  indicators: z.array(PublicIndicatorValueSchema),
  otherContracts: z.array(PublicContractSchema),
  contextFigures: z.array(PublicContextFigureSchema),
  updatedAt: isoDateTime("Dernière modification des données publiées du département").nullable(),
});

export type NationalTotals = z.infer<typeof NationalTotalsSchema>;
export type PublicNationalPage = z.infer<typeof PublicNationalPageSchema>;
export type PublicDepartmentPage = z.infer<typeof PublicDepartmentPageSchema>;
