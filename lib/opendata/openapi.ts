// The OpenAPI 3.1 document of the open data API, generated from the zod schemas the answers are parsed
// with (lib/opendata/schemas.ts) and the parameters the handlers check (lib/opendata/resources.ts).
import { z } from "zod";
import { COMMON_PARAMS, RESOURCES, RESOURCE_NAMES, tableSchemaPath, type QueryParam, type ResourceName } from "./resources";
import {
  API_BASE,
  CommitmentProgressSchema,
  ContractObjectiveSchema,
  ErrorResponseSchema,
  LICENCE,
  LinksSchema,
  PaginationSchema,
  PartyAmountSchema,
  PublicActionSchema,
  PublicContextFigureSchema,
  PublicContractDetailSchema,
  PublicContractSchema,
  PublicDepartmentSchema,
  PublicFundingSchema,
  PublicIndicatorValueSchema,
  ResponseMetaSchema,
  SMALL_COUNT_RULE,
  StageAmountsSchema,
  itemResponseSchema,
  listResponseSchema,
} from "./schemas";

export const OPENAPI_PATH = `${API_BASE}/openapi.json`;

export const ITEM_ROUTES = {
  departements: { param: "code", component: "DepartmentResponse", description: "Code INSEE du département (01, 2A, 77, 971…)" },
  contrats: { param: "id", component: "ContractDetailResponse", description: "Identifiant du contrat, ou son slug (77-2020-2022-v2020)" },
  actions: { param: "id", component: "ActionResponse", description: "Identifiant de la fiche action, ou sa clé {identifiant du contrat}:{référence}" },
} as const;

const LIST_COMPONENTS: Record<ResourceName, string> = {
  departements: "DepartmentList",
  contrats: "ContractList",
  actions: "ActionList",
  financements: "FundingList",
  indicateurs: "IndicatorValueList",
  "chiffres-de-contexte": "ContextFigureList",
};

