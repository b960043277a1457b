import "server-only";
// The HTTP side of the open data API: parameters checked with French messages, JSON or CSV, pagination,
// ETag and Cache-Control, CORS for any origin, errors as { error: { status, code, message, details } }.
import { createHash } from "node:crypto";
import {
  findDepartmentCode,
  getPublicActions,
  getPublicContextFigures,
  getPublicContractDetail,
  getPublicContracts,
  getPublicDepartments,
  getPublicFreshness,
  getPublicFunding,
  getPublicIndicators,
} from "./cached";
import { ITEM_ROUTES, OPENAPI_PATH } from "./openapi";
import { COMMON_PARAMS, DEFAULT_PER_PAGE, RESOURCES, tableSchemaPath, type Filters, type Resource, type ResourceName } from "./resources";
import { API_VERSION, LICENCE, SMALL_COUNT_RULE, type ErrorResponse, type ResponseMeta } from "./schemas";
import { toCsv } from "./table-schema";

export const API_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

const BASE_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count",
  "X-Content-Type-Options": "nosniff",
};

type Detail = { parameter: string; message: string };

export function errorResponse(status: 400 | 404 | 406, message: string, details: Detail[] = []): Response {
  const code = status === 400 ? "bad_request" : status === 404 ? "not_found" : "not_acceptable";
  const body: ErrorResponse = { error: { status, code, message, details } };
  return Response.json(body, { status, headers: { ...BASE_HEADERS, "Cache-Control": "no-store" } });
}

function meta(name: ResourceName | null, dataUpdatedAt: string | null): ResponseMeta {
  return {
    licence: { ...LICENCE },
    publisher: "Tripartite — contrats départementaux de prévention et de protection de l'enfance",
    apiVersion: API_VERSION,
    documentation: OPENAPI_PATH,
    tableSchema: name ? tableSchemaPath(name) : null,
    dataUpdatedAt,
    smallCountRule: SMALL_COUNT_RULE,
  };
}

