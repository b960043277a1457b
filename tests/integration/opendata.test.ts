// The open data API and the public pages' data, as the public gets them: route handlers called with a
// real Request, answers checked against the OpenAPI document (JSON) and the Table Schemas (CSV), and
// nothing beyond the allow-list of public fields.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getActionItem } from "../../app/api/v1/actions/[id]/route";
import { GET as getActions } from "../../app/api/v1/actions/route";
import { GET as getContextFigures } from "../../app/api/v1/chiffres-de-contexte/route";
import { GET as getContractItem } from "../../app/api/v1/contrats/[id]/route";
import { GET as getContracts } from "../../app/api/v1/contrats/route";
import { GET as getDepartmentItem } from "../../app/api/v1/departements/[code]/route";
import { GET as getDepartments } from "../../app/api/v1/departements/route";
import { GET as getFunding } from "../../app/api/v1/financements/route";
import { GET as getIndicators } from "../../app/api/v1/indicateurs/route";
import { GET as getOpenApi } from "../../app/api/v1/openapi.json/route";
import { GET as getTableSchema } from "../../app/api/v1/schemas/[resource]/route";
import { updateAction } from "../../lib/actions/mutations";
import { addContractComment } from "../../lib/comments/mutations";
import { createContextFigure } from "../../lib/context-figures/mutations";
import { formatPublicCount } from "../../lib/core/format";
import { saveIndicatorValue } from "../../lib/indicators/mutations";
import { getPublicDepartmentPage, getPublicNationalPage } from "../../lib/opendata/cached";
import { validateJsonSchema } from "../../lib/opendata/json-schema";
import { COMPONENT_SCHEMAS } from "../../lib/opendata/openapi";
import { RESOURCE_NAMES, type ResourceName } from "../../lib/opendata/resources";
import { validateCsv, type TableSchema } from "../../lib/opendata/table-schema";
import { parseCsv } from "../support/csv";
import { actionForm } from "../factories/action-form";
import { db } from "../../lib/server/db";
import { contractSeed, createContract } from "../factories/contracts";
import { untouchedDepartment } from "../factories/departments";
import { signedInViewer } from "../factories/users";

const ORIGIN = "http://tripartite.test";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown>;

const COLLECTIONS: Record<ResourceName, Handler> = {
  departements: getDepartments as Handler,
  contrats: getContracts as Handler,
  actions: getActions as Handler,
  financements: getFunding as Handler,
  indicateurs: getIndicators as Handler,
  "chiffres-de-contexte": getContextFigures as Handler,
};

async function call(handler: Handler, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return handler(new Request(`${ORIGIN}${path}`, { headers }), { params: Promise.resolve(params) });
}

let openapi: Json;

/** Every JSON answer checked against the schema the OpenAPI document gives for its path and status. */
function expectMatchesOpenApi(template: string, status: number, body: unknown) {
  const operation = (openapi.paths as Json)[template] as { get: { responses: Record<string, { content?: Record<string, { schema: Json }> }> } };
  expect(operation, `chemin ${template} absent du document OpenAPI`).toBeDefined();
  const schema = operation.get.responses[String(status)]?.content?.["application/json"]?.schema;
  expect(schema, `réponse ${status} de ${template} non documentée`).toBeDefined();
  expect(validateJsonSchema(body, schema!, openapi)).toEqual([]);
  // The zod schema the document was generated from agrees.
  const component = String(schema!.$ref).replace("#/components/schemas/", "");
  expect(COMPONENT_SCHEMAS[component].safeParse(body).success).toBe(true);
}

async function tableSchemaOf(name: ResourceName): Promise<TableSchema> {
  const response = await call(getTableSchema as Handler, `/api/v1/schemas/${name}.json`, { resource: `${name}.json` });
  expect(response.status).toBe(200);
  return (await response.json()) as TableSchema;
}