/** Every named schema of the document, as zod schemas. */
export const COMPONENT_SCHEMAS: Record<string, z.ZodType> = {
  Department: PublicDepartmentSchema,
  PartyAmount: PartyAmountSchema,
  Contract: PublicContractSchema,
  ContractObjective: ContractObjectiveSchema,
  CommitmentProgress: CommitmentProgressSchema,
  StageAmounts: StageAmountsSchema,
  ContractDetail: PublicContractDetailSchema,
  Action: PublicActionSchema,
  Funding: PublicFundingSchema,
  IndicatorValue: PublicIndicatorValueSchema,
  ContextFigure: PublicContextFigureSchema,
  Meta: ResponseMetaSchema,
  Pagination: PaginationSchema,
  Links: LinksSchema,
  Error: ErrorResponseSchema,
  DepartmentList: listResponseSchema(PublicDepartmentSchema),
  ContractList: listResponseSchema(PublicContractSchema),
  ActionList: listResponseSchema(PublicActionSchema),
  FundingList: listResponseSchema(PublicFundingSchema),
  IndicatorValueList: listResponseSchema(PublicIndicatorValueSchema),
  ContextFigureList: listResponseSchema(PublicContextFigureSchema),
  DepartmentResponse: itemResponseSchema(PublicDepartmentSchema),
  ContractDetailResponse: itemResponseSchema(PublicContractDetailSchema),
  ActionResponse: itemResponseSchema(PublicActionSchema),
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const rest = { ...(schema as Record<string, unknown>) };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const queryParameter = (p: QueryParam) => ({ name: p.name, in: "query", required: false, description: p.description, schema: p.schema });

const CACHE_HEADERS = {
  ETag: { description: "Empreinte de la réponse : renvoyez-la dans If-None-Match pour obtenir 304 si rien n'a changé", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60, stale-while-revalidate=300", schema: { type: "string" } },
  Link: { description: "Licence (rel=license), Table Schema (rel=describedby), pages suivante et précédente (rel=next, rel=prev)", schema: { type: "string" } },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

function okResponse(component: string, name: ResourceName, list: boolean) {
  return {
    description: "Réponse en JSON (par défaut) ou en CSV (?format=csv)",
    headers: { ...CACHE_HEADERS, ...(list ? { "X-Total-Count": { description: "Nombre total d'éléments après filtres", schema: { type: "integer" } } } : {}) },
    content: {
      "application/json": { schema: ref(component) },
      "text/csv": { schema: { type: "string", description: `CSV UTF-8 décrit par le Table Schema ${tableSchemaPath(name)}` } },
    },
  };
}

function listOperation(name: ResourceName) {
  const resource = RESOURCES[name];
  return {
    get: {
      operationId: `list-${name}`,
      tags: [resource.title],
      summary: resource.title,
      description: `${resource.description}\n\nIdentifiants : ${resource.identifiers}`,
      parameters: [...resource.params, ...COMMON_PARAMS].map(queryParameter),
      responses: {
        "200": okResponse(LIST_COMPONENTS[name], name, true),
        "304": { description: "Non modifié (If-None-Match)", headers: CACHE_HEADERS },
        "400": errorResponse("Paramètre inconnu ou valeur invalide (message en français)"),
        "503": errorResponse("Service momentanément indisponible (service_unavailable : base de données injoignable ; service_busy : pic de charge) ; en-tête Retry-After"),
      },
    },
  };
}

function itemOperation(name: keyof typeof ITEM_ROUTES) {
  const route = ITEM_ROUTES[name];
  const resource = RESOURCES[name];
  return {
    get: {
      operationId: `get-${name}`,
      tags: [resource.title],
      summary: `${resource.title} : un élément`,
      description: `Identifiants : ${resource.identifiers}`,
      parameters: [
        { name: route.param, in: "path", required: true, description: route.description, schema: { type: "string" } },
        ...COMMON_PARAMS.filter((p) => p.name === "format").map(queryParameter),
      ],
      responses: {
        "200": okResponse(route.component, name, false),
        "304": { description: "Non modifié (If-None-Match)", headers: CACHE_HEADERS },
        "400": errorResponse("Paramètre inconnu ou valeur invalide"),
        "404": errorResponse("Identifiant inconnu, ou contrat non publié"),
        "503": errorResponse("Service momentanément indisponible (service_unavailable : base de données injoignable ; service_busy : pic de charge) ; en-tête Retry-After"),
      },
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const name of RESOURCE_NAMES) {
    paths[`/${name}`] = listOperation(name);
    if (name in ITEM_ROUTES) paths[`/${name}/{${ITEM_ROUTES[name as keyof typeof ITEM_ROUTES].param}}`] = itemOperation(name as keyof typeof ITEM_ROUTES);
  }
  paths["/openapi.json"] = {
    get: { operationId: "openapi", tags: ["Documentation"], summary: "Ce document (OpenAPI 3.1)", responses: { "200": { description: "Document OpenAPI", content: { "application/json": { schema: { type: "object" } } } } } },
  };
  paths["/schemas/{resource}.json"] = {
    get: {
      operationId: "table-schema",
      tags: ["Documentation"],
      summary: "Table Schema (frictionless) de la forme CSV d'une ressource",
      parameters: [{ name: "resource", in: "path", required: true, schema: { type: "string", enum: [...RESOURCE_NAMES] } }],
      responses: {
        "200": { description: "Table Schema", content: { "application/json": { schema: { type: "object" } } } },
        "404": errorResponse("Ressource inconnue"),
      },
    },
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Tripartite — API des données ouvertes",
      version: "1.0.0",
      description: [
        "Données publiées des contrats départementaux de prévention et de protection de l'enfance : départements, contrats signés ou terminés, fiches action, financements (financeur × année × étape), indicateurs, chiffres de contexte.",
        "Aucune donnée sur un enfant ou une famille : des agrégats uniquement. Les contrats en préparation, les commentaires internes, l'historique et les comptes des agents ne sont jamais publiés.",
        `Secret statistique : ${SMALL_COUNT_RULE}`,
        "JSON par défaut, CSV avec ?format=csv (chaque CSV a son Table Schema, lien rel=describedby). Montants en centimes d'euro (entiers exacts), dates ISO 8601.",
        "Pagination : ?page=1&par_page=100 (1000 au plus) ; liens first, prev, next, last. Réponses avec ETag (If-None-Match → 304) et Cache-Control.",
        "Erreurs : JSON { error: { status, code, message, details } } en français ; 400 (bad_request) pour un paramètre inconnu ou invalide, 404 (not_found) pour un identifiant ou une adresse inconnus, 406 (not_acceptable), 503 (avec Retry-After) : service_unavailable quand la base de données ne répond pas, service_busy lors d'un pic de charge.",
        "Provenance : chaque donnée sourcée porte source { url, quote, checkedOn } (le passage de la source qui l'énonce et le jour où elle a été lue) ; un total qui additionne des montants de démonstration le dit (includesDemo, demoCents).",
      ].join("\n\n"),
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    servers: [{ url: API_BASE, description: "API version 1" }],
    tags: [...RESOURCE_NAMES.map((n) => ({ name: RESOURCES[n].title, description: RESOURCES[n].description })), { name: "Documentation" }],
    paths,
    components: { schemas: componentSchemas() },
  };
}
