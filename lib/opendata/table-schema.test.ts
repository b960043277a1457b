import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validateJsonSchema } from "./json-schema";
import { openApiDocument } from "./openapi";
import { RESOURCES, RESOURCE_NAMES, resourceTableSchema } from "./resources";
import { parseCsv } from "../core/csv";
import { columnsFromSchema, tableSchema, toCsv, validateCsv } from "./table-schema";

const Row = z.strictObject({
  code: z.string(),
  n: z.number().int().min(0).nullable(),
  share: z.number().nullable(),
  on: z.iso.date().nullable(),
  flag: z.boolean(),
  status: z.enum(["A", "B"]),
  suppressedFields: z.array(z.string()),
});
type Row = z.infer<typeof Row>;

describe("CSV and Table Schema from one column list", () => {
  const columns = columnsFromSchema<Row>(Row, ["code", "n", "share", "on", "flag", "status"], ["n"]);
  const schema = tableSchema(columns, ["code"]);

  it("types the fields from the zod schema", () => {
    expect(schema.fields.map((f) => [f.name, f.type, f.constraints?.required ?? false])).toEqual([
      ["code", "string", true],
      ["n", "integer", false],
      ["share", "number", false],
      ["on", "date", false],
      ["flag", "boolean", true],
      ["status", "string", true],
    ]);
    expect(schema.fields.find((f) => f.name === "status")!.constraints!.enum).toEqual(["A", "B"]);
    expect(schema.missingValues).toEqual(["", "< 11"]);
  });

  it("writes withheld counts as « < 11 », quotes and defuses text, and reads back valid", () => {
    const csv = toCsv(columns, [
      { code: "=SOMME(A1)", n: null, share: 2.5, on: "2021-01-31", flag: true, status: "A", suppressedFields: ["n"] },
      { code: 'Dit "oui", puis non', n: 12, share: null, on: null, flag: false, status: "B", suppressedFields: [] },
    ]);
    expect(csv).toBe(`code,n,share,on,flag,status\r\n'=SOMME(A1),< 11,2.5,2021-01-31,true,A\r\n"Dit ""oui"", puis non",12,,,false,B\r\n`);
    expect(parseCsv(csv)[2]).toEqual(['Dit "oui", puis non', "12", "", "", "false", "B"]);
    expect(validateCsv(csv, schema)).toEqual([]);
  });

  it("reports a wrong header, a bad type, a missing required value and a value off the list", () => {
    expect(validateCsv("code,x\r\n", schema)[0]).toMatch(/En-tête/);
    const problems = validateCsv("code,n,share,on,flag,status\r\n,1.5,x,2021-02-30x,oui,C\r\n", schema);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/code : valeur requise/),
        expect.stringMatching(/n : « 1.5 »/),
        expect.stringMatching(/share : « x »/),
        expect.stringMatching(/flag : « oui »/),
        expect.stringMatching(/status : « C » hors liste/),
      ]),
    );
  });

  it("gives every resource a Table Schema whose fields are its CSV header", () => {
    for (const name of RESOURCE_NAMES) {
      const s = resourceTableSchema(name);
      expect(s.fields.map((f) => f.name)).toEqual(RESOURCES[name].columns.map((c) => c.name));
      expect(s.primaryKey.every((k) => s.fields.some((f) => f.name === k))).toBe(true);
    }
  });
});

describe("validateJsonSchema", () => {
  const schema = z.toJSONSchema(Row, { target: "draft-2020-12" });
  it("agrees with zod on valid and invalid records", () => {
    const good = { code: "77", n: 3, share: null, on: "2021-01-31", flag: true, status: "A", suppressedFields: [] };
    expect(validateJsonSchema(good, schema)).toEqual([]);
    for (const bad of [
      { ...good, n: 2.5 },
      { ...good, n: -1 },
      { ...good, on: "31/01/2021" },
      { ...good, status: "C" },
      { ...good, extra: 1 },
      { code: "77" },
    ]) {
      expect(Row.safeParse(bad).success).toBe(false);
      expect(validateJsonSchema(bad, schema).length).toBeGreaterThan(0);
    }
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a schema for every response it names", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const schemas = doc.components.schemas as Record<string, unknown>;
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(schemas[ref], ref).toBeDefined();
    expect(JSON.stringify(schemas)).not.toContain("$schema");
  });
});