/** Every key path a JSON value carries: "data[].amounts[].party". */
function keyPaths(value: unknown, prefix = "", into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${prefix}[]`, into);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      into.add(path);
      keyPaths(child, path, into);
    }
  }
  return into;
}

beforeAll(async () => {
  const response = await call(getOpenApi as Handler, "/api/v1/openapi.json");
  expect(response.status).toBe(200);
  openapi = (await response.json()) as Json;
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 under Licence Ouverte 2.0, and documents every collection, item and error", () => {
    expect(openapi.openapi).toBe("3.1.0");
    expect((openapi.info as Json).license).toEqual({ name: "Licence Ouverte / Open Licence version 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" });
    const paths = Object.keys(openapi.paths as Json);
    for (const name of RESOURCE_NAMES) expect(paths).toContain(`/${name}`);
    expect(paths).toEqual(expect.arrayContaining(["/departements/{code}", "/contrats/{id}", "/actions/{id}", "/openapi.json", "/schemas/{resource}.json"]));
    expect(JSON.stringify(openapi)).toContain("< 11");
  });
});

describe("every collection, as JSON and as CSV", () => {
  for (const name of RESOURCE_NAMES) {
    it(`${name}: JSON matches the OpenAPI document; CSV matches its Table Schema`, async () => {
      const json = await call(COLLECTIONS[name], `/api/v1/${name}?par_page=1000`);
      expect(json.status).toBe(200);
      expect(json.headers.get("content-type")).toContain("application/json");
      expect(json.headers.get("etag")).toMatch(/^"[^"]+"$/);
      expect(json.headers.get("cache-control")).toContain("public");
      expect(json.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await json.json()) as { meta: Json; data: unknown[]; pagination: Json };
      expectMatchesOpenApi(`/${name}`, 200, body);
      expect(body.data.length).toBeGreaterThan(0);
      expect((body.meta.licence as Json).id).toBe("etalab-2.0");
      expect(body.meta.tableSchema).toBe(`/api/v1/schemas/${name}.json`);

      const csv = await call(COLLECTIONS[name], `/api/v1/${name}?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("link")).toContain('rel="license"');
      const schema = await tableSchemaOf(name);
      const text = await csv.text();
      expect(parseCsv(text)[0]).toEqual(schema.fields.map((f) => f.name));
      expect(validateCsv(text, schema)).toEqual([]);
      // Without pagination asked for, the CSV holds the whole collection.
      expect(parseCsv(text).length - 1).toBe(body.pagination.totalItems);
    });
  }

  it("filters by department and year: funder × year × stage for 77 in 2021", async () => {
    const response = await call(getFunding as Handler, "/api/v1/financements?departement=77&annee=2021&par_page=1000");
    const body = (await response.json()) as { data: { departmentCode: string; year: number; funder: string; stage: string; amountCents: number }[] };
    expectMatchesOpenApi("/financements", 200, body);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((r) => r.departmentCode === "77" && r.year === 2021)).toBe(true);
    const keys = body.data.map((r) => `${r.funder}:${r.stage}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The sums equal the ledger's lines.
    const lines = await db().fundingLine.findMany({ where: { year: 2021, contract: { departmentCode: "77", status: { not: "DRAFT" } } } });
    expect(body.data.reduce((s, r) => s + r.amountCents, 0)).toBe(lines.reduce((s, l) => s + Number(l.amountCents), 0));
  });

  it("lists the actions and indicators of one department only", async () => {
    for (const [handler, name] of [[getActions, "actions"], [getIndicators, "indicateurs"]] as const) {
      const body = (await (await call(handler as Handler, `/api/v1/${name}?departement=77&par_page=1000`)).json()) as { data: { departmentCode: string }[] };
      expectMatchesOpenApi(`/${name}`, 200, body);
      expect(body.data.length).toBeGreaterThan(0);
      expect(body.data.every((r) => r.departmentCode === "77")).toBe(true);
    }
  });
});

describe("single records", () => {
  it("a department, a contract by id and by slug, an action by id and by key", async () => {
    const department = await call(getDepartmentItem as Handler, "/api/v1/departements/77", { code: "77" });
    expect(department.status).toBe(200);
    const dep = (await department.json()) as { data: { code: string; currentContractId: string } };
    expectMatchesOpenApi("/departements/{code}", 200, dep);
    expect(dep.data.code).toBe("77");

    const contract = (await (await call(getContractItem as Handler, `/api/v1/contrats/${dep.data.currentContractId}`, { id: dep.data.currentContractId })).json()) as {
      data: { id: string; slug: string; commitments: unknown[]; fundingTotals: { plannedCents: number }; totalCents: number };
    };
    expectMatchesOpenApi("/contrats/{id}", 200, contract);
    // The department's current contract is the running 2025-2027 one; the 2020-2022 one stays addressable.
    expect(contract.data.slug).toBe("77-2025-2027-v2025");
    expect(contract.data.fundingTotals.plannedCents).toBe(contract.data.totalCents);
    const bySlug = (await (await call(getContractItem as Handler, "/api/v1/contrats/77-2025-2027-v2025", { id: "77-2025-2027-v2025" })).json()) as { data: { id: string } };
    expect(bySlug.data.id).toBe(contract.data.id);
    const earlier = (await (await call(getContractItem as Handler, "/api/v1/contrats/77-2020-2022-v2020", { id: "77-2020-2022-v2020" })).json()) as { data: { id: string; totalCents: number } };
    expect(earlier.data.id).not.toBe(contract.data.id);
    expect(earlier.data.totalCents).toBe(2_810_000_000);

    const action = await db().action.findFirstOrThrow({ where: { reference: "FA-01", contractId: contract.data.id } });
    for (const id of [action.id, `${contract.data.id}:FA-01`]) {
      const response = await call(getActionItem as Handler, `/api/v1/actions/${encodeURIComponent(id)}`, { id: encodeURIComponent(id) });
      const body = (await response.json()) as { data: { id: string } };
      expectMatchesOpenApi("/actions/{id}", 200, body);
      expect(body.data.id).toBe(action.id);
    }
    const csv = await call(getContractItem as Handler, `/api/v1/contrats/${contract.data.id}?format=csv`, { id: contract.data.id });
    expect(validateCsv(await csv.text(), await tableSchemaOf("contrats"))).toEqual([]);
  });
});

describe("errors, in French", () => {
  const cases: [Handler, string, string][] = [
    [getActions as Handler, "/api/v1/actions?departement=ZZ", "departement"],
    [getActions as Handler, "/api/v1/actions?departement=99", "departement"],
    [getFunding as Handler, "/api/v1/financements?annee=deux-mille", "annee"],
    [getFunding as Handler, "/api/v1/financements?etape=PAYE", "etape"],
    [getContracts as Handler, "/api/v1/contrats?department=77", "department"],
    [getContracts as Handler, "/api/v1/contrats?page=0", "page"],
    [getContracts as Handler, "/api/v1/contrats?par_page=5000", "par_page"],
    [getContracts as Handler, "/api/v1/contrats?format=xml", "format"],
  ];
  for (const [handler, path, parameter] of cases) {
    it(`400 for ${path}`, async () => {
      const response = await handler(new Request(`${ORIGIN}${path}`), { params: Promise.resolve({}) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; details: { parameter: string; message: string }[] } };
      expectMatchesOpenApi(`/${path.split("?")[0].split("/")[3]}`, 400, body);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toBe("Requête invalide : vérifiez les paramètres indiqués.");
      expect(body.error.details[0].parameter).toBe(parameter);
      expect(body.error.details[0].message).toMatch(/[àéèêç]|Paramètre|Valeurs|entier/);
    });
  }

  it("a bad department says which codes are expected", async () => {
    const body = (await (await call(getActions as Handler, "/api/v1/actions?departement=99")).json()) as { error: { details: { message: string }[] } };
    expect(body.error.details[0].message).toBe("Département inconnu : « 99 ». Codes INSEE attendus : 01, 2A, 77, 971…");
  });

  it("404 for unknown identifiers, and for a contract in preparation", async () => {
    const draft = await createContract(db(), { departmentCode: "2A", status: "DRAFT", summary: "Brouillon confidentiel 2A." });
    const draftId = (await db().contract.findFirstOrThrow({ where: { departmentCode: "2A", status: "DRAFT" } })).id;
    void draft;
    for (const [handler, template, params, path] of [
      [getContractItem, "/contrats/{id}", { id: "inconnu" }, "/api/v1/contrats/inconnu"],
      [getContractItem, "/contrats/{id}", { id: draftId }, `/api/v1/contrats/${draftId}`],
      [getActionItem, "/actions/{id}", { id: "inconnue" }, "/api/v1/actions/inconnue"],
      [getDepartmentItem, "/departements/{code}", { code: "999" }, "/api/v1/departements/999"],
    ] as const) {
      const response = await call(handler as Handler, path, params);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expectMatchesOpenApi(template, 404, body);
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toMatch(/^Aucun/);
    }
    const schema = await call(getTableSchema as Handler, "/api/v1/schemas/inconnue.json", { resource: "inconnue.json" });
    expect(schema.status).toBe(404);
  });
});

describe("caching headers", () => {
  it("answers 304 to If-None-Match with the current ETag, 200 otherwise", async () => {
    const first = await call(getContracts as Handler, "/api/v1/contrats");
    const etag = first.headers.get("etag")!;
    const again = await call(getContracts as Handler, "/api/v1/contrats", {}, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect((await call(getContracts as Handler, "/api/v1/contrats", {}, { "If-None-Match": `W/${etag}` })).status).toBe(304);
    expect((await call(getContracts as Handler, "/api/v1/contrats", {}, { "If-None-Match": '"autre"' })).status).toBe(200);
    // Another representation, another ETag.
    expect((await call(getContracts as Handler, "/api/v1/contrats?format=csv")).headers.get("etag")).not.toBe(etag);
  });
});

describe("pagination", () => {
  it("splits a collection into pages that add up to the whole, with links", async () => {
    const all = (await (await call(getActions as Handler, "/api/v1/actions?par_page=1000")).json()) as { data: { id: string }[]; pagination: { totalItems: number } };
    const total = all.pagination.totalItems;
    expect(total).toBeGreaterThan(5);
    const ids: string[] = [];
    let next: string | null = "/api/v1/actions?par_page=4";
    let pages = 0;
    while (next) {
      const body = (await (await call(getActions as Handler, next)).json()) as { data: { id: string }[]; links: { next: string | null; first: string; last: string }; pagination: Json };
      expectMatchesOpenApi("/actions", 200, body);
      expect(body.data.length).toBeLessThanOrEqual(4);
      ids.push(...body.data.map((a) => a.id));
      expect(body.pagination.totalPages).toBe(Math.ceil(total / 4));
      next = body.links.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(total / 4));
    expect(ids).toEqual(all.data.map((a) => a.id));
    const beyond = (await (await call(getActions as Handler, `/api/v1/actions?par_page=4&page=${pages + 1}`)).json()) as { data: unknown[]; links: { next: unknown } };
    expect(beyond.data).toEqual([]);
    expect(beyond.links.next).toBeNull();
    const response = await call(getActions as Handler, "/api/v1/actions?par_page=4&page=2");
    expect(response.headers.get("x-total-count")).toBe(String(total));
    expect(response.headers.get("link")).toMatch(/rel="next".*rel="prev"/);
  });
});

describe("nothing but public fields", () => {
  // Every field a public answer may carry. A new field must be added here knowingly.
  const SOURCE = ["source", "source.url", "source.quote", "source.checkedOn"];
  const CONTRACT = [
    "id", "slug", "departmentCode", "departmentName", "regionCode", "regionName", "frameworkCode", "frameworkName", "wave", "status", "statusLabel",
    "signedOn", "signedPlace", "periodStart", "periodEnd", "stateSignatory", "arsSignatory", "departmentSignatory", "summary", "amounts",
    "amounts[].party", "amounts[].partyLabel", "amounts[].amountCents", "amounts[].sourceUrl", "amounts[].isDemo", ...SOURCE.map((k) => `amounts[].${k}`),
    "totalCents", "includesDemo", "demoCents", "actionCount", "doneActionCount", "averageProgress", "pageUrl", "updatedAt", "sourceUrl", "isDemo", ...SOURCE,
  ];
  const STAGES = ["plannedCents", "notifiedCents", "committedCents", "paidCents"];
  const DETAIL = [
    ...CONTRACT,
    "objectives", ...["commitmentCode", "code", "title", "isMandatory"].map((k) => `objectives[].${k}`),
    "commitments", ...["code", "title", "isCrossCutting", "actionCount", "doneCount", "averageProgress"].map((k) => `commitments[].${k}`),
    "fundingByYear", ...["year", ...STAGES].map((k) => `fundingByYear[].${k}`),
    "fundingByFunder", ...["funder", "funderLabel", ...STAGES].map((k) => `fundingByFunder[].${k}`),
    "fundingTotals", ...STAGES.map((k) => `fundingTotals.${k}`),
  ];
  const DEPARTMENT = ["code", "name", "regionCode", "regionName", "arsName", "childProtectionBody", "publishedContractCount", "currentContractId", "pageUrl", "sourceUrl", "isDemo", ...SOURCE];
  const ACTION = [
    "id", "key", "contractId", "departmentCode", "reference", "title", "purpose", "targetPublic", "lead", "partners", "commitmentCode", "objectiveCode",
    "objectiveTitle", "startDate", "endDate", "status", "statusLabel", "progress", "isLate", "updatedAt", "sourceUrl", "isDemo", ...SOURCE,
  ];
  const FUNDING = ["key", "contractId", "departmentCode", "year", "funder", "funderLabel", "party", "stage", "stageLabel", "amountCents", "sourceUrl", "isDemo", ...SOURCE];
  const INDICATOR = [
    "key", "contractId", "departmentCode", "frameworkCode", "commitmentCode", "objectiveCode", "indicatorCode", "indicatorLabel", "kind", "direction", "unit",
    "countsPeople", "year", "baseline", "target", "actual", "status", "statusLabel", "suppressedFields", "updatedAt", "sourceUrl", "isDemo", ...SOURCE,
  ];
  const CONTEXT = ["key", "departmentCode", "year", "childProtectionBudgetCents", "childrenFollowedByAse", "disabilitySharePercent", "note", "suppressedFields", "updatedAt", "sourceUrl", "isDemo", ...SOURCE];
  const META = ["meta", ...["licence", "licence.id", "licence.name", "licence.url", "publisher", "apiVersion", "documentation", "tableSchema", "dataUpdatedAt", "smallCountRule"].map((k) => `meta.${k}`)];
  const LIST = [...META, "pagination", "pagination.page", "pagination.perPage", "pagination.totalItems", "pagination.totalPages", "links", ...["self", "first", "last", "prev", "next"].map((k) => `links.${k}`), "data"];
  const under = (prefix: string, keys: string[]) => keys.map((k) => `${prefix}.${k}`);

  const ALLOWED: Record<string, string[]> = {
    departements: [...LIST, ...under("data[]", DEPARTMENT)],
    contrats: [...LIST, ...under("data[]", CONTRACT)],
    actions: [...LIST, ...under("data[]", ACTION)],
    financements: [...LIST, ...under("data[]", FUNDING)],
    indicateurs: [...LIST, ...under("data[]", INDICATOR)],
    "chiffres-de-contexte": [...LIST, ...under("data[]", CONTEXT)],
    contractItem: [...META, "data", ...under("data", DETAIL)],
    nationalPage: [
      "totals", "totals.contractCount", "totals.departmentCount", "totals.byParty", "totals.byParty[].party", "totals.byParty[].partyLabel", "totals.byParty[].amountCents",
      "totals.byParty[].includesDemo", "totals.byParty[].demoCents", "totals.totalCents", "totals.includesDemo", "totals.demoCents",
      "contracts", ...under("contracts[]", CONTRACT), "updatedAt",
    ],
    departmentPage: [
      "department", ...under("department", DEPARTMENT), "contract", ...under("contract", DETAIL), "actions", ...under("actions[]", ACTION),
      "indicators", ...under("indicators[]", INDICATOR), "otherContracts", ...under("otherContracts[]", CONTRACT),
      "contextFigures", ...under("contextFigures[]", CONTEXT), "updatedAt",
    ],
  };

  it("carries only the listed fields, and none of what stays internal", async () => {
    // Things that must never come out: a draft contract, an internal comment, an archived action, staff e-mails.
    await createContract(db(), { departmentCode: "2B", status: "DRAFT", summary: "Projet de contrat non publié 2B." });
    const draft = await db().contract.findFirstOrThrow({ where: { departmentCode: "2B", status: "DRAFT" } });
    const regional = await signedInViewer("REGIONAL_OFFICIAL", { regionCode: "11" });
    const contract77 = await db().contract.findFirstOrThrow({ where: { departmentCode: "77", status: { not: "DRAFT" } }, orderBy: { periodStart: "desc" } });
    expect((await addContractComment(regional, contract77.id, { body: "Commentaire interne à ne jamais publier." })).ok).toBe(true);
    const archived = await db().action.create({ data: { contractId: contract77.id, reference: "FA-99", title: "Fiche archivée jamais publiée", archivedAt: new Date() } });

    const answers: Record<string, unknown> = {};
    for (const name of RESOURCE_NAMES) answers[name] = await (await call(COLLECTIONS[name], `/api/v1/${name}?par_page=1000`)).json();
    answers.contractItem = await (await call(getContractItem as Handler, `/api/v1/contrats/${contract77.id}`, { id: contract77.id })).json();
    answers.nationalPage = await getPublicNationalPage();
    answers.departmentPage = await getPublicDepartmentPage("77");

    for (const [name, answer] of Object.entries(answers)) {
      const paths = [...keyPaths(answer)];
      expect(paths.length, name).toBeGreaterThan(10);
      expect(paths.filter((p) => !ALLOWED[name].includes(p)), `${name} : champs non publics`).toEqual([]);
    }
    const everything = JSON.stringify(answers);
    for (const secret of [draft.id, "Projet de contrat non publié 2B.", "Commentaire interne", archived.id, "Fiche archivée jamais publiée", regional.user.email, "@demo.tripartite.fr", "@test.tripartite.fr", "passwordHash", '"version"', '"archivedAt"', '"createdAt"']) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).not.toContain('"DRAFT"');
  });
});

describe("counts of people below 11", () => {
  it("are withheld in JSON (null + suppressedFields), shown as « < 11 » in CSV and on the page", async () => {
    expect(formatPublicCount(7)).toBe("< 11");
    expect(formatPublicCount(11)).toBe("11");
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "04" });
    const created = await createContextFigure(editor, "04", { year: "2019", childrenFollowedByAse: "7", disabilitySharePercent: "28,5", childProtectionBudget: "1 000 000" });
    expect(created.ok).toBe(true);

    const body = (await (await call(getContextFigures as Handler, "/api/v1/chiffres-de-contexte?departement=04&annee=2019")).json()) as { data: Json[] };
    expectMatchesOpenApi("/chiffres-de-contexte", 200, body);
    expect(body.data[0]).toMatchObject({ year: 2019, childrenFollowedByAse: null, disabilitySharePercent: null, childProtectionBudgetCents: 100_000_000, suppressedFields: ["childrenFollowedByAse", "disabilitySharePercent"] });

    const csv = await (await call(getContextFigures as Handler, "/api/v1/chiffres-de-contexte?departement=04&annee=2019&format=csv")).text();
    const [header, row] = parseCsv(csv);
    expect(row[header.indexOf("childrenFollowedByAse")]).toBe("< 11");
    expect(row[header.indexOf("disabilitySharePercent")]).toBe("< 11");
    expect(validateCsv(csv, await tableSchemaOf("chiffres-de-contexte"))).toEqual([]);
    expect(csv).not.toContain("28.5");

    const page = (await getPublicDepartmentPage("04"))!;
    expect(page.contextFigures.find((f) => f.year === 2019)).toMatchObject({ childrenFollowedByAse: null, suppressedFields: ["childrenFollowedByAse", "disabilitySharePercent"] });
  });

  it("applies to indicators that count people, not to places or meetings", async () => {
    const page = (await getPublicDepartmentPage("77"))!;
    const people = page.indicators.find((i) => i.countsPeople);
    expect(people, "un indicateur comptant des personnes").toBeDefined();
    expect(page.indicators.filter((i) => i.unit === "places").every((i) => !i.countsPeople)).toBe(true);
    const indicator = await db().indicator.findFirstOrThrow({ where: { code: people!.indicatorCode, objective: { commitment: { framework: { code: people!.frameworkCode } } } } });
    const stored = await db().indicatorValue.findUniqueOrThrow({ where: { contractId_indicatorId_year: { contractId: people!.contractId, indicatorId: indicator.id, year: people!.year } } });
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const saved = await saveIndicatorValue(editor, people!.contractId, { indicatorId: indicator.id, year: String(people!.year), version: String(stored.version), baseline: "40", target: "60", actual: "5" });
    expect(saved.ok).toBe(true);

    const body = (await (await call(getIndicators as Handler, `/api/v1/indicateurs?departement=77&indicateur=${people!.indicatorCode}&annee=${people!.year}`)).json()) as { data: Json[] };
    expectMatchesOpenApi("/indicateurs", 200, body);
    expect(body.data.find((v) => v.contractId === people!.contractId)).toMatchObject({ baseline: 40, target: 60, actual: null, suppressedFields: ["actual"] });
    const csv = await (await call(getIndicators as Handler, `/api/v1/indicateurs?departement=77&indicateur=${people!.indicatorCode}&annee=${people!.year}&format=csv`)).text();
    const [header, row] = parseCsv(csv);
    expect(row[header.indexOf("actual")]).toBe("< 11");
    expect(row[header.indexOf("baseline")]).toBe("40");
  });
});

describe("a change made in the workspace", () => {
  it("shows in the API and on the public page, with a newer freshness stamp", async () => {
    const editor = await signedInViewer("DEPARTMENT_EDITOR", { departmentCode: "77" });
    const before = await getPublicDepartmentPage("77");
    // FA-02 of the running contract, the one the public page shows.
    const action = await db().action.findFirstOrThrow({ where: { reference: "FA-02", contract: { departmentCode: "77", framework: { code: "2025-2027" } } } });
    const result = await updateAction(editor, action.id, actionForm(action, { title: "Recrutement d'assistants familiaux renforcé", status: "IN_PROGRESS", progress: "73" }));
    expect(result.ok).toBe(true);

    const api = (await (await call(getActionItem as Handler, `/api/v1/actions/${action.id}`, { id: action.id })).json()) as { data: Json; meta: { dataUpdatedAt: string } };
    expect(api.data).toMatchObject({ title: "Recrutement d'assistants familiaux renforcé", progress: 73, status: "IN_PROGRESS" });
    const list = (await (await call(getActions as Handler, "/api/v1/actions?departement=77&statut=IN_PROGRESS&par_page=1000")).json()) as { data: Json[] };
    expect(list.data.find((a) => a.id === action.id)).toMatchObject({ progress: 73 });

    const after = (await getPublicDepartmentPage("77"))!;
    expect(after.actions.find((a) => a.id === action.id)).toMatchObject({ title: "Recrutement d'assistants familiaux renforcé", progress: 73 });
    expect(after.updatedAt! > before!.updatedAt!).toBe(true);
    expect(api.meta.dataUpdatedAt).toBe(after.updatedAt);
    const national = await getPublicNationalPage();
    expect(national.updatedAt! >= after.updatedAt!).toBe(true);
  });
});

describe("provenance of the published figures", () => {
  it("gives each sourced amount its URL, the passage that states it and the day it was read", async () => {
    const response = await call(getContracts as Handler, "/api/v1/contrats?departement=77");
    const contracts = ((await response.json()) as { data: Json[] }).data as {
      frameworkCode: string;
      amounts: { party: string; amountCents: number; isDemo: boolean; source: { url: string; quote: string; checkedOn: string } | null }[];
      includesDemo: boolean;
      demoCents: number;
    }[];
    // The 2020-2022 contract is sourced; the running 2025-2027 one is demo data through and through.
    const contract = contracts.find((c) => c.frameworkCode === "2020-2022")!;
    const running = contracts.find((c) => c.frameworkCode === "2025-2027")!;
    expect(running).toMatchObject({ includesDemo: true, demoCents: 3_000_000_000 });
    expect(running.amounts.every((a) => a.isDemo && a.source === null)).toBe(true);
    const state = contract.amounts.find((a) => a.party === "STATE")!;
    expect(state).toMatchObject({ amountCents: 840_000_000, isDemo: false });
    expect(state.source?.url).toBe("https://seine-et-marne.fr/fr/actualites/une-convention-pour-la-protection-de-lenfance");
    expect(state.source?.quote).toContain("8,4 millions d’euros");
    expect(state.source?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(contract).toMatchObject({ includesDemo: false, demoCents: 0 });
  });

  it("says how much of a total is demo data, per contract and nationally", async () => {
    const contracts = ((await (await call(getContracts as Handler, "/api/v1/contrats?departement=63")).json()) as { data: Json[] }).data as {
      frameworkCode: string;
      amounts: { amountCents: number; isDemo: boolean }[];
      includesDemo: boolean;
      demoCents: number;
    }[];
    const earlierIndex = contracts.findIndex((c) => c.frameworkCode === "2020-2022");
    const contract = contracts[earlierIndex];
    const demo = contract.amounts.filter((a) => a.isDemo).reduce((s, a) => s + a.amountCents, 0);
    expect(demo).toBeGreaterThan(0);
    expect(contract).toMatchObject({ includesDemo: true, demoCents: demo });

    const csv = parseCsv(await (await call(getContracts as Handler, "/api/v1/contrats?departement=63&format=csv")).text());
    const header = csv[0];
    const row = csv[1 + earlierIndex];
    expect(row[header.indexOf("includesDemo")]).toBe("true");
    expect(row[header.indexOf("demoCents")]).toBe(String(demo));
    expect(row[header.indexOf("sourceQuote")]).toContain("2020 à 2023");

    const { totals } = await getPublicNationalPage();
    expect(totals.includesDemo).toBe(true);
    expect(totals.demoCents).toBe(totals.byParty.reduce((s, p) => s + p.demoCents, 0));
    expect(totals.demoCents).toBeLessThan(totals.totalCents);
  });
});

describe("formula-like text in the CSV files", () => {
  it("writes a fiche action titled =1+1 as '=1+1, in the collection and in the item", async () => {
    const { code } = await untouchedDepartment();
    const [seeded] = contractSeed({ departmentCode: code }).actions;
    await createContract(db(), { departmentCode: code, actions: [{ ...seeded, title: "=1+1", lead: "@Département" }] });
    const action = await db().action.findFirstOrThrow({ where: { contract: { departmentCode: code } } });
    expect(action.title).toBe("=1+1");

    const [header, row, ...rest] = parseCsv(await (await call(getActions as Handler, `/api/v1/actions?departement=${code}&format=csv`)).text());
    expect(rest).toEqual([]);
    const record = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    expect(record).toMatchObject({ title: "'=1+1", lead: "'@Département" });
    const item = parseCsv(await (await call(getActionItem as Handler, `/api/v1/actions/${action.id}?format=csv`, { id: action.id })).text());
    expect(item[1][header.indexOf("title")]).toBe("'=1+1");
  });
});
