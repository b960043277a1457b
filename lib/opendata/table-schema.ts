// CSV files and their Table Schemas (frictionless, https://specs.frictionlessdata.io/table-schema/),
// both drawn from the same column list, and the columns drawn from the zod schemas of the JSON records:
// a column carries the JSON field of the same name, so both forms say the same thing. Safe for the client.
import { z } from "zod";
import { OPEN_DATA_CSV, csvNumber, parseCsv, writeCsv, type CsvCell as WriterCell } from "../core/csv";
import { PUBLIC_COUNT_MASK } from "../core/format";

export type TableFieldType = "string" | "integer" | "number" | "boolean" | "date" | "datetime";

export type TableField = {
  name: string;
  type: TableFieldType;
  description?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
};

export type TableSchema = {
  fields: TableField[];
  primaryKey: string[];
  missingValues: string[];
};

export type CsvCell = string | number | boolean | null;

/** A column: a Table Schema field and how to read it from a record. */
export type CsvColumn<T> = TableField & { value: (record: T) => CsvCell };

/** Empty: no value. "< 11": a count of people withheld (see SMALL_COUNT_RULE). */
export const MISSING_VALUES = ["", PUBLIC_COUNT_MASK];

type JsonSchemaNode = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  description?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
};

/** The Table Schema field of one property of a JSON schema (nullable: not required). */
export function fieldFromJsonSchema(name: string, node: JsonSchemaNode): TableField {
  // Nullable comes as anyOf [X, null] or as type [X, "null"].
  const variants = (node.anyOf ?? [node]).flatMap((v) => (Array.isArray(v.type) ? v.type.map((t) => ({ ...v, type: t })) : [v]));
  const nonNull = variants.filter((v) => v.type !== "null");
  const nullable = variants.length !== nonNull.length;
  const base = nonNull[0] ?? {};
  const type: TableFieldType =
    base.type === "integer"
      ? "integer"
      : base.type === "number"
        ? "number"
        : base.type === "boolean"
          ? "boolean"
          : base.format === "date"
            ? "date"
            : base.format === "date-time"
              ? "datetime"
              : "string";
  const constraints: NonNullable<TableField["constraints"]> = {};
  if (!nullable) constraints.required = true;
  if (base.enum) constraints.enum = base.enum.map(String);
  if (typeof base.minimum === "number" && base.minimum > Number.MIN_SAFE_INTEGER) constraints.minimum = base.minimum;
  if (typeof base.maximum === "number" && base.maximum < Number.MAX_SAFE_INTEGER) constraints.maximum = base.maximum;
  // The JSON schema's pattern of a text field (the one the OpenAPI document shows), without its anchors: a
  // Table Schema pattern always matches the whole value. Dates and date-times are checked by their type.
  if (base.pattern && type === "string") constraints.pattern = base.pattern.replace(/^\^/, "").replace(/\$$/, "");
  const description = node.description ?? base.description;
  return { name, type, ...(description ? { description } : {}), ...(Object.keys(constraints).length ? { constraints } : {}) };
}

/**
 * Columns for the named fields of a record schema, in that order. A field listed in `withheld` reads
 * "< 11" when the record names it in its `suppressedFields`.
 */
export function columnsFromSchema<T extends Record<string, unknown>>(
  schema: z.ZodObject,
  names: readonly (keyof T & string)[],
  withheld: readonly (keyof T & string)[] = [],
): CsvColumn<T>[] {
  const json = z.toJSONSchema(schema, { unrepresentable: "any" }) as JsonSchemaNode;
  return names.map((name) => {
    const node = json.properties?.[name];
    if (!node) throw new Error(`Champ inconnu du schéma : ${name}`);
    const field = fieldFromJsonSchema(name, node);
    const masked = withheld.includes(name);
    return {
      ...field,
      value: (record: T) => {
        const suppressed = masked && Array.isArray(record.suppressedFields) && (record.suppressedFields as string[]).includes(name);
        return suppressed ? PUBLIC_COUNT_MASK : (record[name] as CsvCell);
      },
    };
  });
}

export function tableSchema<T>(columns: CsvColumn<T>[], primaryKey: string[]): TableSchema {
  const fields = columns.map((c): TableField => ({ name: c.name, type: c.type, ...(c.description ? { description: c.description } : {}), ...(c.constraints ? { constraints: c.constraints } : {}) }));
  return { fields, primaryKey, missingValues: MISSING_VALUES };
}

/** A value as the one writer takes it: in a number column, text holding a number ("-2", "12.5") stays a number. */
function cell(value: CsvCell, type: TableFieldType): WriterCell {
  if ((type === "number" || type === "integer") && typeof value === "string" && value !== PUBLIC_COUNT_MASK && value.trim() !== "" && Number.isFinite(Number(value))) return csvNumber(value);
  return value;
}

/** UTF-8 CSV: comma, header row of field names, CRLF, decimal point, ISO 8601 dates; formula-like text defused. */
export function toCsv<T>(columns: CsvColumn<T>[], records: T[]): string {
  return writeCsv([columns.map((c) => c.name), ...records.map((r) => columns.map((c) => cell(c.value(r), c.type)))], OPEN_DATA_CSV);
}

// ───────────────────────── Checking a file against its schema (tests, and anyone checking a file) ─────────────────────────

const CHECKS: Record<TableFieldType, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v),
  boolean: (v) => v === "true" || v === "false",
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** Checks a CSV file against its Table Schema: header, types, required values, enums, bounds. Returns the problems. */
export function validateCsv(text: string, schema: TableSchema): string[] {
  const problems: string[] = [];
  const [header, ...rows] = parseCsv(text);
  const names = schema.fields.map((f) => f.name);
  if (!header || header.join(",") !== names.join(",")) return [`En-tête ${header?.join(",")} ≠ ${names.join(",")}`];
  rows.forEach((row, r) => {
    if (row.length !== names.length) {
      problems.push(`Ligne ${r + 2} : ${row.length} cellules au lieu de ${names.length}`);
      return;
    }
    schema.fields.forEach((field, c) => {
      const value = row[c];
      if (schema.missingValues.includes(value)) {
        if (field.constraints?.required && value === "") problems.push(`Ligne ${r + 2}, ${field.name} : valeur requise`);
        return;
      }
      if (!CHECKS[field.type](value)) problems.push(`Ligne ${r + 2}, ${field.name} : « ${value} » n'est pas de type ${field.type}`);
      if (field.constraints?.enum && !field.constraints.enum.includes(value)) problems.push(`Ligne ${r + 2}, ${field.name} : « ${value} » hors liste`);
      if (field.constraints?.pattern && !new RegExp(`^(?:${field.constraints.pattern})$`).test(value)) problems.push(`Ligne ${r + 2}, ${field.name} : « ${value} » hors motif`);
      const n = Number(value);
      if (field.constraints?.minimum !== undefined && n < field.constraints.minimum) problems.push(`Ligne ${r + 2}, ${field.name} : ${value} < minimum`);
      if (field.constraints?.maximum !== undefined && n > field.constraints.maximum) problems.push(`Ligne ${r + 2}, ${field.name} : ${value} > maximum`);
    });
  });
  return problems;
}