/** Strong ETag of the body; 304 when the client already has it. */
function send(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = { ...BASE_HEADERS, ...extraHeaders, ETag: etag, "Cache-Control": API_CACHE_CONTROL, Vary: "Accept-Encoding" };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) {
    const tags = ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (tags.includes(etag) || tags.includes("*")) return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

type Parsed = { ok: true; filters: Filters; format: "json" | "csv"; page: number | null; perPage: number | null } | { ok: false; response: Response };

/** Checks the query string against the resource's parameters: unknown ones and bad values are a 400. */
async function parseQuery(url: URL, resource: Resource<unknown> | null): Promise<Parsed> {
  const allowed = [...(resource?.params ?? []), ...COMMON_PARAMS.filter((p) => resource || p.name === "format")];
  const details: Detail[] = [];
  const values: Filters = {};
  for (const [name, raw] of url.searchParams) {
    const spec = allowed.find((p) => p.name === name);
    if (!spec) {
      details.push({ parameter: name, message: `Paramètre inconnu. Paramètres acceptés : ${allowed.map((p) => p.name).join(", ")}.` });
      continue;
    }
    if (values[name] !== undefined) {
      details.push({ parameter: name, message: "Paramètre répété : donnez-le une seule fois." });
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed.ok) values[name] = parsed.value;
    else details.push({ parameter: name, message: parsed.message });
  }
  if (details.length === 0 && typeof values.departement === "string") {
    const code = await findDepartmentCode(values.departement);
    if (!code) details.push({ parameter: "departement", message: `Département inconnu : « ${values.departement} ». Codes INSEE attendus : 01, 2A, 77, 971…` });
    else values.departement = code;
  }
  if (details.length > 0) return { ok: false, response: errorResponse(400, "Requête invalide : vérifiez les paramètres indiqués.", details) };
  const { format = "json", page, par_page, ...filters } = values;
  return {
    ok: true,
    filters,
    format: format as "json" | "csv",
    page: typeof page === "number" ? page : null,
    perPage: typeof par_page === "number" ? par_page : null,
  };
}

function pageLink(url: URL, page: number): string {
  const next = new URL(url);
  next.searchParams.set("page", String(page));
  return `${next.pathname}?${next.searchParams.toString()}`;
}

const LOADERS: Record<ResourceName, (department?: string) => Promise<unknown[]>> = {
  departements: () => getPublicDepartments(),
  contrats: getPublicContracts,
  actions: getPublicActions,
  financements: getPublicFunding,
  indicateurs: getPublicIndicators,
  "chiffres-de-contexte": getPublicContextFigures,
};

/** GET on a collection: filtered, paginated, as JSON (default) or CSV. */
export async function respondCollection(request: Request, name: ResourceName): Promise<Response> {
  const resource = RESOURCES[name] as unknown as Resource<unknown>;
  const url = new URL(request.url);
  const query = await parseQuery(url, resource);
  if (!query.ok) return query.response;
  const department = typeof query.filters.departement === "string" ? query.filters.departement : undefined;
  const [all, updatedAt] = await Promise.all([LOADERS[name](department), getPublicFreshness(name === "departements" ? undefined : department)]);
  const records = all.filter((r) => resource.matches(r, query.filters));

  const paginate = query.format === "json" || query.page !== null || query.perPage !== null;
  const perPage = paginate ? (query.perPage ?? DEFAULT_PER_PAGE) : Math.max(1, records.length);
  const page = query.page ?? 1;
  const totalPages = Math.ceil(records.length / perPage);
  const slice = records.slice((page - 1) * perPage, page * perPage);
  const links = {
    self: pageLink(url, page),
    first: pageLink(url, 1),
    last: pageLink(url, Math.max(1, totalPages)),
    prev: page > 1 ? pageLink(url, Math.min(page - 1, Math.max(1, totalPages))) : null,
    next: page < totalPages ? pageLink(url, page + 1) : null,
  };
  const linkHeader = [
    `<${LICENCE.url}>; rel="license"`,
    `<${tableSchemaPath(name)}>; rel="describedby"; type="application/json"`,
    ...(links.next ? [`<${links.next}>; rel="next"`] : []),
    ...(links.prev ? [`<${links.prev}>; rel="prev"`] : []),
  ].join(", ");
  const headers = { Link: linkHeader, "X-Total-Count": String(records.length) };

  if (query.format === "csv") {
    const filename = `${name}${department ? `-${department}` : ""}${paginate ? `-page-${page}` : ""}.csv`;
    return send(request, toCsv(resource.columns, slice), "text/csv; charset=utf-8", { ...headers, "Content-Disposition": `attachment; filename="${filename}"` });
  }
  const body = { meta: meta(name, updatedAt), pagination: { page, perPage, totalItems: records.length, totalPages }, links, data: slice };
  return send(request, JSON.stringify(body), "application/json; charset=utf-8", headers);
}

const ITEM_LOADERS: Record<"departements" | "contrats" | "actions", (id: string) => Promise<{ record: unknown; department: string } | null>> = {
  departements: async (code) => {
    const known = await findDepartmentCode(code);
    const record = known ? (await getPublicDepartments()).find((d) => d.code === known) : undefined;
    return record ? { record, department: record.code } : null;
  },
  contrats: async (id) => {
    const byId = await getPublicContractDetail(id);
    const slugged = byId ? null : (await getPublicContracts()).find((c) => c.slug === id);
    const record = byId ?? (slugged ? await getPublicContractDetail(slugged.id) : null);
    return record ? { record, department: record.departmentCode } : null;
  },
  actions: async (id) => {
    const record = (await getPublicActions()).find((a) => a.id === id || a.key === id);
    return record ? { record, department: record.departmentCode } : null;
  },
};

const NOT_FOUND: Record<keyof typeof ITEM_LOADERS, string> = {
  departements: "Aucun département ne porte ce code. Les départements sont désignés par leur code INSEE : 01, 2A, 77, 971…",
  contrats: "Aucun contrat publié ne porte cet identifiant (les contrats en préparation ne sont pas publiés).",
  actions: "Aucune fiche action publiée ne porte cet identifiant.",
};

/** GET on one record: JSON (default) or a one-line CSV; 404 in French for an unknown identifier. */
export async function respondItem(request: Request, name: keyof typeof ITEM_LOADERS, rawId: string): Promise<Response> {
  const url = new URL(request.url);
  const query = await parseQuery(url, null);
  if (!query.ok) return query.response;
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = rawId;
  }
  const found = id.length > 0 && id.length <= 200 ? await ITEM_LOADERS[name](id) : null;
  if (!found) return errorResponse(404, NOT_FOUND[name], [{ parameter: ITEM_ROUTES[name].param, message: `Identifiant inconnu : « ${id.slice(0, 200)} ».` }]);
  const resource = RESOURCES[name] as unknown as Resource<unknown>;
  const headers = { Link: `<${LICENCE.url}>; rel="license", <${tableSchemaPath(name)}>; rel="describedby"; type="application/json"` };
  if (query.format === "csv") {
    return send(request, toCsv(resource.columns, [found.record]), "text/csv; charset=utf-8", { ...headers, "Content-Disposition": `attachment; filename="${name}-${found.department}.csv"` });
  }
  const updatedAt = await getPublicFreshness(found.department);
  return send(request, JSON.stringify({ meta: meta(name, updatedAt), data: found.record }), "application/json; charset=utf-8", headers);
}

/** A static JSON document (OpenAPI, Table Schema), with the same caching headers. */
export function respondDocument(request: Request, document: unknown, contentType = "application/json; charset=utf-8"): Response {
  return send(request, JSON.stringify(document, null, 2), contentType);
}
