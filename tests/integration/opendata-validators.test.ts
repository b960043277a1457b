// The open data API checked by outside validators, on its live answers: the OpenAPI document by an
// OpenAPI 3.1 schema validator (@seriousme/openapi-schema-validator), each Table Schema and its CSV file by
// the Frictionless Table Schema library for JavaScript (tableschema: descriptor against the Table Schema
// profile, then every row read and cast against it). Also the API's own answers to addresses it does not serve.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as unknownPath } from "../../app/api/v1/[...chemin]/route";
import { GET as getActions } from "../../app/api/v1/actions/route";
import { GET as getContextFigures } from "../../app/api/v1/chiffres-de-contexte/route";
import { GET as getContracts } from "../../app/api/v1/contrats/route";
import { GET as getDepartmentItem } from "../../app/api/v1/departements/[code]/route";
import { GET as getDepartments } from "../../app/api/v1/departements/route";
import { GET as getFunding } from "../../app/api/v1/financements/route";
import { GET as getIndicators } from "../../app/api/v1/indicateurs/route";
import { GET as getOpenApi } from "../../app/api/v1/openapi.json/route";
import { GET as getTableSchema } from "../../app/api/v1/schemas/[resource]/route";
import { RESOURCE_NAMES, type ResourceName } from "../../lib/opendata/resources";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type FrictionlessSchema = { valid: boolean; errors: Error[] };
type FrictionlessTable = { read: (options: { keyed?: boolean; cast?: boolean }) => Promise<Record<string, unknown>[]> };
type Tableschema = {
  Schema: { load: (descriptor: unknown, options?: { strict?: boolean }) => Promise<FrictionlessSchema> };
  Table: { load: (source: string, options: { schema: unknown }) => Promise<FrictionlessTable> };
};
// tableschema is CommonJS without types.
const { Schema, Table } = createRequire(import.meta.url)("tableschema") as Tableschema;

const ORIGIN = "http://tripartite.test";
const COLLECTIONS: Record<ResourceName, Handler> = {
  departements: getDepartments as Handler,
  contrats: getContracts as Handler,
  actions: getActions as Handler,
  financements: getFunding as Handler,
  indicateurs: getIndicators as Handler,
  "chiffres-de-contexte": getContextFigures as Handler,
};

const call = (handler: Handler, url: string, params: Record<string, string> = {}) => handler(new Request(`${ORIGIN}${url}`), { params: Promise.resolve(params) });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tripartite-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("outside validators", () => {
  it("the OpenAPI document is valid OpenAPI 3.1", async () => {
    const response = await call(getOpenApi as Handler, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(RESOURCE_NAMES.map((n) => [n]))("%s: the Table Schema is valid and the live CSV reads and casts against it", async (name) => {
    const descriptor = await (await call(getTableSchema as Handler, `/api/v1/schemas/${name}.json`, { resource: `${name}.json` })).json();
    const schema = await Schema.load(descriptor, { strict: false });
    expect(schema.errors.map((e) => e.message)).toEqual([]);
    expect(schema.valid).toBe(true);

    const response = await call(COLLECTIONS[name], `/api/v1/${name}?format=csv`);
    expect(response.status).toBe(200);
    const file = path.join(dir, `${name}.csv`);
    await writeFile(file, await response.text());
    const table = await Table.load(file, { schema: descriptor });
    // Throws, listing every cell that does not cast (a type, format, pattern or required value).
    let rows: Record<string, unknown>[] = [];
    let problems: string[] = [];
    try {
      rows = await table.read({ keyed: true, cast: true });
    } catch (error) {
      const e = error as Error & { errors?: Error[] };
      problems = (e.errors ?? [e]).map((x) => x.message);
    }
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("the department code has one pattern in the OpenAPI document and in the Table Schemas", async () => {
    const document = await (await call(getOpenApi as Handler, "/api/v1/openapi.json")).json();
    const inOpenApi = document.components.schemas.Contract.properties.departmentCode.pattern as string;
    for (const name of ["contrats", "actions", "financements", "indicateurs", "chiffres-de-contexte"] as const) {
      const descriptor = await (await call(getTableSchema as Handler, `/api/v1/schemas/${name}.json`, { resource: `${name}.json` })).json();
      const field = descriptor.fields.find((f: { name: string }) => f.name === "departmentCode");
      expect(`^${field.constraints.pattern}$`).toBe(inOpenApi);
    }
  });
});

describe("addresses the API does not serve", () => {
  it("answers its JSON error, not the site's page", async () => {
    const response = await call(unknownPath as unknown as Handler, "/api/v1/contracts", { chemin: "contracts" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.error).toMatchObject({ status: 404, code: "not_found" });
    expect(body.error.message).toMatch(/Adresse inconnue de l'API/);
  });

  it("names the path parameter `code` for an unknown department", async () => {
    const response = await call(getDepartmentItem as Handler, "/api/v1/departements/96", { code: "96" });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.details).toEqual([{ parameter: "code", message: "Identifiant inconnu : « 96 »." }]);
  });
});
